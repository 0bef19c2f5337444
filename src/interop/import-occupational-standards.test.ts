// The occupational-standards importer: every encoding and delimiter, 50 bad rows all listed with row
// and column and nothing stored, a transaction aborted at a chosen row leaves nothing, the same file
// twice changes nothing, and export → import of the CSV and the XLSX gives the same standards.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { TestDatabase } from '../../test/helpers/database.ts';
import '../wiring.ts';
import type { Ctx } from '../platform/context.ts';
import { assertAbortAtRowRefused, assertEveryBadRowListed, assertEveryVariantPreviews, csvOf, exported, importerDatabase, rowCount } from './import-checks.fixtures.ts';
import { commitImport, previewImport } from './import-service.ts';

let database: TestDatabase;
let ctx: Ctx;

before(async () => {
  ({ database, ctx } = await importerDatabase());
});
after(() => database?.close());

const HEADER = [
  'Standard code',
  'Название (на казахском)',
  'Name (Russian)',
  'Name (English)',
  'Отрасль (на казахском)',
  'Sector (Russian)',
  'Sector (English)',
  'Developer',
  'Approved on',
  'Occupations (JSON)',
];
const occupations = (level: number | string) =>
  JSON.stringify([{ code: '2512-1', name: { kk: 'Бағдарламашы', ru: 'Программист', en: 'Software developer' }, nqfLevel: level, labourFunctions: [] }]);
const row = (n: number, over: Partial<Record<number, string>> = {}) =>
  [
    `PS-IT-${String(n).padStart(3, '0')}`,
    `Стандарт ${n}`,
    `Стандарт ${n}`,
    `Standard ${n}`,
    'Сала',
    'Отрасль',
    'Sector',
    'Ассоциация',
    '01.09.2023',
    occupations(6),
  ].map((v, i) => over[i] ?? v);
const csv = csvOf;

const standards = () => rowCount(database.db, 'occupational_standards');

const streamed = (format: 'csv' | 'xlsx') => exported(ctx, 'occupational-standards', format, 'ru');

describe('occupational standards', () => {
  test('a good file reads in every encoding and delimiter; the preview stores nothing', async () => {
    const text = csv([HEADER, row(1), row(2)]);
    const russian = csv([
      HEADER,
      row(1, { 1: 'Стандарт', 4: 'Отрасль' }),
      row(2, { 1: 'Стандарт', 4: 'Отрасль', 9: occupations(5).replace('Бағдарламашы', 'Программист') }),
    ]);
    const variants: [string, Uint8Array][] = [
      ['utf-8', Buffer.from(text)],
      ['utf-8 bom', Buffer.from(`\uFEFF${text}`)],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
      ['windows-1251', iconv.encode(russian.replaceAll('Бағдарламашы', 'Программист'), 'windows-1251')],
      ['semicolon', Buffer.from(csv([HEADER, row(1), row(2)], ';'))],
      ['tab', Buffer.from(csv([HEADER, row(1), row(2)], '\t'))],
    ];
    await assertEveryVariantPreviews(ctx, 'occupational-standards', variants, 2);
    assert.equal(await standards(), 0);
  });

  test('50 bad rows are all listed with row and column, localized, and nothing is stored', async () => {
    const faults: Partial<Record<number, string>>[] = [{ 2: '' }, { 8: '31.02.2023' }, { 9: 'not json' }, { 9: occupations(11) }, { 9: '[]' }];
    const rows = [HEADER, ...Array.from({ length: 50 }, (_, n) => row(100 + n, faults[n % faults.length])), row(150)];
    const outcome = await commitImport({ ...ctx, lang: 'kk' }, 'occupational-standards', Buffer.from(csv(rows, ';')));
    assertEveryBadRowListed(outcome, 50);
    assert.equal(await standards(), 0);
  });

  test('a transaction aborted at a chosen row leaves nothing half-written', async () => {
    await assertAbortAtRowRefused(ctx, 'occupational-standards', Buffer.from(csv([HEADER, row(1), row(2), row(3)])));
    assert.equal(await standards(), 0);
  });

  test('commit, re-import is a no-op, a changed cell updates, and export → import gives the same standards', async () => {
    const text = csv([HEADER, row(1), row(2)]);
    const first = await commitImport(ctx, 'occupational-standards', Buffer.from(text));
    assert.deepEqual([first.committed, first.create], [true, 2], JSON.stringify(first.problems));
    const again = await commitImport(ctx, 'occupational-standards', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 2], JSON.stringify(again.problems));
    const changed = await commitImport(ctx, 'occupational-standards', Buffer.from(csv([HEADER, row(1, { 3: 'Standard 1 (revised)' })])));
    assert.deepEqual([changed.committed, changed.update], [true, 1], JSON.stringify(changed.problems));
    for (const format of ['csv', 'xlsx'] as const) {
      const back = await previewImport(ctx, 'occupational-standards', await streamed(format));
      assert.deepEqual(back.problems, [], format);
      assert.deepEqual([back.create, back.update, back.unchanged], [0, 0, 2], format);
    }
  });
});

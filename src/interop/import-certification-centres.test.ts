// The certification-centres importer: every encoding and delimiter, 50 bad rows all listed with row
// and column and nothing stored, a transaction aborted at a chosen row leaves nothing, the same file
// twice changes nothing, a changed cell updates, export → import of the CSV and the XLSX gives the
// same centres, and the templates carry the headers in kk, ru and en.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { TestDatabase } from '../../test/helpers/database.ts';
import '../wiring.ts';
import type { Ctx } from '../platform/context.ts';
import { readCsvText } from '../platform/tabular/read-table.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import { assertAbortAtRowRefused, assertEveryBadRowListed, assertEveryVariantPreviews, csvOf, encodingVariants, exported, importerDatabase, rowCount } from './import-checks.fixtures.ts';
import { commitImport, previewImport, registerDescriptor } from './import-service.ts';
import { templateBytes } from './import-template.ts';

let database: TestDatabase;
let ctx: Ctx;

const bin = (n: number) => `9100000${String(n).padStart(5, '0')}`;
const HEADER = ['Организация (БИН или ключ)', 'Sector', 'Коды профессиональных стандартов', 'Accredited on', 'Действует до'];
const row = (n: number, over: Partial<Record<number, string>> = {}) =>
  [bin(n), 'Информационные технологии', 'PS-IT-001; PS-IT-002', '01.03.2024', '2029-03-01'].map((v, i) => over[i] ?? v);
const csv = csvOf;

const centres = () => rowCount(database.db, 'certification_centres');

before(async () => {
  ({ database, ctx } = await importerDatabase());
  const organizations = [
    csvLine(['BIN', 'Name (Kazakh)', 'Name (Russian)', 'Kind', 'Region code']),
    ...Array.from({ length: 60 }, (_, n) => csvLine([bin(n), `Орталық ${n}`, `Центр ${n}`, 'certification-centre', 'KZ-75'])),
  ].join('');
  const stored = await commitImport(ctx, 'organizations', Buffer.from(organizations));
  assert.equal(stored.committed, true, JSON.stringify(stored.problems));
  const occupations = JSON.stringify([{ code: '2512-1', name: { kk: 'Бағдарламашы', ru: 'Программист', en: 'Software developer' }, nqfLevel: 6, labourFunctions: [] }]);
  const standards = [
    csvLine(['Standard code', 'Name (Kazakh)', 'Name (Russian)', 'Name (English)', 'Sector (Kazakh)', 'Sector (Russian)', 'Sector (English)', 'Developer', 'Occupations (JSON)']),
    ...[1, 2].map((n) => csvLine([`PS-IT-00${n}`, `Стандарт ${n}`, `Стандарт ${n}`, `Standard ${n}`, 'Сала', 'Отрасль', 'Sector', 'Ассоциация', occupations])),
  ].join('');
  const storedStandards = await commitImport(ctx, 'occupational-standards', Buffer.from(standards));
  assert.equal(storedStandards.committed, true, JSON.stringify(storedStandards.problems));
});
after(() => database?.close());

describe('certification centres', () => {
  test('templates in kk, ru and en: the header row in that language and an example row', async () => {
    const descriptor = registerDescriptor('certification-centres');
    for (const [lang, first] of [
      ['kk', 'Ұйым (БСН немесе кілт)'],
      ['ru', 'Организация (БИН или ключ)'],
      ['en', 'Organization (BIN or key)'],
    ] as const) {
      const table = readCsvText(Buffer.from(await templateBytes(descriptor, lang, 'csv')).toString('utf8'));
      assert.equal(table.header[0], first, lang);
      assert.equal(table.rows.length, 1, lang);
    }
  });

  test('a good file reads in every encoding and delimiter; the preview stores nothing', async () => {
    const variants = encodingVariants([HEADER, row(1), row(2)]);
    await assertEveryVariantPreviews(ctx, 'certification-centres', variants, 2);
    assert.equal(await centres(), 0);
  });

  test('50 bad rows are all listed with row and column, localized, and nothing is stored', async () => {
    const faults: Partial<Record<number, string>>[] = [{ 0: '' }, { 1: '' }, { 2: 'PS-NONE' }, { 3: '31.02.2024' }, { 4: '01.01.2020' }];
    const faulty = (n: number) => {
      const fault = faults[n % faults.length] ?? {};
      // An unknown organization (rather than an empty cell) keeps each bad row's key its own.
      return row(n, 0 in fault ? { 0: `99999999${String(n).padStart(4, '0')}` } : fault);
    };
    const rows = [HEADER, ...Array.from({ length: 50 }, (_, n) => faulty(n)), row(55)];
    const outcome = await commitImport({ ...ctx, lang: 'kk' }, 'certification-centres', Buffer.from(csv(rows, ';')));
    assertEveryBadRowListed(outcome, 50);
    assert.ok(outcome.problems.some((p) => p.key === 'errors.interop.unknownStandard' && /PS-NONE/.test(p.message)));
    assert.ok(outcome.problems.every((p) => /-жол/.test(p.message)), 'messages in Kazakh');
    assert.equal(await centres(), 0);
  });

  test('a transaction aborted at a chosen row leaves nothing half-written', async () => {
    await assertAbortAtRowRefused(ctx, 'certification-centres', Buffer.from(csv([HEADER, row(1), row(2), row(3)])));
    assert.equal(await centres(), 0);
  });

  test('commit, re-import is a no-op, a changed cell updates, and export → import gives the same centres', async () => {
    const text = csv([HEADER, row(1), row(2)]);
    const first = await commitImport(ctx, 'certification-centres', Buffer.from(text));
    assert.deepEqual([first.committed, first.create], [true, 2], JSON.stringify(first.problems));
    // The same centres with the standards in another order: still unchanged.
    const again = await commitImport(ctx, 'certification-centres', iconv.encode(csv([HEADER, row(1, { 2: 'PS-IT-002;PS-IT-001' }), row(2)]), 'windows-1251'));
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 2], JSON.stringify(again.problems));
    const changed = await commitImport(ctx, 'certification-centres', Buffer.from(csv([HEADER.slice(0, 2), row(1, { 1: 'Связь' }).slice(0, 2)])));
    assert.deepEqual([changed.committed, changed.update], [true, 1], JSON.stringify(changed.problems));
    const stored = await database.db
      .selectFrom('certification_centres')
      .select(['sector', 'occupational_standard_ids', 'valid_until'])
      .where('organization_id', 'in', (eb) => eb.selectFrom('organizations').select('id').where('bin', '=', bin(1)))
      .executeTakeFirstOrThrow();
    assert.equal(stored.sector, 'Связь');
    assert.equal(stored.occupational_standard_ids.length, 2, 'a file without the standards column keeps them');
    assert.equal(String(stored.valid_until).slice(0, 10), '2029-03-01');
    for (const format of ['csv', 'xlsx'] as const) {
      const back = await previewImport(ctx, 'certification-centres', await exported(ctx, 'certification-centres', format, 'kk'));
      assert.deepEqual(back.problems, [], format);
      assert.deepEqual([back.create, back.update, back.unchanged], [0, 0, 2], format);
    }
  });
});

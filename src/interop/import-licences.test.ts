// The licences importer: every encoding and delimiter, 50 bad rows all listed with row and column and
// nothing stored, a transaction aborted at a chosen row leaves nothing, the same file twice changes
// nothing, a changed cell updates, and export → import of the CSV and the XLSX gives the same licences.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import '../wiring.ts';
import { systemActor } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import { exportStream } from './export-register.ts';
import { assertEveryBadRowListed, assertAbortAtRowRefused } from './import-checks.fixtures.ts';
import { commitImport, previewImport, registerDescriptor } from './import-service.ts';

let database: TestDatabase;
let ctx: Ctx;

const UNIVERSITY = '900000000903';
const HEADER = ['Организация (БИН или ключ)', 'Licence number', 'Дата выдачи', 'Valid until', 'Status'];
const row = (n: number, over: Partial<Record<number, string>> = {}) =>
  [UNIVERSITY, `KZ12LAA${String(n).padStart(8, '0')}`, '01.08.2020', '2030-08-01', 'active'].map((v, i) => over[i] ?? v);
const csv = (rows: string[][], delimiter = ',') => rows.map((r) => csvLine(r, delimiter)).join('');

async function licences(): Promise<number> {
  const r = await database.db
    .selectFrom('licences')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function streamed(format: 'csv' | 'xlsx'): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of exportStream(ctx, registerDescriptor('licences'), format, { lang: 'en', baseUrl: 'https://sapa.test' }))
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

before(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, actor: systemActor('test'), lang: 'en', log: silentLogger, requestId: null };
  const organizations = `${csvLine(['BIN', 'Name (Kazakh)', 'Name (Russian)', 'Kind', 'Region code'])}${csvLine([UNIVERSITY, 'Университет', 'Университет', 'university', 'KZ-75'])}`;
  const stored = await commitImport(ctx, 'organizations', Buffer.from(organizations));
  assert.equal(stored.committed, true, JSON.stringify(stored.problems));
});
after(() => database?.close());

describe('licences', () => {
  test('a good file reads in every encoding and delimiter; the preview stores nothing', async () => {
    const text = csv([HEADER, row(1), row(2)]);
    const variants: [string, Uint8Array][] = [
      ['utf-8', Buffer.from(text)],
      ['utf-8 bom', Buffer.from(`\uFEFF${text}`)],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
      ['windows-1251', iconv.encode(text, 'windows-1251')],
      ['semicolon', Buffer.from(csv([HEADER, row(1), row(2)], ';'))],
      ['tab', Buffer.from(csv([HEADER, row(1), row(2)], '\t'))],
    ];
    for (const [name, bytes] of variants) {
      const preview = await previewImport(ctx, 'licences', bytes);
      assert.deepEqual(preview.problems, [], name);
      assert.equal(preview.create, 2, name);
    }
    assert.equal(await licences(), 0);
  });

  test('50 bad rows are all listed with row and column, localized, and nothing is stored', async () => {
    const faults: Partial<Record<number, string>>[] = [{ 0: '123' }, { 2: '31.02.2020' }, { 3: '01.01.2019' }, { 4: 'maybe' }, { 2: '' }];
    const rows = [HEADER, ...Array.from({ length: 50 }, (_, n) => row(100 + n, faults[n % faults.length])), row(150)];
    const outcome = await commitImport({ ...ctx, lang: 'ru' }, 'licences', Buffer.from(csv(rows, ';')));
    assertEveryBadRowListed(outcome, 50);
    assert.equal(await licences(), 0);
  });

  test('a transaction aborted at a chosen row leaves nothing half-written', async () => {
    await assertAbortAtRowRefused(ctx, 'licences', Buffer.from(csv([HEADER, row(1), row(2), row(3)])));
    assert.equal(await licences(), 0);
  });

  test('commit, re-import is a no-op, a changed cell updates, and export → import gives the same licences', async () => {
    const text = csv([HEADER, row(1), row(2)]);
    const first = await commitImport(ctx, 'licences', Buffer.from(text));
    assert.deepEqual([first.committed, first.create], [true, 2], JSON.stringify(first.problems));
    const again = await commitImport(ctx, 'licences', iconv.encode(text, 'windows-1251'));
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 2], JSON.stringify(again.problems));
    const changed = await commitImport(ctx, 'licences', Buffer.from(csv([HEADER.slice(0, 4), row(1, { 3: '2031-08-01' }).slice(0, 4)])));
    assert.deepEqual([changed.committed, changed.update], [true, 1], JSON.stringify(changed.problems));
    const stored = await database.db
      .selectFrom('licences')
      .select(['valid_until', 'status'])
      .where('number', '=', row(1)[1] as string)
      .executeTakeFirstOrThrow();
    assert.equal(String(stored.valid_until).slice(0, 10), '2031-08-01');
    for (const format of ['csv', 'xlsx'] as const) {
      const back = await previewImport(ctx, 'licences', await streamed(format));
      assert.deepEqual(back.problems, [], format);
      assert.deepEqual([back.create, back.update, back.unchanged], [0, 0, 2], format);
    }
  });
});

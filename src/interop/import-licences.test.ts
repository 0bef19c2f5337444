// The licences importer: every encoding and delimiter, 50 bad rows all listed with row and column and
// nothing stored, a transaction aborted at a chosen row leaves nothing, the same file twice changes
// nothing, a changed cell updates, and export → import of the CSV and the XLSX gives the same licences.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { TestDatabase } from '../../test/helpers/database.ts';
import '../wiring.ts';
import type { Ctx } from '../platform/context.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import { assertAbortAtRowRefused, assertEveryBadRowListed, assertEveryVariantPreviews, csvOf, encodingVariants, exported, importerDatabase, rowCount } from './import-checks.fixtures.ts';
import { commitImport, previewImport } from './import-service.ts';

let database: TestDatabase;
let ctx: Ctx;

const UNIVERSITY = '900000000903';
const HEADER = ['Организация (БИН или ключ)', 'Licence number', 'Дата выдачи', 'Valid until', 'Status'];
const row = (n: number, over: Partial<Record<number, string>> = {}) =>
  [UNIVERSITY, `KZ12LAA${String(n).padStart(8, '0')}`, '01.08.2020', '2030-08-01', 'active'].map((v, i) => over[i] ?? v);
const csv = csvOf;

const licences = () => rowCount(database.db, 'licences');

const streamed = (format: 'csv' | 'xlsx') => exported(ctx, 'licences', format, 'en');

before(async () => {
  ({ database, ctx } = await importerDatabase());
  const organizations = `${csvLine(['BIN', 'Name (Kazakh)', 'Name (Russian)', 'Kind', 'Region code'])}${csvLine([UNIVERSITY, 'Университет', 'Университет', 'university', 'KZ-75'])}`;
  const stored = await commitImport(ctx, 'organizations', Buffer.from(organizations));
  assert.equal(stored.committed, true, JSON.stringify(stored.problems));
});
after(() => database?.close());

describe('licences', () => {
  test('a good file reads in every encoding and delimiter; the preview stores nothing', async () => {
    const variants = encodingVariants([HEADER, row(1), row(2)]);
    await assertEveryVariantPreviews(ctx, 'licences', variants, 2);
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

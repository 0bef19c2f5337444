// The importer, register by register: every encoding and delimiter, every bad row listed with its
// row and column and nothing stored, a transaction aborted at a chosen row leaves nothing, the same
// file twice changes nothing, and export → import gives the same records.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { TestDatabase } from '../../test/helpers/database.ts';
import '../wiring.ts';
import type { Ctx } from '../platform/context.ts';
import { assertEveryVariantPreviews, csvOf, encodingVariants, exported, importerDatabase, rowCount } from './import-checks.fixtures.ts';
import type { RegisterName } from './import-descriptor.ts';
import { commitImport, previewImport } from './import-service.ts';

let database: TestDatabase;
let ctx: Ctx;

before(async () => {
  ({ database, ctx } = await importerDatabase());
});
after(() => database?.close());

const ORGANIZATION_HEADER = ['БИН', 'Название (на казахском)', 'Название (на русском)', 'Name (English)', 'Kind', 'Регион коды'];
const organizationRow = (n: number) => [`9${String(n).padStart(11, '0')}`, `Университет ${n}`, `Университет ${n}`, `University ${n}`, 'university', 'KZ-75'];
const csv = csvOf;

const count = (table: 'organizations' | 'programmes' | 'qualifications') => rowCount(database.db, table);
const streamed = (register: RegisterName, format: 'csv' | 'xlsx') => exported(ctx, register, format, 'ru');

describe('organizations', () => {
  test('a good file reads in every encoding and delimiter; the preview stores nothing', async () => {
    const variants = encodingVariants([ORGANIZATION_HEADER, organizationRow(1), organizationRow(2)]);
    const before = await count('organizations');
    await assertEveryVariantPreviews(ctx, 'organizations', variants, 2);
    assert.equal(await count('organizations'), before);
  });

  test('50 bad rows are all listed with row and column, localized, and nothing is stored', async () => {
    const rows = [ORGANIZATION_HEADER];
    for (let n = 100; n < 150; n++) rows.push([...organizationRow(n).slice(0, 4), n % 2 ? 'castle' : 'university', 'KZ-75'].map((v, i) => (i === 0 && n % 2 === 0 ? `12${n}` : v)));
    rows.push(organizationRow(150));
    const before = await count('organizations');
    const outcome = await commitImport({ ...ctx, lang: 'ru' }, 'organizations', Buffer.from(csv(rows)));
    assert.equal(outcome.committed, false);
    const badRows = [...new Set(outcome.problems.map((p) => p.row))];
    assert.equal(badRows.length, 50);
    assert.deepEqual(badRows, Array.from({ length: 50 }, (_, i) => i + 2));
    assert.ok(outcome.problems.every((p) => p.column === 'БИН' || p.column === 'Тип'), JSON.stringify(outcome.problems.slice(0, 3)));
    assert.match(outcome.problems[0]?.message ?? '', /^Строка 2, столбец «БИН»/);
    assert.equal(await count('organizations'), before);
  });

  test('a transaction aborted at a chosen row leaves nothing half-written', async () => {
    const rows = [ORGANIZATION_HEADER, ...Array.from({ length: 6 }, (_, i) => organizationRow(200 + i))];
    const before = await count('organizations');
    await assert.rejects(
      commitImport(ctx, 'organizations', Buffer.from(csv(rows)), {
        beforeRow: (row) => {
          if (row === 5) throw new Error('killed at row 5');
        },
      }),
      /killed at row 5/,
    );
    assert.equal(await count('organizations'), before);
  });

  test('commit stores all rows; the same file again changes nothing; a changed cell updates', async () => {
    const rows = [ORGANIZATION_HEADER, organizationRow(300), organizationRow(301)];
    const first = await commitImport(ctx, 'organizations', Buffer.from(csv(rows)));
    assert.deepEqual([first.committed, first.create, first.problems.length], [true, 2, 0]);
    const versions = async () => (await database.db.selectFrom('record_versions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await versions();
    const again = await commitImport(ctx, 'organizations', iconv.encode(csv(rows, ';'), 'windows-1251'));
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 2]);
    assert.equal(await versions(), before);
    const changed = await commitImport(ctx, 'organizations', Buffer.from(csv([ORGANIZATION_HEADER, [...organizationRow(300).slice(0, 3), 'University 300 (renamed)', 'university', 'KZ-75']])));
    assert.deepEqual([changed.create, changed.update], [0, 1]);
  });

  test('export → import of the CSV and the XLSX gives the same records', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const outcome = await previewImport(ctx, 'organizations', await streamed('organizations', format));
      assert.deepEqual(outcome.problems, [], format);
      assert.equal(outcome.create + outcome.update, 0, format);
      assert.equal(outcome.unchanged, await count('organizations'));
    }
  });
});

const PROGRAMME_HEADER = ['Organization (BIN or key)', 'Код программы', 'Edition', 'Название (на казахском)', 'Name (Russian)', 'Name (English)', 'Field of education code', 'Direction code', 'NQF level', 'Degree', 'Credits (ECTS)', 'Languages of instruction', 'Approved by the council on', 'Learning outcomes (JSON)'];
const OUTCOMES = JSON.stringify([{ code: 'LO1', text: { kk: 'Деректер қорын жобалайды', ru: 'Проектирует базы данных', en: 'Designs databases' } }]);
const programmeRow = (n: number, over: Partial<Record<number, string>> = {}) =>
  ['900000000300', `6B061${String(n).padStart(2, '0')}`, '1', `Ақпараттық жүйелер ${n}`, `Информационные системы ${n}`, '', '06', '061', '6', 'bachelor', '240', 'kk; ru', '15.06.2025', OUTCOMES].map((v, i) => over[i] ?? v);

describe('programmes', () => {
  test('a good file in each encoding and as XLSX previews its rows; dd.mm.yyyy dates are read', async () => {
    const text = csv([PROGRAMME_HEADER, programmeRow(1), programmeRow(2)], ';');
    // Windows-1251 has no Kazakh letters (ә, қ, ң, ...): such a file can only carry Russian text.
    const russian = csv([PROGRAMME_HEADER, programmeRow(1, { 3: 'Информационные системы 1' }), programmeRow(2, { 3: 'Информационные системы 2' })], ';');
    for (const bytes of [Buffer.from(text), iconv.encode(russian, 'windows-1251'), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])]) {
      const outcome = await previewImport(ctx, 'programmes', bytes);
      assert.deepEqual(outcome.problems, []);
      assert.equal(outcome.create, 2);
    }
  });

  test('bad rows name their row and column; a row the service refuses is listed too; nothing stored', async () => {
    const rows = [PROGRAMME_HEADER, programmeRow(3, { 8: 'six' }), programmeRow(4, { 0: '999999999999' }), programmeRow(5, { 12: '31.02.2025' }), programmeRow(6, { 6: '07' })];
    const outcome = await commitImport(ctx, 'programmes', Buffer.from(csv(rows)));
    assert.equal(outcome.committed, false);
    assert.deepEqual(
      outcome.problems.map((p) => [p.row, p.column]),
      [
        [2, 'NQF level'],
        [3, 'Organization (BIN or key)'],
        [4, 'Approved by the council on'],
        [5, 'Field of education code'],
        [5, 'Direction code'],
      ],
      JSON.stringify(outcome.problems),
    );
    assert.equal(await count('programmes'), 0);
  });

  test('commit, re-import is a no-op, and export → import of CSV and XLSX gives the same records', async () => {
    const text = csv([PROGRAMME_HEADER, programmeRow(7), programmeRow(8)]);
    const first = await commitImport(ctx, 'programmes', Buffer.from(text));
    assert.deepEqual([first.committed, first.create], [true, 2], JSON.stringify(first.problems));
    const stored = await database.db.selectFrom('programmes').select(['council_approved_on', 'languages']).where('code', '=', '6B06107').executeTakeFirstOrThrow();
    assert.equal(String(stored.council_approved_on).slice(0, 10), '2025-06-15');
    const again = await commitImport(ctx, 'programmes', Buffer.from(text));
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 2], JSON.stringify(again.problems));
    for (const format of ['csv', 'xlsx'] as const) {
      const back = await previewImport(ctx, 'programmes', await streamed('programmes', format));
      assert.deepEqual(back.problems, [], format);
      assert.deepEqual([back.create, back.update, back.unchanged], [0, 0, 2], format);
    }
  });
  test('one file of new, changed and unchanged rows: the chunk read finds each stored record, history grows only where a row changed', async () => {
    const first = await commitImport(ctx, 'programmes', Buffer.from(csv([PROGRAMME_HEADER, programmeRow(9), programmeRow(10)])));
    assert.deepEqual([first.committed, first.create], [true, 2], JSON.stringify(first.problems));
    const mixed = csv([PROGRAMME_HEADER, programmeRow(9), programmeRow(10, { 5: 'Information Systems 10' }), programmeRow(11)]);
    const outcome = await commitImport(ctx, 'programmes', Buffer.from(mixed));
    assert.deepEqual([outcome.committed, outcome.create, outcome.update, outcome.unchanged], [true, 1, 1, 1], JSON.stringify(outcome.problems));
    const versionsOf = async (code: string) => {
      const { id } = await database.db.selectFrom('programmes').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      return (await database.db.selectFrom('record_versions').select(['version', 'data']).where('entity_id', '=', id).orderBy('version').execute()).map((v) => [
        v.version,
        (v.data as { name: { en: string | null } }).name.en || null,
      ]);
    };
    assert.deepEqual(await versionsOf('6B06109'), [[1, null]]);
    assert.deepEqual(await versionsOf('6B06110'), [
      [1, null],
      [2, 'Information Systems 10'],
    ]);
    assert.deepEqual(await versionsOf('6B06111'), [[1, null]]);
  });
});

describe('qualifications', () => {
  const HEADER = ['Код квалификации', 'Name (Kazakh)', 'Название (на русском)', 'Kind', 'NQF level', 'Awarding body (BIN or key)', 'Field of education code'];
  const row = (n: number, over: Partial<Record<number, string>> = {}) =>
    [`Q-6-0611-${n}`, `Біліктілік ${n}`, `Квалификация ${n}`, 'higher-education', '6', '900000000300', '06'].map((v, i) => over[i] ?? v);

  test('bad rows are listed and nothing stored; then commit, re-import is a no-op, and CSV/XLSX round trips', async () => {
    const bad = await commitImport(ctx, 'qualifications', Buffer.from(csv([HEADER, row(1, { 3: 'diploma' }), row(2, { 5: 'nobody' })], '\t')));
    assert.deepEqual(bad.problems.map((p) => [p.row, p.column]), [[2, 'Kind'], [3, 'Awarding body (BIN or key)']]);
    assert.equal(await count('qualifications'), 0);
    const text = csv([HEADER, row(1), row(2)]);
    const first = await commitImport(ctx, 'qualifications', Buffer.from(text));
    assert.deepEqual([first.committed, first.create], [true, 2], JSON.stringify(first.problems));
    const again = await commitImport(ctx, 'qualifications', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 2]);
    for (const format of ['csv', 'xlsx'] as const) {
      const back = await previewImport(ctx, 'qualifications', await streamed('qualifications', format));
      assert.deepEqual(back.problems, [], format);
      assert.deepEqual([back.create, back.update, back.unchanged], [0, 0, 2], format);
    }
  });
});

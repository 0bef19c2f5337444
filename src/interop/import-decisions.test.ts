// The decisions importer: historical decisions of recognized bodies with their source, in every
// encoding and delimiter; 50 bad rows all listed and nothing stored; a transaction aborted at a chosen
// row leaves nothing; the same file twice changes nothing; other facts for a recorded report are
// refused; export → import of the CSV and the XLSX gives the same decisions.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import type { TestDatabase } from '../../test/helpers/database.ts';
import '../wiring.ts';
import { recognitionInputSchema } from '../accreditation/recognition.schema.ts';
import { addRecognition } from '../accreditation/recognition.service.ts';
import type { Ctx } from '../platform/context.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import { assertEveryBadRowListed, assertEveryVariantPreviews, csvOf, encodingVariants, exported, importerDatabase, rowCount } from './import-checks.fixtures.ts';
import { commitImport, previewImport } from './import-service.ts';

let database: TestDatabase;
let ctx: Ctx;

const BODY = '900000000901';
const UNIVERSITY = '900000000902';
const HEADER = [
  'Accreditation body (BIN or key)',
  'Источник',
  'Identifier in the source',
  'Организация (БИН или ключ)',
  'Kind of accreditation',
  'Решение',
  'Decided on / valid from',
  'Valid to',
  'Programme codes',
];
const row = (n: number, over: Partial<Record<number, string>> = {}) =>
  [BODY, 'ARCHIVE', `2019-${String(n).padStart(3, '0')}`, UNIVERSITY, 'programme', 'accredited', '20.05.2019', '2024-05-19', '6B06101'].map(
    (v, i) => over[i] ?? v,
  );
const csv = csvOf;

const decisions = () => rowCount(database.db, 'accreditation_decisions');

const streamed = (format: 'csv' | 'xlsx') => exported(ctx, 'decisions', format, 'kk');

before(async () => {
  ({ database, ctx } = await importerDatabase());
  const organizations = `${csvLine(['BIN', 'Name (Kazakh)', 'Name (Russian)', 'Kind', 'Region code'])}${csvLine([BODY, 'Агенттік', 'Агентство', 'accreditation-body', 'KZ-75'])}${csvLine([UNIVERSITY, 'Университет', 'Университет', 'university', 'KZ-75'])}`;
  const orgs = await commitImport(ctx, 'organizations', Buffer.from(organizations));
  assert.equal(orgs.committed, true, JSON.stringify(orgs.problems));
  const programme = csv([
    [
      'Organization (BIN or key)',
      'Programme code',
      'Name (Kazakh)',
      'Name (Russian)',
      'Field of education code',
      'Direction code',
      'NQF level',
      'Degree',
      'Credits (ECTS)',
      'Languages of instruction',
      'Learning outcomes (JSON)',
    ],
    [
      UNIVERSITY,
      '6B06101',
      'Ақпараттық жүйелер',
      'Информационные системы',
      '06',
      '061',
      '6',
      'bachelor',
      '240',
      'ru',
      JSON.stringify([{ code: 'LO1', text: { kk: 'Жобалайды', ru: 'Проектирует', en: 'Designs' } }]),
    ],
  ]);
  const programmes = await commitImport(ctx, 'programmes', Buffer.from(programme));
  assert.equal(programmes.committed, true, JSON.stringify(programmes.problems));
  const body = await database.db.selectFrom('organizations').select('id').where('bin', '=', BODY).executeTakeFirstOrThrow();
  const recognition = recognitionInputSchema.parse({
    orderNumber: 'R-1',
    orderDate: '2015-01-01',
    validFrom: '2015-01-01',
    scopeTypes: ['institutional', 'programme'],
  });
  await addRecognition(ctx, body.id, recognition);
});
after(() => database?.close());

describe('decisions', () => {
  test('a good file reads in every encoding and delimiter and as the template says; the preview stores nothing', async () => {
    const variants = [
      ...encodingVariants([HEADER, row(1), row(2, { 4: 'institutional', 5: 'refused', 7: '', 8: '' })]),
      ...encodingVariants([HEADER, row(1), row(2)]).filter(([name]) => name === 'semicolon' || name === 'tab'),
    ];
    await assertEveryVariantPreviews(ctx, 'decisions', variants, 2);
    assert.equal(await decisions(), 0);
  });

  test('50 bad rows are all listed with row and column, localized, and nothing is stored', async () => {
    const faults: Partial<Record<number, string>>[] = [
      { 0: UNIVERSITY },
      { 3: '123' },
      { 5: 'maybe' },
      { 6: '31.02.2019' },
      { 8: '9Z99999' },
      { 7: '' },
      { 4: 'programme', 8: '' },
      { 7: '01.01.2018' },
    ];
    const rows = [HEADER, ...Array.from({ length: 50 }, (_, n) => row(100 + n, faults[n % faults.length])), row(150)];
    const outcome = await commitImport({ ...ctx, lang: 'ru' }, 'decisions', Buffer.from(csv(rows, ';')));
    assertEveryBadRowListed(outcome, 50);
    assert.match(outcome.problems[0]?.message ?? '', /^Строка 2, столбец «Аккредитационный орган \(БИН или ключ\)»: .*не является признанным/);
    assert.equal(await decisions(), 0);
  });

  test('a transaction aborted at a chosen row leaves nothing half-written', async () => {
    const rows = [HEADER, ...Array.from({ length: 5 }, (_, n) => row(200 + n))];
    await assert.rejects(
      commitImport(ctx, 'decisions', Buffer.from(csv(rows)), {
        beforeRow: (r) => {
          if (r === 4) throw new Error('killed at row 4');
        },
      }),
      /killed at row 4/,
    );
    assert.equal(await decisions(), 0);
  });

  test('commit, re-import is a no-op, other facts are refused, and export → import gives the same decisions', async () => {
    const text = csv([HEADER, row(1), row(2, { 4: 'institutional', 5: 'refused', 7: '', 8: '' })]);
    const first = await commitImport(ctx, 'decisions', Buffer.from(text));
    assert.deepEqual([first.committed, first.create], [true, 2], JSON.stringify(first.problems));
    const stored = await database.db.selectFrom('accreditation_decisions').select(['outcome', 'valid_from', 'summary']).orderBy('decided_on').execute();
    assert.deepEqual(
      stored.map((d) => (d.summary as { imported: unknown }).imported),
      [
        { register: 'ARCHIVE', identifier: '2019-001' },
        { register: 'ARCHIVE', identifier: '2019-002' },
      ],
    );
    const again = await commitImport(ctx, 'decisions', iconv.encode(text, 'windows-1251'));
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 2], JSON.stringify(again.problems));
    const changed = await commitImport(ctx, 'decisions', Buffer.from(csv([HEADER, row(1, { 7: '2025-05-19' })])));
    assert.equal(changed.committed, false);
    assert.equal(changed.problems.length, 1, JSON.stringify(changed.problems));
    assert.equal(await decisions(), 2);
    for (const format of ['csv', 'xlsx'] as const) {
      const back = await previewImport(ctx, 'decisions', await streamed(format));
      assert.deepEqual(back.problems, [], format);
      assert.deepEqual([back.create, back.update, back.unchanged], [0, 0, 2], format);
    }
  });
});

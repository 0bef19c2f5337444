// Statistical inputs (students, population, grants, faculty) come in through the register importer
// as versioned datasets with source and period, and feed the indicators that use them: gross
// enrolment ratio per region, state grants by level, faculty by degree and title, each beside the
// published figure with the difference. Bad rows are listed by row and column and nothing is
// stored; the same file twice changes nothing; a changed value is a new version and a new figure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import '../wiring.ts';
import { indicatorValues } from '../indicators/indicators.service.ts';
import { type Actor, systemActor } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import { commitImport, previewImport } from './import-service.ts';

let database: TestDatabase;
let ctx: Ctx;

const HEADER = ['Dataset', 'Период', 'Region code', 'Level', 'Gender', 'Funding', 'Age', 'Degree', 'Academic title', 'Value', 'Source'];
const SOURCE = 'Бюро национальной статистики, 2024';
type Row = { dataset: string; period: string; region?: string; level?: string; gender?: string; funding?: string; age?: string; degree?: string; title?: string; value: string | number; source?: string };
const line = (r: Row) => csvLine([r.dataset, r.period, r.region ?? '', r.level ?? '', r.gender ?? '', r.funding ?? '', r.age ?? '', r.degree ?? '', r.title ?? '', String(r.value), r.source ?? SOURCE]);
const file = (rows: Row[]) => Buffer.from([csvLine(HEADER), ...rows.map(line)].join(''));

// Almaty (KZ-75): 106 400 students over 100 000 aged 18–22 (in two gender rows) → 106.4 %, as published.
// Turkistan (KZ-61): 19 000 students over 100 000 → 19.0 % against the published 19.3.
const GOOD: Row[] = [
  { dataset: 'students', period: '2023-2024', region: 'KZ-75', level: '6', funding: 'state', value: 50_000 },
  { dataset: 'students', period: '2023-2024', region: 'KZ-75', level: '6', funding: 'paid', value: 46_400 },
  { dataset: 'students', period: '2023-2024', region: 'KZ-75', level: '7', value: 10_000 },
  { dataset: 'students', period: '2023-2024', region: 'KZ-61', level: '6', value: 19_000 },
  { dataset: 'population', period: '2023', region: 'KZ-75', age: '18-22', gender: 'female', value: 50_000 },
  { dataset: 'population', period: '2023', region: 'KZ-75', age: '18-22', gender: 'male', value: 50_000 },
  { dataset: 'population', period: '2023', region: 'KZ-61', age: '18-22', value: 100_000 },
  { dataset: 'grants', period: '2024-2025', level: '6', value: 78_219 },
  { dataset: 'grants', period: '2024-2025', level: '7', value: 13_000 },
  { dataset: 'grants', period: '2024-2025', level: '8', value: 2_919 },
  { dataset: 'faculty', period: '2023-2024', degree: 'phd', title: 'associate-professor', value: 300 },
  { dataset: 'faculty', period: '2023-2024', degree: 'phd', title: 'none', value: 700 },
  { dataset: 'faculty', period: '2023-2024', degree: 'doctor-of-sciences', title: 'professor', value: 120 },
  { dataset: 'faculty', period: '2023-2024', degree: 'none', value: 2_000 },
];

type Value = { key: string | null; value: number | null; published: { value: number; source: { lines: string } } | null; difference: number | null };
const values = async (id: string, query: Record<string, string> = {}) => {
  const v = await indicatorValues(ctx, id, query);
  return { ...v, byKey: new Map<string | null, Value>(v.values.map((x: Value) => [x.key, x])) };
};

before(async () => {
  database = await createTestDatabase();
  ctx = { db: database.db, actor: systemActor('test'), lang: 'en', log: silentLogger, requestId: null };
});
after(() => database?.close());

describe('statistical inputs through the importer', () => {
  test('a bad file is previewed with every problem by row and column, and committing it stores nothing', async () => {
    const bad = file([
      ...GOOD.slice(0, 2),
      { dataset: 'students', period: '2023/24', region: 'KZ-75', value: 1 },
      { dataset: 'pupils', period: '2023', value: 1 },
      { dataset: 'population', period: '2023', region: 'KZ-75', value: 5 },
      { dataset: 'grants', period: '2024', region: 'KZ-99', value: 5 },
      { dataset: 'grants', period: '2024', level: '6', value: 'many' },
      { dataset: 'grants', period: '2024', gender: 'female', value: 5 },
    ]);
    const preview = await previewImport(ctx, 'statistics', bad);
    const at = (row: number) => preview.problems.filter((p) => p.row === row).map((p) => p.column);
    assert.deepEqual(at(4), ['Period']);
    assert.deepEqual(at(5), ['Dataset']);
    assert.deepEqual(at(6), ['Age']);
    assert.deepEqual(at(7), ['Region code']);
    assert.deepEqual(at(8), ['Value']);
    assert.deepEqual(at(9), ['Gender']);
    const outcome = await commitImport(ctx, 'statistics', bad);
    assert.equal(outcome.committed, false);
    const stored = await database.db.selectFrom('statistical_observations').select('id').execute();
    assert.equal(stored.length, 0, 'all or nothing');
  });

  test('only the ministry imports statistics', async () => {
    const editor: Actor = { kind: 'user', userId: '00000000-0000-4000-8000-000000000001', label: 'e', roles: [{ role: 'org-editor', organizationId: null }] };
    await assert.rejects(previewImport({ ...ctx, actor: editor }, 'statistics', file(GOOD)), { status: 403 });
  });

  test('a good file is stored with source and period; the same file again changes nothing', async () => {
    const first = await commitImport(ctx, 'statistics', file(GOOD));
    assert.equal(first.committed, true, JSON.stringify(first.problems));
    assert.equal(first.create, GOOD.length);
    const versionBefore = (await values('faculty')).dataVersion;
    const again = await commitImport(ctx, 'statistics', file(GOOD));
    assert.equal(again.unchanged, GOOD.length);
    assert.equal(again.create + again.update, 0);
    assert.equal((await values('faculty')).dataVersion, versionBefore, 'nothing written, not even the audit trail');
  });

  test('gross enrolment ratio per region is computed from the datasets, beside the published 2023 figures (seed 003 L3206)', async () => {
    const ger = await values('gross-enrolment-ratio');
    const almaty = ger.byKey.get('KZ-75') as Value;
    assert.equal(almaty.value, 106.4);
    assert.equal(almaty.published?.value, 106.4);
    assert.equal(almaty.published?.source.lines, 'L3206');
    assert.equal(almaty.difference, 0);
    const turkistan = ger.byKey.get('KZ-61') as Value;
    assert.equal(turkistan.value, 19);
    assert.equal(turkistan.difference, -0.3);
    // A region the seed publishes but the datasets lack has no computed value.
    assert.equal(ger.byKey.get('KZ-71')?.value, null);
    assert.equal(ger.total.value, 62.7);
    const students = ger.lineage.find((l) => l.kind === 'dataset' && l.dataset === 'students');
    assert.deepEqual(students && 'periods' in students ? [students.periods, students.sources] : null, [['2023-2024'], [SOURCE]]);
  });

  test('state grants by level and faculty by degree and title', async () => {
    const grants = await values('state-grants');
    assert.equal(grants.byKey.get('6')?.difference, 0);
    assert.equal(grants.byKey.get('7')?.value, 13_000);
    assert.equal(grants.byKey.get('7')?.difference, -113);
    assert.equal(grants.total.value, 94_138);
    assert.equal(grants.total.difference, 94_138 - 94_251);
    const byDegree = await values('faculty', { by: 'degree' });
    assert.deepEqual(Object.fromEntries(byDegree.values.map((v: Value) => [v.key, v.value])), { 'doctor-of-sciences': 120, none: 2000, phd: 1000 });
    const byTitle = await values('faculty', { by: 'title', degree: 'phd' });
    assert.deepEqual(Object.fromEntries(byTitle.values.map((v: Value) => [v.key, v.value])), { 'associate-professor': 300, none: 700 });
    // The degree-less row gives no title: it is a total over titles, never a title of its own.
    assert.equal((await values('faculty', { by: 'title' })).total.value, 3120);
  });

  test('a changed value is a new version of the observation and changes the computed figure', async () => {
    const changed = GOOD.map((r) => (r.dataset === 'students' && r.region === 'KZ-61' ? { ...r, value: 20_000, source: 'БНС, уточнение 2024' } : r));
    const outcome = await commitImport(ctx, 'statistics', file(changed));
    assert.equal(outcome.update, 1);
    assert.equal((await values('gross-enrolment-ratio')).byKey.get('KZ-61')?.value, 20);
    const row = await database.db.selectFrom('statistical_observations').select('id').where('region_code', '=', 'KZ-61').where('dataset', '=', 'students').executeTakeFirstOrThrow();
    const versions = await database.db.selectFrom('record_versions').select(['version', 'data']).where('entity_id', '=', row.id).orderBy('version').execute();
    assert.deepEqual(
      versions.map((v) => [v.version, (v.data as { value: number }).value]),
      [
        [1, 19_000],
        [2, 20_000],
      ],
    );
  });

  test('demonstration observations do not count', async () => {
    await database.db.updateTable('statistical_observations').set({ is_synthetic: true }).where('dataset', '=', 'grants').where('level', '=', '8').execute();
    const { forgetIndicatorCache } = await import('../indicators/indicators.service.ts');
    forgetIndicatorCache();
    const grants = await values('state-grants');
    assert.equal(grants.byKey.get('8')?.value, 0);
    assert.ok(grants.syntheticLeftOut >= 1);
  });
});

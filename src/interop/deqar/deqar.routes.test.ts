import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { bachelorIctPassport } from '../../../test/helpers/factories.ts';
import { decisionsToExchange } from '../../accreditation/accreditation.api.ts';
import { reportsOfCsv, reportsToCsv } from './csv.ts';
import { type DeqarReportJson, readReport } from './report.ts';

let t: TestApp;
let ministry: string;
let bodyId: string;
let agency: string;
let alpha: { id: string; bin: string };
let beta: { id: string; bin: string };
let programme: { id: string; code: string };

const documented: Array<{ title: string; report: DeqarReportJson }> = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/deqar/documented-v2-examples.json', import.meta.url), 'utf8'),
);

async function organization(body: Record<string, unknown>): Promise<string> {
  const res = await t.json('POST', '/api/organizations', { token: ministry, body: { kind: 'university', regionCode: 'KZ-75', ...body } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

async function recognizedBody(name: string): Promise<string> {
  const id = await organization({ name: { kk: name, ru: name, en: name }, shortName: name, kind: 'accreditation-body' });
  const recognition = { orderNumber: `R-${name}`, orderDate: '2015-01-01', validFrom: '2015-01-01', scopeTypes: ['institutional', 'programme'] };
  const res = await t.json('POST', `/api/accreditation/bodies/${id}/recognitions`, { token: ministry, body: recognition });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return id;
}

const importReports = (body: unknown) => t.json('POST', '/api/interop/deqar/reports', { token: ministry, body });

/** The test helper sends JSON; a CSV goes as text/csv straight to the app. */
async function importCsv(csv: string) {
  const res = await t.app.request('/api/interop/deqar/reports', { method: 'POST', headers: { authorization: `Bearer ${ministry}`, 'content-type': 'text/csv' }, body: csv });
  return { status: res.status, body: await res.json() };
}

/** The facts a decision is judged the same by, keyed without its id. */
async function factsOf(ids: string[]) {
  const decisions = await decisionsToExchange(t.db, { ids });
  return decisions
    .map((d) => ({ organizationId: d.organizationId, kind: d.kind, outcome: d.outcome, validFrom: d.validFrom, validTo: d.validTo, decidedOn: d.decidedOn, programmeIds: d.programmeIds }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
  agency = 'KZAQA';
  bodyId = await recognizedBody(agency);
  alpha = { id: await organization({ bin: '300000000001', name: { kk: 'Альфа', ru: 'Альфа', en: 'Alpha University' } }), bin: '300000000001' };
  beta = { id: await organization({ bin: '300000000002', name: { kk: 'Бета', ru: 'Бета', en: 'Beta University' } }), bin: '300000000002' };
  const editor = await t.tokenFor('org-editor', alpha.id);
  const passport = {
    organizationId: alpha.id,
    code: '6B06101',
    name: { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' },
    ...bachelorIctPassport(),
  };
  const created = await t.json('POST', '/api/programmes', { token: editor, body: passport });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  programme = { id: created.body.id, code: '6B06101' };
  // The decisions the round trips start from, recorded the way a body reports them.
  const start = await importReports([
    { agency, local_identifier: 'A-1', status: '1', decision: '1', valid_from: '2021-06-01', valid_to: '2026-05-31', date_format: '%Y-%m-%d', institutions: [{ identifier: alpha.bin, resource: 'KZ-national' }] },
    {
      agency,
      local_identifier: 'A-2',
      activities: [{ local_identifier: 'programme' }],
      status: 'part of obligatory EQA system',
      decision: 'positive with conditions or restrictions',
      valid_from: '15.09.2022',
      date_format: '%d.%m.%Y',
      institutions: [{ identifier: alpha.bin }],
      programmes: [{ identifiers: [{ identifier: programme.code }], name_primary: 'Information systems', qf_ehea_level: 'first cycle', degree_outcome: '1' }],
    },
    { agency, local_identifier: 'B-1', status: '1', decision: '3', valid_from: '2023-02-10', date_format: '%Y-%m-%d', institutions: [{ identifier: beta.bin }] },
  ]);
  assert.equal(start.status, 200, JSON.stringify(start.body));
});
after(() => t.close());

describe('DEQAR reports', () => {
  test('a report becomes a decision: DEQAR values mapped, valid_to six years on when absent, programmes matched by code, a refusal without validity', async () => {
    const [withConditions] = await decisionsToExchange(t.db, { ids: [(await sql<{ id: string }>`select id from accreditation_decisions where summary->'imported'->>'identifier' = 'A-2'`.execute(t.db)).rows[0]?.id ?? ''] });
    assert.equal(withConditions?.outcome, 'accredited');
    assert.equal(withConditions?.validFrom, '2022-09-15');
    assert.equal(withConditions?.validTo, '2028-09-15');
    assert.deepEqual(withConditions?.programmeIds, [programme.id]);
    assert.equal(withConditions?.kind, 'programme');
    const reports = (await t.json('GET', `/api/accreditation/bodies/${bodyId}/deqar`)).body as DeqarReportJson[];
    const refused = reports.find((r) => r.local_identifier === 'B-1');
    assert.equal(refused?.decision, 'negative');
    assert.equal(refused?.valid_to, undefined);
    assert.equal(reports.find((r) => r.local_identifier === 'A-2')?.decision, 'positive with conditions or restrictions');
    for (const r of reports) assert.ok('report' in readReport(r), JSON.stringify(r));
  });

  test('Sapa → DEQAR JSON → Sapa gives the same decisions; the same reports again change nothing', async () => {
    const exported = (await t.json('GET', `/api/accreditation/bodies/${bodyId}/deqar`)).body as DeqarReportJson[];
    const original = (await decisionsToExchange(t.db, { bodyId })).map((d) => d.id);
    const again = await importReports(exported);
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.ok(again.body.results.every((r: { created: boolean }) => !r.created));
    const copies = await importReports(exported.map((r) => ({ ...r, local_identifier: `json-${r.local_identifier}` })));
    assert.equal(copies.status, 200, JSON.stringify(copies.body));
    assert.deepEqual(await factsOf(copies.body.results.map((r: { decisionId: string }) => r.decisionId)), await factsOf(original));
  });

  test('Sapa → DEQAR CSV → Sapa gives the same decisions', async () => {
    const one = await t.request('GET', `/api/accreditation/bodies/${bodyId}/deqar?format=csv`);
    assert.match(one.headers.get('content-type') ?? '', /text\/csv/);
    const csv = await one.text();
    assert.match(csv.split('\n')[0] ?? '', /programme\[1\]\.identifier\[1\]/);
    const original = (await decisionsToExchange(t.db, { bodyId })).filter((d) => /^[AB]-\d$/.test(String(d.imported?.identifier))).map((d) => d.id);
    const rows = reportsOfCsv(csv).filter((r) => /^[AB]-\d$/.test(r.report.local_identifier ?? ''));
    const renamed = reportsToCsv(rows.map((r) => ({ ...r.report, local_identifier: `csv-${r.report.local_identifier}` })));
    const res = await importCsv(renamed);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(await factsOf(res.body.results.map((r: { decisionId: string }) => r.decisionId)), await factsOf(original));
  });

  test("DEQAR's own documented v2 examples import without error once their agencies and institutions are in the register", async () => {
    await recognizedBody('MusiQuE');
    await recognizedBody('AAQ');
    const institutions = [
      { eter: 'BE0035' },
      { deqar: 'DEQARINST0390' },
      { eter: 'AT0006' },
      { eter: 'DE0140' },
      { eter: 'EE0022' },
      { eter: 'SE0037' },
      { Erasmus: 'F  LYON24' },
      { deqar: 'DEQARINST0460' },
      { deqar: 'DEQARINST0006' },
      { deqar: 'DEQARINST7773' },
    ];
    for (const [n, identifiers] of institutions.entries()) {
      await organization({ identifiers, name: { kk: `Foreign ${n}`, ru: `Foreign ${n}`, en: `Foreign ${n}` } });
    }
    const res = await importReports(documented.map((d) => d.report));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.results.length, documented.length);
    assert.ok(res.body.results.every((r: { created: boolean }) => r.created));
    const joint = (await t.json('GET', `/api/accreditation/decisions/${res.body.results[3].decisionId}/deqar`)).body;
    assert.equal(joint.institutions.length, 4, 'a joint programme keeps every institution');
    assert.equal(joint.valid_from, '2020-01-15', 'date_format %d.%m.%Y read, written back as ISO');
  });

  test('a request with no body and no media type is refused with 415, not a 500 (found by the bad-input property test)', async () => {
    const res = await t.app.request('/api/interop/deqar/reports', { method: 'POST', headers: { authorization: `Bearer ${ministry}` } });
    assert.equal(res.status, 415);
    assert.match((await res.json()).detail, /application\/json, text\/csv/);
  });

  test('bad reports are all listed with their row and column, in the caller\'s language, and nothing is recorded', async () => {
    const before = Number((await sql<{ n: string }>`select count(*) as n from accreditation_decisions`.execute(t.db)).rows[0]?.n);
    const csv = [
      'agency,local_identifier,status,decision,valid_from,date_format,institution[1].identifier',
      `${agency},X-1,1,1,2024-01-01,%Y-%m-%d,${alpha.bin}`,
      `${agency},X-2,7,1,2024-01-01,%Y-%m-%d,${alpha.bin}`,
      `${agency},X-3,1,1,2024-01-01,%Y-%m-%d,999999999999`,
      `NOBODY,X-4,1,1,01/02/2024,%Y-%m-%d,${alpha.bin}`,
    ].join('\n');
    const res = await importCsv(csv);
    assert.equal(res.status, 422);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    assert.deepEqual(paths, ['row 3: status', 'row 5: valid_from', 'row 4: institution[1]']);
    const ru = await t.json('POST', '/api/interop/deqar/reports', { token: ministry, lang: 'ru', body: { agency: 'NOBODY', status: '1', decision: '1', valid_from: '2024-01-01', date_format: '%Y-%m-%d', institutions: [{ identifier: alpha.bin }] } });
    assert.equal(ru.status, 422);
    assert.match(ru.body.errors[0].message, /NOBODY/);
    assert.equal(ru.body.errors[0].path, 'agency');
    const after = Number((await sql<{ n: string }>`select count(*) as n from accreditation_decisions`.execute(t.db)).rows[0]?.n);
    assert.equal(after, before);
    const anonymous = await t.json('POST', '/api/interop/deqar/reports', { body: documented[0]?.report });
    assert.equal(anonymous.status, 401);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { bachelorIctPassport } from '../../../test/helpers/factories.ts';
import { expandWithBundledContext } from './expand-bundled.ts';
import { readShapes, violations } from './shapes.ts';

const bundled = (name: string) => readFileSync(new URL(`./bundled/${name}`, import.meta.url), 'utf8');
const shapes = readShapes(bundled('AMS-constraints.ttl'));

/** Expands with the bundled EDC context only: nothing is fetched. */
const expand = expandWithBundledContext;

let t: TestApp;
let ministry: string;
let decisionId: string;
let programmeId: string;

before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
  const org = async (body: Record<string, unknown>) => (await t.json('POST', '/api/organizations', { token: ministry, body: { kind: 'university', regionCode: 'KZ-75', ...body } })).body.id as string;
  const bodyId = await org({ name: { kk: 'ELMAQA', ru: 'ELMAQA', en: 'ELMAQA' }, shortName: 'ELMAQA', kind: 'accreditation-body' });
  await t.json('POST', `/api/accreditation/bodies/${bodyId}/recognitions`, {
    token: ministry,
    body: { orderNumber: 'R-1', orderDate: '2015-01-01', validFrom: '2015-01-01', scopeTypes: ['institutional', 'programme'] },
  });
  const uni = await org({ bin: '400000000001', name: { kk: 'Гамма', ru: 'Гамма', en: 'Gamma University' }, website: 'https://gamma.example.kz' });
  const editor = await t.tokenFor('org-editor', uni);
  const passport = { organizationId: uni, code: '6B06101', name: { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' }, ...bachelorIctPassport() };
  programmeId = (await t.json('POST', '/api/programmes', { token: editor, body: passport })).body.id;
  for (const [action, token] of [['submit', editor], ['start-review', ministry], ['include', ministry]] as const) {
    assert.equal((await t.json('POST', `/api/programmes/${programmeId}/transitions`, { token, body: { action } })).status, 200);
  }
  const report = {
    agency: 'ELMAQA',
    local_identifier: 'E-1',
    activities: [{ local_identifier: 'programme' }],
    status: '1',
    decision: '1',
    valid_from: '2024-01-10',
    valid_to: '2029-01-09',
    date_format: '%Y-%m-%d',
    report_files: [{ original_location: 'https://elmaqa.example.kz/reports/e-1.pdf', report_language: ['ru'] }],
    institutions: [{ identifier: '400000000001' }],
    programmes: [{ identifiers: [{ identifier: '6B06101' }], name_primary: 'Information systems', qf_ehea_level: 'first cycle' }],
  };
  const imported = await t.json('POST', '/api/interop/deqar/reports', { token: ministry, body: report });
  assert.equal(imported.status, 200, JSON.stringify(imported.body));
  decisionId = imported.body.results[0].decisionId;
});
after(() => t.close());

describe('Europass ELM', () => {
  test("a decision is an ELM Accreditation that satisfies ELM's bundled Accreditation Metadata Schema shapes", async () => {
    const res = await t.request('GET', `/api/accreditation/decisions/${decisionId}/elm`);
    assert.equal(res.status, 200);
    const doc = await res.json();
    const expanded = await expand(doc);
    assert.deepEqual(violations(expanded, shapes), []);
    const node = expanded[0] as Record<string, unknown>;
    assert.deepEqual(node['@type'], ['http://data.europa.eu/snb/model/elm/Accreditation']);
    const ids = (property: string) => (node[`http://data.europa.eu/snb/model/elm/${property}`] as Array<{ '@id': string }>).map((v) => v['@id']);
    assert.deepEqual(ids('limitEQFLevel'), ['http://data.europa.eu/snb/eqf/6']);
    assert.deepEqual(ids('limitField'), ['http://data.europa.eu/snb/isced-f/061']);
    assert.deepEqual(ids('limitJurisdiction'), ['http://publications.europa.eu/resource/authority/country/KAZ']);
    assert.equal(doc.report['@id'], 'https://elmaqa.example.kz/reports/e-1.pdf');
    assert.equal(doc.organisation.legalName.en, 'Gamma University');
  });

  test('the shape checker sees a missing organisation and a property the closed shape does not allow', async () => {
    const doc = await (await t.request('GET', `/api/accreditation/decisions/${decisionId}/elm`)).json();
    const { organisation: _o, ...broken } = doc;
    const found = violations(await expand({ ...broken, legalName: { en: 'not a property of an Accreditation' } }), shapes);
    assert.ok(found.some((v) => v.includes('elm/organisation needs at least 1')), found.join('\n'));
    assert.ok(found.some((v) => v.includes('regorg#legalName is not allowed')), found.join('\n'));
  });

  test('an included programme is a LearningOpportunity whose Qualification carries the EQF level and ISCED-F field', async () => {
    const res = await t.request('GET', `/api/programmes/${programmeId}/elm`);
    assert.equal(res.status, 200);
    const doc = await res.json();
    const expanded = await expand(doc);
    assert.deepEqual(violations(expanded, shapes), []);
    assert.equal(doc['@type'], 'LearningOpportunity');
    assert.equal(doc.learningAchievementSpecification['@type'], 'Qualification');
    assert.equal(doc.learningAchievementSpecification.eqfLevel['@id'], 'http://data.europa.eu/snb/eqf/6');
    assert.deepEqual(doc.title, { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' });
  });
});

describe('Credential Engine CTDL', () => {
  test('a decision is an AccreditAction in a CTDL graph with the QA body, the organization and the programme, names as language maps', async () => {
    const res = await t.json('GET', `/api/accreditation/decisions/${decisionId}/ctdl`);
    assert.equal(res.status, 200);
    const graph = res.body['@graph'] as Array<Record<string, unknown>>;
    assert.equal(res.body['@context'], 'https://credreg.net/ctdl/schema/context/json');
    assert.deepEqual(graph.map((n) => n['@type']), ['ceterms:AccreditAction', 'ceterms:QACredentialOrganization', 'ceterms:CredentialOrganization', 'ceterms:LearningProgram']);
    const [action, body, , program] = graph;
    assert.deepEqual(action?.['ceterms:actingAgent'], [body?.['@id']]);
    assert.deepEqual(action?.['ceterms:object'], [program?.['@id']]);
    assert.match(String(action?.['ceterms:ctid']), /^ce-[0-9a-f-]{36}$/);
    assert.deepEqual(program?.['ceterms:name'], { kk: 'Ақпараттық жүйелер', ru: 'Информационные системы', en: 'Information systems' });
    for (const node of graph) assert.ok(Object.keys(node).every((k) => k.startsWith('@') || k.startsWith('ceterms:')), 'only CTDL terms');
  });

  test('a refusal is said explicitly: a failed accreditation action, in words too', async () => {
    const refused = await t.json('POST', '/api/interop/deqar/reports', {
      token: ministry,
      body: { agency: 'ELMAQA', local_identifier: 'E-2', status: '1', decision: '3', valid_from: '2024-03-01', date_format: '%Y-%m-%d', institutions: [{ identifier: '400000000001' }] },
    });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    const res = await t.json('GET', `/api/accreditation/decisions/${refused.body.results[0].decisionId}/ctdl`);
    const action = res.body['@graph'][0];
    assert.equal(action['ceterms:actionStatusType']['ceterms:targetNode'], 'actionStat:FailedActionStatus');
    assert.equal(action['ceterms:name'].en, 'Accreditation refused');
    assert.equal(action['ceterms:endDate'], undefined);
  });
});

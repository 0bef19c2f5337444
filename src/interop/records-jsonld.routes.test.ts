// ELM and CTDL of single records (qualification, organization, programme), validated against the
// publishers' bundled shapes and terms: ELM's Learning Opportunity and Qualification shapes, CTDL's
// classes and properties.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { createRecords, type Records } from '../web/record-pages.fixtures.ts';
import { type CtdlTerms, ctdlViolations } from './ctdl/ctdl-terms.ts';
import { CREDENTIAL_CLASS_BY_TYPE } from './ctdl/ctdl-records.ts';
import { expandWithBundledContext } from './elm/expand-bundled.ts';
import { readShapes, violations } from './elm/shapes.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const loqShapes = readShapes(read('./elm/bundled/LOQ-constraints.ttl'));
const terms: CtdlTerms = JSON.parse(read('./ctdl/bundled/ctdl-terms.json'));

const expand = expandWithBundledContext;

let t: TestApp;
let r: Records;
let bodyId: string;

before(async () => {
  t = await createTestApp();
  r = await createRecords(t);
  const body = await t.json('POST', '/api/organizations', {
    token: r.ministry,
    body: { name: { kk: 'Тәуелсіз агенттік', ru: 'Независимое агентство', en: 'Independent agency' }, shortName: 'IAQA', kind: 'accreditation-body', regionCode: 'KZ-75' },
  });
  assert.equal(body.status, 201, JSON.stringify(body.body));
  bodyId = body.body.id;
});
after(() => t.close());

describe('Europass ELM of qualifications and programmes', () => {
  test("a qualification is an ELM Qualification that satisfies ELM's Qualification shape, with EQF level, ISCED-F field and awarding body", async () => {
    const res = await t.json('GET', `/api/qualifications/${r.qualificationId}/elm`);
    assert.equal(res.status, 200);
    const expanded = await expand(res.body);
    assert.deepEqual(violations(expanded, loqShapes), []);
    assert.equal(res.body['@type'], 'Qualification');
    assert.equal(res.body.eqfLevel['@id'], 'http://data.europa.eu/snb/eqf/6');
    assert.deepEqual(res.body.thematicArea.map((a: { '@id': string }) => a['@id']), ['http://data.europa.eu/snb/isced-f/06']);
    assert.equal(res.body.title.en, 'Bachelor of information systems');
    const awarding = res.body.awardingOpportunity[0];
    assert.equal(awarding.awardingBody[0].legalName.ru, 'Университет Альфа');
    assert.equal(awarding.awardingBody[0].location.address.countryCode['@id'], 'http://publications.europa.eu/resource/authority/country/KAZ');
  });

  test("an included programme is a LearningOpportunity that satisfies ELM's Learning Opportunity and Qualification shapes", async () => {
    const res = await t.json('GET', `/api/programmes/${r.programmeId}/elm`);
    assert.equal(res.status, 200);
    assert.deepEqual(violations(await expand(res.body), loqShapes), []);
    assert.ok(res.body.learningAchievementSpecification.learningOutcome.length >= 1);
  });

  test('the Qualification shape sees a qualification without EQF level and a property it does not allow', async () => {
    const { eqfLevel: _level, ...doc } = (await t.json('GET', `/api/qualifications/${r.qualificationId}/elm`)).body;
    const found = violations(await expand({ ...doc, legalName: { en: 'not a property of a Qualification' } }), loqShapes);
    assert.ok(found.some((v) => v.includes('elm/EQFLevel needs at least 1')), found.join('\n'));
    assert.ok(found.some((v) => v.includes('regorg#legalName is not allowed')), found.join('\n'));
  });

  test('an unknown qualification is a 404', async () => {
    assert.equal((await t.json('GET', '/api/qualifications/00000000-0000-4000-8000-000000000000/elm')).status, 404);
  });
});

describe('Credential Engine CTDL of qualifications, organizations and programmes', () => {
  test("a bachelor's qualification is a ceterms:BachelorDegree owned by its awarding body, in CTDL's terms", async () => {
    const res = await t.json('GET', `/api/qualifications/${r.qualificationId}/ctdl`);
    assert.equal(res.status, 200);
    assert.deepEqual(ctdlViolations(res.body, terms), []);
    const [credential, owner] = res.body['@graph'];
    assert.equal(credential['@type'], 'ceterms:BachelorDegree');
    assert.deepEqual(credential['ceterms:ownedBy'], [owner['@id']]);
    assert.equal(owner['@type'], 'ceterms:CredentialOrganization');
    assert.deepEqual(credential['ceterms:name'], { kk: 'Ақпараттық жүйелер бакалавры', ru: 'Бакалавр информационных систем', en: 'Bachelor of information systems' });
  });

  test("every Sapa qualification type maps to a credential class CTDL publishes", () => {
    const classes = new Set(terms.classes);
    for (const [type, cls] of Object.entries(CREDENTIAL_CLASS_BY_TYPE)) assert.ok(classes.has(cls) && terms.properties[cls], `${type} → ${cls}`);
  });

  test('an organization is a CredentialOrganization and an accreditation body a QACredentialOrganization, names as language maps', async () => {
    const org = await t.json('GET', `/api/organizations/${r.orgId}/ctdl`);
    assert.equal(org.status, 200);
    assert.deepEqual(ctdlViolations(org.body, terms), []);
    assert.equal(org.body['@graph'][0]['@type'], 'ceterms:CredentialOrganization');
    assert.deepEqual(org.body['@graph'][0]['ceterms:name'], { kk: 'Альфа университеті', ru: 'Университет Альфа' });
    const body = await t.json('GET', `/api/organizations/${bodyId}/ctdl`);
    assert.deepEqual(ctdlViolations(body.body, terms), []);
    assert.equal(body.body['@graph'][0]['@type'], 'ceterms:QACredentialOrganization');
  });

  test('an included programme is a LearningProgram offered by its organization; a draft is not found', async () => {
    const res = await t.json('GET', `/api/programmes/${r.programmeId}/ctdl`);
    assert.equal(res.status, 200);
    assert.deepEqual(ctdlViolations(res.body, terms), []);
    const [program, provider] = res.body['@graph'];
    assert.equal(program['@type'], 'ceterms:LearningProgram');
    assert.deepEqual(program['ceterms:offeredBy'], [provider['@id']]);
    assert.equal((await t.json('GET', `/api/programmes/${r.draftId}/ctdl`)).status, 404);
  });

  test('the term check sees an unknown class and a property its class does not have', () => {
    const found = ctdlViolations({ '@graph': [{ '@type': 'ceterms:Bachelor' }, { '@type': 'ceterms:BachelorDegree', 'ceterms:legalName': 'x' }] }, terms);
    assert.deepEqual(found, ['ceterms:Bachelor at (blank node): ceterms:Bachelor is not a CTDL class', 'ceterms:BachelorDegree at (blank node): ceterms:legalName is not a property of ceterms:BachelorDegree']);
  });
});

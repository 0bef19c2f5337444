import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { insertApprovedDecision, insertProgramme, orgByKey } from '../accreditation/after.fixtures.ts';
import { forgetIndicatorCache } from './indicators.service.ts';

type Value = { key: string | null; value: number | null; numerator?: number; denominator?: number; published: { value: number; source: { lines: string } } | null; difference: number | null };

describe('national indicators API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the catalogue lists each indicator with its definition in three languages, formula, dimensions and unit', async () => {
    const res = await t.json('GET', '/api/indicators');
    assert.equal(res.status, 200);
    const ids = res.body.items.map((i: { id: string }) => i.id);
    for (const id of ['organizations', 'programmes', 'programmes-accredited-share', 'accreditations-expiring', 'agency-activity', 'credentials-issued']) assert.ok(ids.includes(id), id);
    const share = res.body.items.find((i: { id: string }) => i.id === 'programmes-accredited-share');
    assert.ok(share.definition.kk && share.definition.ru && share.definition.en);
    assert.equal(share.unit, 'percent');
  });

  test('defect: the published 2024 legal-form split (52/31/14/12/11/1/1, seed 003 L2907–2909) comes out beside what the register knows', async () => {
    const res = await t.json('GET', '/api/indicators/universities-by-legal-form');
    assert.equal(res.status, 200);
    const byKey = new Map<string | null, Value>(res.body.values.map((v: Value) => [v.key, v]));
    const published = Object.fromEntries(res.body.values.filter((v: Value) => v.published).map((v: Value) => [v.key, v.published?.value]));
    assert.deepEqual(published, { private: 52, state: 31, 'non-civil': 14, national: 12, 'joint-stock': 11, autonomous: 1, international: 1 });
    for (const v of res.body.values.filter((x: Value) => x.published)) assert.equal(v.published.source.lines, 'L2907-2909');
    // The register knows the legal form of the universities the seeds name it for; the rest are "not stated".
    const national = byKey.get('national') as Value;
    assert.equal(national.value, 12);
    assert.equal(national.difference, 0);
    const privateOnes = byKey.get('private') as Value;
    assert.equal(privateOnes.difference, (privateOnes.value ?? 0) - 52);
    assert.ok((byKey.get(null)?.value ?? 0) > 0, 'universities without a legal form are counted as not stated');
    assert.equal(res.body.total.published.value, 122);
    assert.ok(res.body.lineage.some((l: { document?: string; lines?: string }) => l.document === '003_a6b45dff19754c58.txt' && l.lines === 'L2907-2909'));
  });

  test('defect: KAZSEE’s 2018–2022 programme accreditations (seed 004 L593–597) come out with their source lines', async () => {
    const res = await t.json('GET', '/api/indicators/agency-activity?body=kazsee&measure=programme&by=year');
    assert.equal(res.status, 200);
    const published = res.body.values.filter((v: Value) => v.published).map((v: Value) => [v.key, v.published?.value, v.published?.source.lines]);
    assert.deepEqual(published, [
      ['2018', 18, 'L593-597'],
      ['2019', 113, 'L593-597'],
      ['2020', 135, 'L593-597'],
      ['2021', 129, 'L593-597'],
      ['2022', 60, 'L593-597'],
    ]);
    const institutional = await t.json('GET', '/api/indicators/agency-activity?body=kazsee&measure=institutional&by=year');
    assert.deepEqual(
      institutional.body.values.filter((v: Value) => v.published).map((v: Value) => v.published?.value),
      [0, 6, 8, 1, 0],
    );
  });

  test('adding an accredited programme moves the accredited share', async () => {
    const before = (await t.json('GET', '/api/indicators/programmes-accredited-share?asOf=2025-06-01')).body.total;
    const satbayev = await orgByKey(t.db, 'satbayev-university');
    const kazsee = await orgByKey(t.db, 'kazsee');
    const programmeId = await insertProgramme(t.db, satbayev, { code: '6B07199', synthetic: false });
    // A demonstration programme counts nowhere (issue 15: synthetic records stay out of real indicators).
    await insertProgramme(t.db, satbayev, { code: '6B07198', synthetic: true });
    await insertApprovedDecision(t.db, { bodyId: kazsee, organizationId: satbayev, programmeIds: [programmeId], termYears: 5, decidedOn: '2025-03-10' });
    forgetIndicatorCache(); // the fixtures write past the audit trail, which versions the cache
    const afterward = (await t.json('GET', '/api/indicators/programmes-accredited-share?asOf=2025-06-01')).body.total;
    assert.equal(afterward.denominator, before.denominator + 1);
    assert.equal(afterward.numerator, before.numerator + 1);
    assert.ok(afterward.value > (before.value ?? 0));
    const values = (await t.json('GET', '/api/indicators/programmes-accredited-share?asOf=2025-06-01')).body;
    assert.ok(values.syntheticLeftOut >= 1, 'the demonstration programme is left out and counted as such');
    const byBody = await t.json('GET', `/api/indicators/programmes-accredited-share?asOf=2025-06-01&by=body`);
    assert.ok(byBody.body.values.some((v: Value) => v.key === kazsee && (v.numerator ?? 0) >= 1));
    const expiring = await t.json('GET', '/api/indicators/accreditations-expiring?asOf=2029-06-01');
    assert.ok(expiring.body.total.value >= 1, 'the decision of 2025 for five years expires within twelve months of 2029-06-01');
  });

  test('a dimension the indicator does not have is refused with the field named; an unknown indicator is 404', async () => {
    const bad = await t.json('GET', '/api/indicators/organizations?by=year');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0].path, 'by');
    const missing = await t.json('GET', '/api/indicators/no-such-indicator');
    assert.equal(missing.status, 404);
  });
});

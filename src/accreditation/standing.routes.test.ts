import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { insertApprovedDecision, insertProgramme, orgByKey } from './after.fixtures.ts';

describe('a record’s accreditation and the EUR-ACE® label: one rule', () => {
  let t: TestApp;
  const id = {} as Record<'kazsee' | 'satbayev' | 'approved' | 'submitted' | 'rejected' | 'lapsed' | 'institution', string>;

  before(async () => {
    t = await createTestApp();
    const db = t.db;
    id.kazsee = await orgByKey(db, 'kazsee');
    id.satbayev = await orgByKey(db, 'satbayev-university');
    id.approved = await insertProgramme(db, id.satbayev, { code: '6B07111' });
    id.submitted = await insertProgramme(db, id.satbayev, { code: '6B07112' });
    id.rejected = await insertProgramme(db, id.satbayev, { code: '6B07113' });
    id.lapsed = await insertProgramme(db, id.satbayev, { code: '6B07114' });
    const eurAce = (programmeId: string, enaeeStatus?: string) =>
      insertApprovedDecision(db, { bodyId: id.kazsee, organizationId: id.satbayev, programmeIds: [programmeId], termYears: 5, decidedOn: '2025-03-10', eurAce: true, enaeeStatus, certificateNumber: `C-${programmeId.slice(0, 6)}` });
    await eurAce(id.approved, 'approved');
    await eurAce(id.submitted);
    await eurAce(id.rejected, 'rejected');
    await insertApprovedDecision(db, { bodyId: id.kazsee, organizationId: id.satbayev, programmeIds: [id.lapsed], termYears: 1, decidedOn: '2021-06-01' });
    id.institution = (await insertApprovedDecision(db, { bodyId: id.kazsee, organizationId: id.satbayev, kind: 'institutional', termYears: 5, decidedOn: '2024-02-01' })).decisionId;
  });
  after(() => t.close());

  test('Register 3’s EUR-ACE filter and label show only what ENAEE approved, not submitted or refused requests', async () => {
    const res = await t.json('GET', '/api/registers/3?eurAce=true');
    assert.deepEqual(
      res.body.items.map((i: { programme: { code: string } }) => i.programme.code),
      ['6B07111'],
    );
    const all = await t.json('GET', '/api/registers/3');
    const labelled = all.body.items.filter((i: { eurAce: boolean }) => i.eurAce).map((i: { programme: { code: string } }) => i.programme.code);
    assert.deepEqual(labelled, ['6B07111']);
  });

  test('statistics count the same EUR-ACE® labels the register shows', async () => {
    const register = await t.json('GET', '/api/registers/3?eurAce=true');
    const stats = await t.json('GET', `/api/accreditation/statistics?body=${id.kazsee}`);
    assert.equal(stats.body.totals[0].eurAce, register.body.total);
  });

  test('a programme’s accreditation: body, kind, outcome, term, valid until, EUR-ACE label, decision and certificate', async () => {
    const res = await t.json('GET', `/api/programmes/${id.approved}/accreditation`);
    assert.equal(res.status, 200);
    assert.equal(res.body.accredited, true);
    const [e] = res.body.entries;
    assert.equal(e.body.shortName, 'KAZSEE');
    assert.equal(e.kind, 'programme');
    assert.equal(e.outcome, 'accredited');
    assert.equal(e.termYears, 5);
    assert.equal(e.validTo, '2030-03-09');
    assert.equal(e.eurAce, true);
    assert.match(e.decisionUrl, /\/api\/accreditation\/decisions\//);
    assert.match(e.certificateUrl, /certificate\.pdf$/);
    const refused = await t.json('GET', `/api/programmes/${id.rejected}/accreditation`);
    assert.equal(refused.body.entries[0].eurAce, false, 'ENAEE refused: no label');
  });

  test('as of a day: a lapsed accreditation was in force then and is expired now', async () => {
    const now = await t.json('GET', `/api/programmes/${id.lapsed}/accreditation`);
    assert.equal(now.body.accredited, false);
    assert.equal(now.body.entries[0].status, 'expired');
    const then = await t.json('GET', `/api/programmes/${id.lapsed}/accreditation?asOf=2021-12-01`);
    assert.equal(then.body.accredited, true);
    const before = await t.json('GET', `/api/programmes/${id.lapsed}/accreditation?asOf=2020-01-01`);
    assert.deepEqual(before.body.entries, []);
  });

  test('an organization’s accreditation is its institutional decisions (Register 2)', async () => {
    const res = await t.json('GET', `/api/organizations/${id.satbayev}/accreditation`);
    assert.equal(res.body.accredited, true);
    assert.deepEqual(
      res.body.entries.map((e: { decisionId: string; kind: string }) => [e.decisionId, e.kind]),
      [[id.institution, 'institutional']],
    );
    const unknown = await t.json('GET', '/api/programmes/00000000-0000-4000-8000-000000000000/accreditation');
    assert.equal(unknown.status, 404);
  });
});

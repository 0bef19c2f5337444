import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { licensedUniversity, orgIdByKey, registeredCentre, specBody } from './specification.fixtures.ts';

let t: TestApp;
let university: string;
let editor: string;

before(async () => {
  t = await createTestApp();
  university = await licensedUniversity(t);
  editor = await t.tokenFor('org-editor', university);
});
after(() => t?.close());

test('creates a complete specification for a licensed field and level, with EQF derived and the licence recorded', async () => {
  const res = await t.json('POST', '/api/credentials/specifications', { token: editor, body: specBody(university) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.eqfLevel, 6);
  assert.equal(res.body.entitlement.basis, 'licence');
  assert.equal(res.body.entitlement.reference, 'KZ-TEST-0001');
  const pub = await t.json('GET', `/api/credentials/specifications/${res.body.id}`);
  assert.equal(pub.status, 200);
  assert.equal(pub.body.title.kk, 'Деректерді талдау негіздері');
  const list = await t.json('GET', `/api/credentials/specifications?organization=${university}`);
  assert.ok(list.body.items.some((s: { id: string }) => s.id === res.body.id));
});

test('refuses an incomplete specification and lists every missing mandatory element', async () => {
  const res = await t.json('POST', '/api/credentials/specifications', { token: editor, body: { organizationId: university, title: { kk: 'Тек атауы', ru: 'Только название' } } });
  assert.equal(res.status, 422);
  const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
  for (const field of [
    'title.en',
    'learnerIdentification',
    'countryCode',
    'awardingBodyId',
    'learningOutcomes',
    'workloadEcts',
    'nqfLevel',
    'assessmentType',
    'participationForm',
    'qualityAssurance',
    'fieldCode',
  ]) {
    assert.ok(paths.includes(field), `${field} missing from ${paths.join(', ')}`);
  }
});

test('refuses an issuer without a licence or accreditation for the field, giving both reasons', async () => {
  const enu = await orgIdByKey(t, 'enu');
  const token = await t.tokenFor('org-admin', enu);
  const res = await t.json('POST', '/api/credentials/specifications', { token, lang: 'ru', body: specBody(enu) });
  assert.equal(res.status, 422);
  assert.deepEqual(
    res.body.errors.map((e: { key: string }) => e.key),
    ['errors.product.entitlement.noValidLicence', 'errors.product.entitlement.noActiveAccreditation'],
  );
  assert.match(res.body.detail, /0613/);
});

test('refuses a field or level the licence does not cover, with the reason', async () => {
  const other = await t.json('POST', '/api/credentials/specifications', { token: editor, body: specBody(university, { fieldCode: '0311' }) });
  assert.equal(other.status, 422);
  assert.equal(other.body.errors[0].key, 'errors.product.entitlement.licenceNotCovering');
  const higher = await t.json('POST', '/api/credentials/specifications', { token: editor, body: specBody(university, { nqfLevel: 7 }) });
  assert.equal(higher.status, 422);
  assert.equal(higher.body.errors[0].key, 'errors.product.entitlement.licenceNotCovering');
});

test('refuses an EQF level that contradicts the NQF level and credits above the workload', async () => {
  const res = await t.json('POST', '/api/credentials/specifications', {
    token: editor,
    body: specBody(university, { eqfLevel: 4, programmeCredits: 9 }),
  });
  assert.equal(res.status, 422);
  const keys = res.body.errors.map((e: { key: string }) => e.key);
  assert.ok(keys.includes('errors.product.eqfMismatch'));
  assert.ok(keys.includes('errors.product.creditsAboveWorkload'));
});

test('a certification centre may issue for its registered occupational standard only', async () => {
  const centre = await registeredCentre(t);
  const token = await t.tokenFor('org-admin', centre.organizationId);
  const body = specBody(centre.organizationId, { nqfLevel: 4, fieldCode: '0715', qualityAssurance: 'certification-centre-registration' });
  const without = await t.json('POST', '/api/credentials/specifications', { token, body });
  assert.equal(without.status, 422);
  assert.equal(without.body.errors[0].key, 'errors.product.entitlement.centreNeedsStandard');
  const withStandard = await t.json('POST', '/api/credentials/specifications', { token, body: { ...body, occupationalStandardIds: [centre.standardId] } });
  assert.equal(withStandard.status, 201, JSON.stringify(withStandard.body));
  assert.equal(withStandard.body.entitlement.basis, 'centre-registration');
  const issued = await t.json('POST', `/api/credentials/specifications/${withStandard.body.id}/issue`, {
    token,
    body: { name: 'Serik Ali', email: 'serik@example.kz', awardedOn: '2026-02-01' },
  });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  const achievement = issued.body.credential.credentialSubject.achievement;
  assert.equal(achievement.alignment[0].targetUrl.endsWith(`/api/occupational-standards/${centre.standardId}`), true);
  assert.equal(achievement.creditsAvailable, 5);
  const report = await t.json('POST', '/api/verify', { body: issued.body.credential });
  assert.notEqual(report.body.verdict, 'invalid', JSON.stringify(report.body.checks.filter((c: { ok: boolean }) => !c.ok)));
});

test("refuses another organization's staff, anonymous callers and learners", async () => {
  const enu = await orgIdByKey(t, 'enu');
  const foreign = await t.tokenFor('org-admin', enu);
  assert.equal((await t.json('POST', '/api/credentials/specifications', { token: foreign, body: specBody(university) })).status, 403);
  assert.equal((await t.json('POST', '/api/credentials/specifications', { body: specBody(university) })).status, 401);
  const learner = await t.tokenFor('learner');
  assert.equal((await t.json('POST', '/api/credentials/specifications', { token: learner, body: specBody(university) })).status, 403);
});

test('an update is checked as a whole and a withdrawn specification leaves the catalogue', async () => {
  const created = await t.json('POST', '/api/credentials/specifications', { token: editor, body: specBody(university, { code: 'DA-2' }) });
  assert.equal(created.status, 201);
  const bad = await t.json('PATCH', `/api/credentials/specifications/${created.body.id}`, { token: editor, body: { nqfLevel: 8 } });
  assert.equal(bad.status, 422);
  const ok = await t.json('PATCH', `/api/credentials/specifications/${created.body.id}`, { token: editor, body: { workloadEcts: 3, version: 1 } });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.workloadEcts, 3);
  assert.equal(ok.body.version, 2);
  const dup = await t.json('POST', '/api/credentials/specifications', { token: editor, body: specBody(university, { code: 'DA-2' }) });
  assert.equal(dup.status, 409);
  const gone = await t.json('DELETE', `/api/credentials/specifications/${created.body.id}`, { token: editor });
  assert.equal(gone.body.status, 'withdrawn');
  const list = await t.json('GET', `/api/credentials/specifications?organization=${university}`);
  assert.ok(!list.body.items.some((s: { id: string }) => s.id === created.body.id));
});

test('issues one learner from a specification, and the same learner and date again returns the first credential', async () => {
  const spec = await t.json('POST', '/api/credentials/specifications', { token: editor, body: specBody(university, { code: 'ONE-1' }) });
  const path = `/api/credentials/specifications/${spec.body.id}/issue`;
  const first = await t.json('POST', path, { token: editor, body: { name: 'Dana Amir', email: 'dana@example.kz', awardedOn: '2026-01-20' } });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.created, true);
  assert.ok(first.body.credential.proof);
  const again = await t.json('POST', path, { token: editor, body: { name: 'Dana Amir', email: 'DANA@example.kz', awardedOn: '2026-01-20' } });
  assert.deepEqual([again.body.id, again.body.created], [first.body.id, false]);
  const future = await t.json('POST', path, { token: editor, body: { name: 'Dana Amir', email: 'dana@example.kz', awardedOn: '2099-01-20' } });
  assert.equal(future.status, 422);
  assert.equal(future.body.errors[0].path, 'awardedOn');
  const learner = await t.tokenFor('learner');
  assert.equal((await t.json('POST', path, { token: learner, body: { name: 'X', email: 'x@example.kz', awardedOn: '2026-01-20' } })).status, 403);
});

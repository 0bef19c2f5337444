// The credentials API over HTTP: issuance, listing, status changes, status lists with caching
// headers, did:web documents, key rotation, public verification.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
let orgId: string;
let otherOrgId: string;
let admin: string;
let editor: string;
let otherAdmin: string;

const body = (over: Record<string, unknown> = {}) => ({
  organizationId: orgId,
  learner: { name: 'Ерлан Сәрсенов', email: 'erlan@example.kz' },
  achievement: { name: 'Геоинформатика', description: 'ГАЖ негіздері', criteria: { narrative: 'Емтихан' }, creditsAvailable: 3 },
  validFrom: '2025-09-01',
  ...over,
});

before(async () => {
  t = await createTestApp();
  const orgs = await t.db.selectFrom('organizations').select(['id', 'key']).where('key', 'in', ['satbayev-university', 'kazsee']).execute();
  orgId = orgs.find((o) => o.key === 'satbayev-university')?.id ?? '';
  otherOrgId = orgs.find((o) => o.key === 'kazsee')?.id ?? '';
  admin = await t.tokenFor('org-admin', orgId);
  editor = await t.tokenFor('org-editor', orgId);
  otherAdmin = await t.tokenFor('org-admin', otherOrgId);
});
after(() => t.close());

describe('credentials API', () => {
  test('an editor issues a credential (201); anonymous callers get 401 and another organization 403', async () => {
    const ok = await t.json('POST', '/api/credentials', { token: editor, body: body() });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.status, 'active');
    assert.equal(ok.body.credential.proof[0].cryptosuite, 'eddsa-rdfc-2022');
    assert.equal((await t.json('POST', '/api/credentials', { body: body() })).status, 401);
    assert.equal((await t.json('POST', '/api/credentials', { token: otherAdmin, body: body() })).status, 403);
  });

  test('an incomplete achievement or dates in the wrong order are refused with every field listed', async () => {
    const res = await t.json('POST', '/api/credentials', { token: admin, body: body({ achievement: { name: 'x' } }) });
    assert.equal(res.status, 422);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    assert.ok(paths.some((p: string) => p.includes('description')) && paths.some((p: string) => p.includes('criteria')), JSON.stringify(paths));
    const dates = await t.json('POST', '/api/credentials', { token: admin, body: body({ validFrom: '2025-09-01', validUntil: '2025-01-01' }) });
    assert.equal(dates.status, 422);
    assert.equal(dates.body.errors[0].path, 'validUntil');
  });

  test('the public JSON of a credential and its download are readable without signing in', async () => {
    const issued = await t.json('POST', '/api/credentials', { token: admin, body: body() });
    const pub = await t.json('GET', `/api/credentials/${issued.body.id}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.learnerName, 'Ерлан Сәрсенов');
    assert.equal(pub.body.credential.id, `urn:uuid:${issued.body.id}`);
    assert.equal('learnerEmail' in pub.body, false);
    const vc = await t.request('GET', `/api/credentials/${issued.body.id}/vc`);
    assert.match(vc.headers.get('content-type') ?? '', /application\/vc\+ld\+json/);
    assert.equal((await t.json('GET', '/api/credentials/00000000-0000-4000-8000-000000000000')).status, 404);
    // The product routes' literal paths are not taken for a credential id.
    assert.equal((await t.json('GET', '/api/credentials/specifications')).status, 200);
  });

  test("staff list their organization's credentials; others may not", async () => {
    const list = await t.json('GET', `/api/credentials?organization=${orgId}`, { token: editor });
    assert.equal(list.status, 200);
    assert.ok(list.body.total >= 1);
    assert.equal(list.body.items[0].organizationId, orgId);
    assert.equal((await t.json('GET', `/api/credentials?organization=${orgId}`, { token: otherAdmin })).status, 403);
  });

  test('revocation needs a reason and credential.revoke, is final, and shows in the verification', async () => {
    const issued = await t.json('POST', '/api/credentials', { token: admin, body: body() });
    const path = `/api/credentials/${issued.body.id}/status`;
    assert.equal((await t.json('POST', path, { token: editor, body: { action: 'revoke', reason: 'x' } })).status, 403);
    assert.equal((await t.json('POST', path, { token: admin, body: { action: 'revoke' } })).status, 422);
    const revoked = await t.json('POST', path, { token: admin, body: { action: 'revoke', reason: 'Issued in error' } });
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.status, 'revoked');
    const again = await t.json('POST', path, { token: admin, body: { action: 'reinstate' } });
    assert.equal(again.status, 409);
    assert.deepEqual(again.body.allowedNext, []);
    const report = await t.json('POST', '/api/verify', { body: issued.body.credential, lang: 'ru' });
    assert.equal(report.status, 200);
    assert.equal(report.body.verdict, 'invalid');
    const status = report.body.checks.find((c: { check: string }) => c.check === 'status');
    assert.match(status.message, /Отозвано.*Issued in error/);
    assert.match(report.body.summary, /нельзя полагаться/);
  });

  test('the status list is a signed credential at a stable URL with ETag and a short max-age, and 304 when unchanged', async () => {
    const issued = await t.json('POST', '/api/credentials', { token: admin, body: body() });
    const entry = issued.body.credential.credentialStatus;
    const path = new URL(entry.statusListCredential).pathname;
    const first = await t.request('GET', path);
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag') ?? '';
    assert.ok(etag);
    assert.match(first.headers.get('cache-control') ?? '', /max-age=\d+/);
    const list = await first.json();
    assert.deepEqual(list.type, ['VerifiableCredential', 'BitstringStatusListCredential']);
    assert.equal(list.credentialSubject.statusPurpose, 'suspension');
    assert.equal(list.proof[0].cryptosuite, 'eddsa-rdfc-2022');
    assert.equal((await t.request('GET', path, { headers: { 'if-none-match': etag } })).status, 304);
    await t.json('POST', `/api/credentials/${issued.body.id}/status`, { token: admin, body: { action: 'suspend', reason: 'Check' } });
    const changed = await t.request('GET', path, { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  test('the did:web document lists the keys, and rotation (issuer-key.manage) keeps the old one', async () => {
    await t.json('POST', '/api/credentials', { token: admin, body: body() });
    const before = await t.json('GET', '/issuers/satbayev-university/did.json');
    assert.equal(before.status, 200);
    assert.equal(before.body.id, 'did:web:localhost%3A3000:issuers:satbayev-university');
    assert.equal((await t.json('POST', `/api/organizations/${orgId}/issuer-keys/rotate`, { token: editor })).status, 403);
    const rotated = await t.json('POST', `/api/organizations/${orgId}/issuer-keys/rotate`, { token: admin });
    assert.equal(rotated.status, 200);
    const after = await t.json('GET', '/issuers/satbayev-university/did.json');
    assert.equal(after.body.verificationMethod.length, before.body.verificationMethod.length + 1);
    assert.ok(after.body.assertionMethod.includes(rotated.body.retired.verificationMethod));
    const keys = await t.json('GET', `/api/organizations/${orgId}/issuer-keys`);
    assert.equal(keys.body.filter((k: { status: string }) => k.status === 'active').length, 1);
    assert.equal('secretKeyMultibase' in keys.body[0], false);
    assert.equal((await t.request('GET', '/issuers/no-such-organization/did.json')).status, 404);
  });

  test('POST /api/verify is public and reports every check for a good credential', async () => {
    const issued = await t.json('POST', '/api/credentials', { token: admin, body: body() });
    const report = await t.json('POST', '/api/verify', { body: issued.body.credential, lang: 'kk' });
    assert.equal(report.status, 200);
    assert.deepEqual(
      report.body.checks.map((c: { check: string }) => c.check),
      ['shape', 'proof', 'issuer', 'accreditation', 'programme', 'status', 'validity'],
    );
    assert.ok(
      report.body.checks.filter((c: { severity: string }) => c.severity === 'error').every((c: { ok: boolean }) => c.ok),
      JSON.stringify(report.body.checks),
    );
    assert.notEqual(report.body.verdict, 'invalid');
    assert.equal(report.body.issuer.organizationId, orgId);
  });

  test('POST /api/verify answers "invalid", not a server error, for an award date outside the years 0001–9999', async () => {
    const issued = await t.json('POST', '/api/credentials', { token: admin, body: body() });
    for (const validFrom of ['0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+010000-01-01T00:00:00Z']) {
      const report = await t.json('POST', '/api/verify', { body: { ...issued.body.credential, validFrom } });
      assert.equal(report.status, 200, validFrom);
      assert.equal(report.body.verdict, 'invalid');
    }
  });
});

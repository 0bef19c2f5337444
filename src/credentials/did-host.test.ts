// Stable issuer identifiers across PUBLIC_URL changes (decision 70): the did:web is fixed with an
// organization's first key, later keys keep it, credentials issued before and after verify, and
// the DID document is served whatever host the request names.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { testConfig } from '../../test/helpers/database.ts';
import { inTransaction } from '../platform/context.ts';
import { settings, useSettings } from '../platform/settings.ts';
import { issueCredential } from './credential.service.ts';
import { rotateIssuerKey } from './keys.service.ts';
import { verifyCredential } from './verify.service.ts';

let t: TestApp;
let orgId: string;
const input = () => ({
  organizationId: orgId,
  learner: { name: 'Дана Қасымова' },
  achievement: { name: 'Cloud fundamentals', description: 'Intro', criteria: { narrative: 'Exam' } },
  validFrom: '2025-06-01',
});

before(async () => {
  t = await createTestApp();
  orgId = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'kazsee').executeTakeFirstOrThrow()).id;
});
after(() => {
  useSettings(testConfig());
  return t.close();
});

describe('issuer DIDs across a PUBLIC_URL change', () => {
  test('a rotation after the change keeps the DID; both credentials verify; the document answers at any host', async () => {
    const before = await inTransaction(t.system, (ctx) => issueCredential(ctx, input()));
    const did = (before.credential.issuer as { id: string }).id;
    useSettings({ ...settings(), PUBLIC_URL: 'https://new-host.example' });
    await inTransaction(t.system, (ctx) => rotateIssuerKey(ctx, orgId));
    const afterChange = await inTransaction(t.system, (ctx) => issueCredential(ctx, input()));
    assert.equal((afterChange.credential.issuer as { id: string }).id, did, 'the DID did not follow PUBLIC_URL');
    const now = new Date('2026-01-15T00:00:00Z');
    for (const c of [before.credential, afterChange.credential]) assert.equal((await verifyCredential(t.db, c, { now })).checks.find((x) => x.check === 'proof')?.ok, true);
    for (const host of ['new-host.example', 'localhost:3000']) {
      const res = await t.json('GET', '/issuers/kazsee/did.json', { headers: { host } });
      assert.equal(res.status, 200);
      assert.equal(res.body.id, did);
      assert.equal(res.body.verificationMethod.length, 2, 'the rotated-out key is still listed');
    }
  });
});

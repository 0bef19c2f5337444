// Every credential shape Sapa issues validates against 1EdTech's OB 3.0 AchievementCredential
// JSON Schema (bundled), and revocation and suspension still work with one status entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { inTransaction } from '../platform/context.ts';
import { type IssueCredentialInput, issueCredential } from './credential.service.ts';
import { openBadgeSchemaErrors } from './ob-schema.ts';
import { changeCredentialStatus } from './status-list.service.ts';
import { verifyCredential } from './verify.service.ts';

let t: TestApp;
let orgId: string;
let admin: string;

const minimal = (): IssueCredentialInput => ({
  organizationId: orgId,
  learner: { name: 'Дана Қасымова' },
  achievement: { name: 'Cloud fundamentals', description: 'Intro to cloud computing', criteria: { narrative: 'Exam' } },
  validFrom: '2025-06-01',
});

const full = (): IssueCredentialInput => ({
  ...minimal(),
  learner: { name: 'Әлия Нұрланқызы', email: 'aliya@example.kz', identifier: 'S-2025-001' },
  achievement: {
    id: 'https://sapa.kz/achievements/data-analysis',
    name: 'Деректерді талдау негіздері',
    description: 'Python тілінде деректерді талдау.',
    criteria: { narrative: 'Қорытынды жоба.', id: 'https://sapa.kz/criteria/1' },
    achievementType: 'MicroCredential',
    creditsAvailable: 5,
    fieldOfStudy: 'Information and communication technologies',
    humanCode: 'DA-101',
    inLanguage: 'kk',
    alignment: [{ targetName: 'NQF level 6', targetUrl: 'https://sapa.kz/nqf/6', targetCode: '6', targetFramework: 'NQF', targetType: 'CFItem' }],
  },
  validUntil: '2030-06-01',
});

const vcApiBadge = (issuer?: unknown) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Cloud fundamentals',
  ...(issuer === undefined ? {} : { issuer }),
  validFrom: '2025-05-01T00:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Дана Қасымова' }],
    achievement: { id: 'urn:uuid:3f1c1c52-8f5c-4b8e-9a55-111111111111', type: ['Achievement'], name: 'Cloud fundamentals', description: 'Intro', criteria: { narrative: 'Exam' } },
  },
});

const issue = (input: IssueCredentialInput) => inTransaction(t.system, (ctx) => issueCredential(ctx, input));

before(async () => {
  t = await createTestApp();
  orgId = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'satbayev-university').executeTakeFirstOrThrow()).id;
  admin = await t.tokenFor('org-admin', orgId);
});
after(() => t.close());

describe('Open Badges 3.0 JSON Schema', () => {
  test('the bundled schema refuses what Sapa used to emit: a proof object and two status entries', async () => {
    const { credential } = await issue(minimal());
    const proof = (credential.proof as unknown[])[0];
    const errors = openBadgeSchemaErrors({ ...credential, proof, credentialStatus: [credential.credentialStatus, credential.credentialStatus] });
    assert.ok(errors.some((e) => e.startsWith('/proof')));
    assert.ok(errors.some((e) => e.startsWith('/credentialStatus')));
  });

  test('a credential issued from the register form, minimal and with every optional member, validates', async () => {
    for (const input of [minimal(), full()]) {
      const { credential } = await issue(input);
      assert.deepEqual(openBadgeSchemaErrors(credential), [], JSON.stringify(credential));
      assert.ok(Array.isArray(credential.proof), 'proof is an array');
      assert.ok(!Array.isArray(credential.credentialStatus), 'one credentialStatus object');
    }
  });

  test('a credential issued through the VC API validates, issuer profile given or not', async () => {
    for (const issuer of [{ type: ['Profile'], name: 'Satbayev University' }, undefined]) {
      const res = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: vcApiBadge(issuer) } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(openBadgeSchemaErrors(res.body.verifiableCredential), []);
    }
  });

  test('an OpenBadgeCredential naming no issuer gets the issuer profile from the register', async () => {
    const res = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: vcApiBadge() } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const issuer = res.body.verifiableCredential.issuer;
    assert.match(issuer.id, /^did:web:.*:issuers:satbayev-university$/);
    assert.ok(issuer.name, 'name from the register');
    assert.deepEqual(issuer.type, ['Profile']);
  });

  test('revocation and suspension both work with the one status entry', async () => {
    const now = new Date('2026-01-15T00:00:00Z');
    const suspended = await issue(minimal());
    await inTransaction(t.system, (ctx) => changeCredentialStatus(ctx, suspended.id, 'suspend', 'Under review'));
    let report = await verifyCredential(t.db, suspended.credential, { now, lang: 'en' });
    assert.equal(report.checks.find((c) => c.check === 'status')?.key, 'ui.credential.result.status.suspended');
    await inTransaction(t.system, (ctx) => changeCredentialStatus(ctx, suspended.id, 'reinstate', null));
    report = await verifyCredential(t.db, suspended.credential, { now, lang: 'en' });
    assert.equal(report.checks.find((c) => c.check === 'status')?.ok, true);
    const revoked = await issue(minimal());
    await inTransaction(t.system, (ctx) => changeCredentialStatus(ctx, revoked.id, 'revoke', 'Issued in error'));
    report = await verifyCredential(t.db, revoked.credential, { now, lang: 'en' });
    assert.equal(report.checks.find((c) => c.check === 'status')?.key, 'ui.credential.result.status.revoked');
    assert.equal(report.verdict, 'invalid');
  });
});

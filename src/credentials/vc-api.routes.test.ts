// VC API contract (W3C CCG): status codes and body shapes of issue, verify, presentation verify
// and status update, and the demo issuer token.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { inTransaction } from '../platform/context.ts';
import { createOrganization } from '../registry/organization.service.ts';
import { DEMO_ISSUER_TOKEN } from './vc-api.service.ts';

let t: TestApp;
let orgId: string;
let admin: string;
let learner: string;

const openBadge = () => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Cloud fundamentals',
  issuer: { type: ['Profile'], name: 'Satbayev University' },
  validFrom: '2025-05-01T00:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Дана Қасымова' }],
    achievement: {
      id: 'urn:uuid:3f1c1c52-8f5c-4b8e-9a55-111111111111',
      type: ['Achievement'],
      name: 'Cloud fundamentals',
      description: 'Intro',
      criteria: { narrative: 'Exam' },
    },
  },
});

const plainVc = () => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  credentialSubject: { id: 'did:example:learner', name: 'Someone' },
});

before(async () => {
  t = await createTestApp();
  orgId = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'satbayev-university').executeTakeFirstOrThrow()).id;
  admin = await t.tokenFor('org-admin', orgId);
  learner = await t.tokenFor('learner');
});
after(() => t.close());

describe('VC API', () => {
  test('issue: 201 with {verifiableCredential}, signed as the organization of the token', async () => {
    const res = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: openBadge(), options: {} } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const vc = res.body.verifiableCredential;
    assert.match(vc.issuer.id, /^did:web:.*:issuers:satbayev-university$/);
    assert.match(vc.id, /^urn:uuid:/);
    assert.equal(vc.proof[0].type, 'DataIntegrityProof');
    assert.equal(vc.credentialStatus.type, 'BitstringStatusListEntry');
    const plain = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: plainVc() } });
    assert.equal(plain.status, 201);
    const foreignStatus = {
      id: 'https://evil.example/sl#1',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '1',
      statusListCredential: 'https://evil.example/sl',
    };
    // Sapa never silently replaces what a caller sent: status entries are Sapa's own, so a caller's is refused.
    const own = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: { ...openBadge(), credentialStatus: foreignStatus } } });
    assert.equal(own.status, 400);
    assert.match(JSON.stringify(own.body), /credentialStatus/);
  });

  test('issue: 401 without a token, 403 for a token that may not issue, 400 for malformed input', async () => {
    assert.equal((await t.json('POST', '/vc/credentials/issue', { body: { credential: openBadge() } })).status, 401);
    assert.equal((await t.json('POST', '/vc/credentials/issue', { token: learner, body: { credential: openBadge() } })).status, 403);
    const missing = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { options: {} } });
    assert.equal(missing.status, 400);
    assert.match(missing.headers.get('content-type') ?? '', /json/);
    const notJson = await t.request('POST', '/vc/credentials/issue', { token: admin, body: '{not json', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.status, 400);
    assert.match(notJson.headers.get('content-type') ?? '', /json/);
    const undefinedTerm = { ...openBadge(), favouriteColour: 'blue' };
    assert.equal((await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: undefinedTerm } })).status, 400);
    const foreignIssuer = { ...openBadge(), issuer: { id: 'did:web:elsewhere.example', type: ['Profile'], name: 'X' } };
    const foreign = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: foreignIssuer } });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.errors[0].path, 'issuer');
  });

  test('verify: 200 with {checks, warnings, errors} for a good credential, 400 naming the failed check for a tampered one', async () => {
    const issued = (await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: openBadge() } })).body.verifiableCredential;
    const ok = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: issued, options: {} } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.ok(Array.isArray(ok.body.checks) && Array.isArray(ok.body.warnings) && Array.isArray(ok.body.errors));
    assert.ok(ok.body.checks.includes('proof'));
    assert.deepEqual(ok.body.errors, []);
    const tampered = structuredClone(issued);
    tampered.name = 'Cloud mastery';
    const bad = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: tampered } });
    assert.equal(bad.status, 400);
    assert.deepEqual(
      bad.body.errors.map((e: { title: string }) => e.title),
      ['proof'],
    );
    assert.equal((await t.json('POST', '/vc/credentials/verify', { body: { credential: issued } })).status, 400);
  });

  test('presentations/verify: an unsigned presentation proves nothing (proof named); its credentials are still reported', async () => {
    const issued = (await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: openBadge() } })).body.verifiableCredential;
    const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [issued] };
    const unsigned = await t.json('POST', '/vc/presentations/verify', { body: { verifiablePresentation: vp, options: { challenge: 'abc' } } });
    assert.equal(unsigned.status, 400, JSON.stringify(unsigned.body));
    assert.equal(unsigned.body.verified, false);
    assert.equal(unsigned.body.credentialResults.length, 1);
    assert.equal(unsigned.body.credentialResults[0].verified, true);
    assert.ok(unsigned.body.errors.some((e: { title: string }) => e.title === 'proof'));
    const broken = structuredClone(issued);
    broken.validFrom = '2025-05-02T00:00:00Z';
    const bad = await t.json('POST', '/vc/presentations/verify', { body: { verifiablePresentation: { ...vp, verifiableCredential: [issued, broken] } } });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.some((e: { title: string }) => e.title === 'verifiableCredential[1].proof'));
    assert.equal((await t.json('POST', '/vc/presentations/verify', { body: { verifiablePresentation: { type: ['VerifiablePresentation'] } } })).status, 400);
    const garbage = await t.json('POST', '/vc/presentations/verify', { body: { verifiablePresentation: { ...vp, verifiableCredential: [], proof: { type: 'DataIntegrityProof' } } } });
    assert.equal(garbage.status, 400);
    assert.equal(garbage.body.verified, false);
  });

  test('credentials/status: revokes with the token, 404 for an unknown credential, 400 for an unknown status', async () => {
    const issued = (await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: openBadge() } })).body.verifiableCredential;
    const change = {
      credentialId: issued.id,
      credentialStatus: [{ type: 'BitstringStatusListCredential', status: 'revoked' }],
      reason: 'Withdrawn by the issuer',
    };
    assert.equal((await t.json('POST', '/vc/credentials/status', { body: change })).status, 401);
    assert.equal(
      (await t.json('POST', '/vc/credentials/status', { token: admin, body: { ...change, credentialStatus: [{ type: 'x', status: 'lost' }] } })).status,
      400,
    );
    assert.equal(
      (await t.json('POST', '/vc/credentials/status', { token: admin, body: { ...change, credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000000' } }))
        .status,
      404,
    );
    // 36 characters of hex and dashes that are not a uuid: 404, not a database error (500).
    assert.equal((await t.json('POST', '/vc/credentials/status', { token: admin, body: { ...change, credentialId: '-'.repeat(36) } })).status, 404);
    const res = await t.json('POST', '/vc/credentials/status', { token: admin, body: change });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'revoked');
    const verify = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: issued } });
    assert.equal(verify.status, 400);
    assert.match(verify.body.errors.find((e: { title: string }) => e.title === 'status').detail, /Withdrawn by the issuer/);
  });

  test('demo mode: the token sapa-demo-issuer issues as the demo competence centre', async () => {
    const centre = await inTransaction(t.system, (ctx) =>
      createOrganization(
        ctx,
        {
          key: 'demo-digital-competence-centre',
          identifiers: {},
          name: { kk: 'Цифрлық құзыреттер орталығы (демо)', ru: 'Центр цифровых компетенций (демо)', en: 'Digital Competence Centre (demo)' },
          aliases: [],
          kind: 'competence-centre',
          regionCode: 'KZ-71',
          status: 'active',
          licences: [],
        },
        { isSynthetic: true },
      ),
    );
    const res = await t.json('POST', '/vc/credentials/issue', { token: DEMO_ISSUER_TOKEN, body: { credential: openBadge() } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.verifiableCredential.issuer.id, /issuers:demo-digital-competence-centre$/);
    const again = await t.json('POST', '/vc/credentials/issue', { token: DEMO_ISSUER_TOKEN, body: { credential: openBadge() } });
    assert.equal(again.status, 201);
    const row = await t.db
      .selectFrom('credentials')
      .select('organization_id')
      .where('id', '=', res.body.verifiableCredential.id.slice(9))
      .executeTakeFirstOrThrow();
    assert.equal(row.organization_id, centre.id);
  });
});

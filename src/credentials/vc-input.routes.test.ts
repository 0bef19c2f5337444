// VC Data Model 2.0 input handling on issue and verify: embedded contexts and language-tagged
// values accepted; malformed members refused with a 400 naming the member; nothing a caller sent
// silently replaced.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;
let admin: string;

const vc = (over: Record<string, unknown> = {}) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  credentialSubject: { id: 'did:example:learner', name: 'Someone' },
  ...over,
});

const issue = (credential: unknown) => t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential }, lang: 'en' });

before(async () => {
  t = await createTestApp();
  const orgId = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'satbayev-university').executeTakeFirstOrThrow()).id;
  admin = await t.tokenFor('org-admin', orgId);
});
after(() => t.close());

describe('VC 2.0 input handling', () => {
  test('an embedded @context object is accepted (nothing fetched), and the credential verifies', async () => {
    const credential = vc({
      '@context': ['https://www.w3.org/ns/credentials/v2', { '@vocab': 'https://sapa.example/vocab#', favouriteColour: 'https://sapa.example/vocab#colour' }],
      credentialSubject: { id: 'did:example:learner', favouriteColour: 'blue' },
    });
    const res = await issue(credential);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const verified = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: res.body.verifiableCredential } });
    assert.equal(verified.body.verified, true, JSON.stringify(verified.body.errors));
    const aliasing = vc({ '@context': ['https://www.w3.org/ns/credentials/v2', { expires: 'https://www.w3.org/2018/credentials#validUntil' }] });
    assert.equal((await issue(aliasing)).status, 400, 'an alias into the terms Sapa checks is still refused');
  });

  test('language-tagged name and description are accepted', async () => {
    const res = await issue(
      vc({
        name: { '@value': 'Деректерді талдау', '@language': 'kk' },
        description: [
          { '@value': 'Анализ данных', '@language': 'ru' },
          { '@value': 'Data analysis', '@language': 'en' },
        ],
      }),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  test('a null, true, 4 or [] issuer is refused, not replaced', async () => {
    for (const issuer of [null, true, 4, []]) {
      const res = await issue(vc({ issuer }));
      assert.equal(res.status, 400, `issuer ${JSON.stringify(issuer)}`);
      assert.match(JSON.stringify(res.body), /issuer/);
    }
    const other = await issue(vc({ issuer: 'did:web:elsewhere.example' }));
    assert.equal(other.status, 400);
  });

  test('credentialSubject {} is refused on issue and fails verification', async () => {
    const res = await issue(vc({ credentialSubject: {} }));
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.body), /credentialSubject/);
    const verified = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: vc({ issuer: 'did:example:x', credentialSubject: {} }) } });
    assert.equal(verified.body.verified, false);
  });

  test('a credentialStatus (malformed or not), and members missing what they require, are refused naming the member', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['credentialStatus', { credentialStatus: { statusPurpose: 'revocation' } }],
      ['credentialStatus', { credentialStatus: 7 }],
      ['credentialSchema', { credentialSchema: { type: 'JsonSchema' } }],
      ['refreshService', { refreshService: { id: 'https://sapa.example/refresh' } }],
      ['termsOfUse', { termsOfUse: { id: 'https://sapa.example/tou' } }],
      ['relatedResource', { relatedResource: [{ id: 'https://sapa.example/image.png' }] }],
    ];
    for (const [member, over] of cases) {
      const res = await issue(vc(over));
      assert.equal(res.status, 400, member);
      assert.match(JSON.stringify(res.body), new RegExp(member), member);
    }
  });

  test('unsupported options are refused on issue and verify', async () => {
    const res = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: vc(), options: { mandatoryPointers: '/issuer' } }, lang: 'en' });
    assert.equal(res.status, 400);
    assert.match(res.body.detail, /options\.mandatoryPointers/);
    const verify = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: vc(), options: { checks: 'proof' } }, lang: 'en' });
    assert.equal(verify.status, 400);
    assert.match(verify.body.detail, /options\.checks/);
  });
});

// Presentations prove their holder: /vc/presentations/verify checks the holder's proof, the
// verifier's challenge and domain, holder binding and every credential, naming what failed; Sapa's
// challenges are used once. Also: credentials of did:key issuers and eddsa-jcs-2022.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signCredential } from './data-integrity.ts';
import { VC_V2_CONTEXT } from './document-loader.ts';
import { didKeyPair } from './did-key.fixtures.ts';

let t: TestApp;
let admin: string;

const holder = didKeyPair();
const stranger = didKeyPair();

const credentialAbout = (subjectId: string) => ({
  '@context': [VC_V2_CONTEXT],
  type: ['VerifiableCredential'],
  credentialSubject: { id: subjectId, name: 'Дана Қасымова' },
});

async function issued(subjectId = holder.controller) {
  const res = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: credentialAbout(subjectId) } });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.verifiableCredential;
}

const presentation = (credentials: unknown[], by = holder) => ({
  '@context': [VC_V2_CONTEXT],
  type: ['VerifiablePresentation'],
  holder: by.controller,
  verifiableCredential: credentials,
});

const signed = (vp: Record<string, unknown>, options: { challenge?: string; domain?: string; by?: typeof holder } = {}) =>
  signCredential({ ...vp, '@context': VC_V2_CONTEXT }, { keyPair: options.by ?? holder, proofPurpose: 'authentication', challenge: options.challenge, domain: options.domain });

const verify = (verifiablePresentation: unknown, options?: Record<string, unknown>) =>
  t.json('POST', '/vc/presentations/verify', { body: { verifiablePresentation, ...(options ? { options } : {}) } });

const failedChecks = (body: { errors: { title: string }[] }) => body.errors.map((e) => e.title);

before(async () => {
  t = await createTestApp();
  const orgId = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'satbayev-university').executeTakeFirstOrThrow()).id;
  admin = await t.tokenFor('org-admin', orgId);
});
after(() => t.close());

describe('presentation verification', () => {
  test("a presentation signed by its holder, with the verifier's challenge and domain, about the holder: verified", async () => {
    const vp = await signed(presentation([await issued()]), { challenge: 'c-123', domain: 'verifier.example' });
    const res = await verify(vp, { challenge: 'c-123', domain: 'verifier.example' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.verified, true);
    assert.deepEqual(res.body.checks, ['proof', 'challenge', 'domain', 'holder', 'credentials']);
    assert.equal(res.body.holder, holder.controller);
  });

  test('a garbage proof, a wrong challenge or domain, a holder who is not the subject: each false, the check named', async () => {
    const credential = await issued();
    const good = await signed(presentation([credential]), { challenge: 'c-1', domain: 'verifier.example' });
    const garbage = { ...good, proof: { ...good.proof, proofValue: `z${'1'.repeat(86)}` } };
    const cases: [string, unknown, Record<string, unknown>, string][] = [
      ['garbage proof', garbage, { challenge: 'c-1', domain: 'verifier.example' }, 'proof'],
      ['wrong challenge', good, { challenge: 'c-2', domain: 'verifier.example' }, 'challenge'],
      ['wrong domain', good, { challenge: 'c-1', domain: 'other.example' }, 'domain'],
      ['signed by someone else', await signed(presentation([credential]), { by: stranger }), {}, 'proof'],
      ['holder not the subject', await signed(presentation([await issued(stranger.controller)])), {}, 'holder'],
      ['unsigned', presentation([credential]), {}, 'proof'],
    ];
    for (const [name, vp, options, check] of cases) {
      const res = await verify(vp, options);
      assert.equal(res.status, 400, name);
      assert.equal(res.body.verified, false, name);
      assert.ok(failedChecks(res.body).includes(check), `${name}: ${JSON.stringify(res.body.errors)}`);
    }
  });

  test("a presentation without credentials has its proof checked; a challenge Sapa hands out is accepted once", async () => {
    const empty = await signed(presentation([]));
    assert.equal((await verify(empty)).body.verified, true);
    const challenge = await t.json('POST', '/vc/challenges');
    assert.equal(challenge.status, 201);
    const vp = await signed(presentation([await issued()]), { challenge: challenge.body.challenge });
    assert.equal((await verify(vp, { challenge: challenge.body.challenge })).body.verified, true);
    const replay = await verify(vp, { challenge: challenge.body.challenge });
    assert.equal(replay.body.verified, false);
    assert.deepEqual(failedChecks(replay.body), ['challenge']);
  });

  test('a credential inside that does not verify makes the presentation false, naming it', async () => {
    const credential = { ...(await issued()), credentialSubject: { id: holder.controller, name: 'Someone else' } };
    const res = await verify(await signed(presentation([credential])));
    assert.equal(res.body.verified, false);
    assert.ok(failedChecks(res.body).includes('credentials'));
    assert.ok(failedChecks(res.body).includes('verifiableCredential[0].proof'));
  });

  test('options Sapa does not support are refused, not ignored', async () => {
    const res = await verify(await signed(presentation([])), { unknownOption: 'x' });
    assert.equal(res.status, 400);
    assert.match(res.body.detail, /options\.unknownOption/);
  });
});

describe('other issuers and eddsa-jcs-2022', () => {
  test('a credential correctly signed by a did:key issuer verifies, its issuer reported as not in the national register', async () => {
    const issuer = didKeyPair();
    const credential = await signCredential({ ...credentialAbout(holder.controller), issuer: issuer.controller }, { keyPair: issuer });
    const res = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: credential }, lang: 'en' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.verified, true);
    assert.ok(res.body.checks.includes('proof'));
    const issuerWarning = res.body.warnings.find((w: { title: string }) => w.title === 'issuer');
    assert.match(issuerWarning?.detail ?? '', /not in the national register/);
    const forged = { ...credential, credentialSubject: { id: holder.controller, name: 'Forged' } };
    const bad = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: forged } });
    assert.equal(bad.body.verified, false);
  });

  test('eddsa-jcs-2022: issued by option, verified; an unknown cryptosuite is refused', async () => {
    const res = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: credentialAbout(holder.controller), options: { cryptosuite: 'eddsa-jcs-2022' } } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.verifiableCredential.proof[0].cryptosuite, 'eddsa-jcs-2022');
    const verified = await t.json('POST', '/vc/credentials/verify', { body: { verifiableCredential: res.body.verifiableCredential } });
    assert.equal(verified.body.verified, true, JSON.stringify(verified.body.errors));
    const unknown = await t.json('POST', '/vc/credentials/issue', { token: admin, body: { credential: credentialAbout(holder.controller), options: { cryptosuite: 'bbs-2023' } } });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.detail, /bbs-2023/);
  });
});

// did:web issuers outside the register: a credential of an allow-listed DID (TRUSTED_DID_WEB, its
// document served here by a local server) verifies cryptographically, with "issuer not in the
// national register" instead of a forgery verdict; a DID not on the list is never fetched.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { signCredential } from './data-integrity.ts';
import { DID_V1_CONTEXT, MULTIKEY_CONTEXT, VC_V2_CONTEXT } from './document-loader.ts';
import { ed25519KeyPair, verificationMethodOf } from './multikey.ts';

let t: TestApp;
let server: Server;
const fetched: string[] = [];
const trusted = ed25519KeyPair({ controller: 'did:web:partner.example', id: 'did:web:partner.example#key-1' });
const untrusted = ed25519KeyPair({ controller: 'did:web:other.example', id: 'did:web:other.example#key-1' });
const documentFor = (pair: typeof trusted) => {
  const method = verificationMethodOf(pair);
  return { '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT], id: pair.controller, verificationMethod: [method], assertionMethod: [method.id] };
};

before(async () => {
  server = createServer((req, res) => {
    fetched.push(req.url ?? '');
    const pair = req.url === '/trusted/did.json' ? trusted : req.url === '/other/did.json' ? untrusted : null;
    res.writeHead(pair ? 200 : 404, { 'content-type': 'application/did+json' });
    res.end(pair ? JSON.stringify(documentFor(pair)) : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  t = await createTestApp({ env: { TRUSTED_DID_WEB: `${trusted.controller}=http://127.0.0.1:${port}/trusted/did.json` } });
});
after(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

const credentialBy = (pair: typeof trusted) =>
  signCredential(
    { '@context': [VC_V2_CONTEXT], type: ['VerifiableCredential'], issuer: pair.controller, validFrom: '2026-01-01T00:00:00Z', credentialSubject: { id: 'did:example:learner', name: 'Дана' } },
    { keyPair: pair },
  );
const check = (body: { checks: { check: string; ok: boolean; key: string; severity: string }[] }, name: string) => body.checks.find((c) => c.check === name);

test('an allow-listed did:web issuer verifies, as genuine but not in the national register', async () => {
  const res = await t.json('POST', '/api/verify', { body: await credentialBy(trusted) });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(check(res.body, 'proof')?.ok, true, JSON.stringify(res.body.checks));
  assert.equal(check(res.body, 'issuer')?.key, 'ui.credential.result.issuer.notRegistered');
  assert.equal(check(res.body, 'issuer')?.severity, 'warning');
  assert.equal(res.body.verdict, 'valid-with-warnings');
  assert.deepEqual(fetched, ['/trusted/did.json']);
});

test('a did:web issuer not on the list is not fetched, and its key stays unknown', async () => {
  const res = await t.json('POST', '/api/verify', { body: await credentialBy(untrusted) });
  assert.equal(res.status, 200);
  assert.equal(check(res.body, 'proof')?.ok, false);
  assert.equal(check(res.body, 'proof')?.key, 'ui.credential.result.proof.unknownKey');
  assert.equal(res.body.verdict, 'invalid');
  assert.ok(!fetched.includes('/other/did.json'));
});

test('a key the allow-listed document does not list for assertions is refused', async () => {
  const impostor = ed25519KeyPair({ controller: trusted.controller, id: `${trusted.controller}#key-2` });
  const res = await t.json('POST', '/api/verify', { body: await credentialBy(impostor) });
  assert.equal(check(res.body, 'proof')?.ok, false);
  assert.equal(res.body.verdict, 'invalid');
});

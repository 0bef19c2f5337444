import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../config.ts';
import { didDocument, didDocumentUrl, didWebFor } from './keys.did.ts';
import { generateMultikey } from './keys.multikey.ts';
import { DEMO_CREDENTIAL_KEY_SECRET, keySecret, MissingKeySecretError, openSecret, sealSecret } from './keys.secret.ts';
import { allowedActions, nextStatus } from './status-list.rules.ts';

const secret = 'a-long-enough-test-secret-0123456789';

describe('issuer private keys at rest', () => {
  test('a sealed key opens with the same secret and organization, and the plaintext is not stored', () => {
    const { secretKeyMultibase } = generateMultikey();
    const sealed = sealSecret(secretKeyMultibase, 'org-1', secret);
    assert.ok(!sealed.includes(secretKeyMultibase));
    assert.equal(openSecret(sealed, 'org-1', secret), secretKeyMultibase);
  });

  test('a wrong secret, another organization or a changed byte cannot open it', () => {
    const sealed = sealSecret('z3u2secret', 'org-1', secret);
    assert.throws(() => openSecret(sealed, 'org-1', `${secret}x`));
    assert.throws(() => openSecret(sealed, 'org-2', secret));
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString('base64url');
    assert.throws(() => openSecret(parts.join('.'), 'org-1', secret));
  });

  test('outside demo mode a missing secret is a clear error; demo mode uses the documented demo secret', () => {
    assert.throws(() => keySecret({ SAPA_DEMO: false }), MissingKeySecretError);
    assert.equal(keySecret({ SAPA_DEMO: true }), DEMO_CREDENTIAL_KEY_SECRET);
    assert.equal(keySecret({ SAPA_DEMO: false, CREDENTIAL_KEY_SECRET: secret }), secret);
  });
});

describe('did:web of an issuing organization', () => {
  test('encodes the port and maps to the did.json path Sapa serves', () => {
    assert.equal(didWebFor('http://localhost:3000', 'satbayev-university'), 'did:web:localhost%3A3000:issuers:satbayev-university');
    assert.equal(didWebFor('https://sapa.edu.kz/registry/', 'x'), 'did:web:sapa.edu.kz:registry:issuers:x');
    assert.equal(didDocumentUrl(loadConfig({ PUBLIC_URL: 'https://sapa.edu.kz/' }).PUBLIC_URL, 'x'), 'https://sapa.edu.kz/issuers/x/did.json');
  });

  test('lists every key, current and rotated, for assertions', () => {
    const doc = didDocument('did:web:a', [
      { verification_method: 'did:web:a#z1', public_key_multibase: 'z1' },
      { verification_method: 'did:web:a#z2', public_key_multibase: 'z2' },
    ]);
    assert.deepEqual(doc.assertionMethod, ['did:web:a#z1', 'did:web:a#z2']);
    assert.equal(doc.verificationMethod[1]?.type, 'Multikey');
  });
});

describe('credential status changes', () => {
  test('revocation is final; suspension can be lifted', () => {
    assert.equal(nextStatus('active', 'revoke'), 'revoked');
    assert.equal(nextStatus('active', 'suspend'), 'suspended');
    assert.equal(nextStatus('suspended', 'reinstate'), 'active');
    assert.equal(nextStatus('suspended', 'revoke'), 'revoked');
    assert.equal(nextStatus('revoked', 'reinstate'), null);
    assert.equal(nextStatus('active', 'reinstate'), null);
    assert.deepEqual(allowedActions('revoked'), []);
  });
});

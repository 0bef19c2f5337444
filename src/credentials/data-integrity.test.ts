import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sampleOpenBadge } from '../../test/fixtures/credentials/open-badge.ts';
import { type ProofVerification, signCredential, verifyCredentialProof } from './data-integrity.ts';
import { base58btcDecode, base58btcEncode, ed25519KeyPair, verificationMethodOf } from './multikey.ts';

const controller = 'did:web:sapa.example:issuers:satbayev';
const keyPair = ed25519KeyPair({ controller, id: `${controller}#key-1` });
const otherKey = ed25519KeyPair({ controller, id: `${controller}#key-2` });
const known = new Map([keyPair, otherKey].map((k) => [k.id, verificationMethodOf(k)]));
const resolveVerificationMethod = (id: string) => known.get(id);

function reason(result: ProofVerification) {
  return result.verified ? 'verified' : result.reason;
}

describe('eddsa-rdfc-2022 Data Integrity proofs', () => {
  test('base58btc round-trips bytes with leading zeros', () => {
    for (const bytes of [new Uint8Array([0, 0, 1, 2, 255]), new Uint8Array(64).fill(7), new Uint8Array(0)]) {
      assert.deepEqual(base58btcDecode(base58btcEncode(bytes)), bytes);
    }
    assert.equal(base58btcEncode(new TextEncoder().encode('hello world')), 'StV1DL6CwTryKyV');
  });

  test('a signed credential verifies and names its key', async () => {
    const signed = await signCredential(sampleOpenBadge(controller), { keyPair, created: '2026-06-30T10:00:00.123Z' });
    assert.equal(signed.proof.created, '2026-06-30T10:00:00Z');
    assert.match(signed.proof.proofValue, /^z[1-9A-HJ-NP-Za-km-z]{80,90}$/);
    const result = await verifyCredentialProof(signed, { resolveVerificationMethod });
    assert.equal(reason(result), 'verified');
    assert.equal(result.verified && result.verificationMethod.id, keyPair.id);
  });

  test('changing subject, issuer, dates or proof fails with the reason', async () => {
    const signed = await signCredential(sampleOpenBadge(controller), { keyPair });
    // biome-ignore lint/suspicious/noExplicitAny: each case edits an arbitrary path of the JSON
    const cases: [string, (c: any) => void, string][] = [
      ['subject name', (c) => { c.credentialSubject.name += 'x'; }, 'invalid_signature'],
      ['achievement credits', (c) => { c.credentialSubject.achievement.creditsAvailable = 7; }, 'invalid_signature'],
      ['issuer name', (c) => { c.issuer.name = 'Other'; }, 'invalid_signature'],
      ['issuer id', (c) => { c.issuer.id = 'did:web:evil.example'; }, 'issuer_mismatch'],
      ['validUntil', (c) => { c.validUntil = '2099-06-30T00:00:00Z'; }, 'invalid_signature'],
      ['validFrom', (c) => { c.validFrom = '2025-06-30T00:00:00Z'; }, 'invalid_signature'],
      ['proof created', (c) => { c.proof.created = '2020-01-01T00:00:00Z'; }, 'invalid_signature'],
      ['proof key', (c) => { c.proof.verificationMethod = otherKey.id; }, 'invalid_signature'],
      ['unknown key', (c) => { c.proof.verificationMethod = `${controller}#key-9`; }, 'unknown_verification_method'],
      ['proofValue', (c) => { c.proof.proofValue = `z${base58btcEncode(new Uint8Array(64).fill(1))}`; }, 'invalid_signature'],
      ['proofValue encoding', (c) => { c.proof.proofValue = 'not-multibase'; }, 'malformed_proof'],
      ['cryptosuite', (c) => { c.proof.cryptosuite = 'ecdsa-rdfc-2019'; }, 'unsupported_proof'],
      ['purpose', (c) => { c.proof.proofPurpose = 'authentication'; }, 'unsupported_proof'],
      ['no proof', (c) => { delete c.proof; }, 'missing_proof'],
      ['a term outside the contexts', (c) => { c.credentialSubject.nickname = 'x'; }, 'canonicalization_failed'],
      ['an unknown context', (c) => { c['@context'].push('https://example.com/ctx.json'); }, 'canonicalization_failed'],
    ];
    for (const [what, change, expected] of cases) {
      const tampered = structuredClone(signed);
      change(tampered);
      assert.equal(reason(await verifyCredentialProof(tampered, { resolveVerificationMethod })), expected, what);
    }
  });

  test('a credential signed with an old key still verifies while the resolver knows that key', async () => {
    const signed = await signCredential(sampleOpenBadge(controller), { keyPair: otherKey });
    assert.equal(reason(await verifyCredentialProof(signed, { resolveVerificationMethod })), 'verified');
    assert.equal(reason(await verifyCredentialProof(signed, { resolveVerificationMethod: () => undefined })), 'unknown_verification_method');
  });

  test('refuses to sign twice or a credential with terms outside its contexts', async () => {
    const signed = await signCredential(sampleOpenBadge(controller), { keyPair });
    await assert.rejects(signCredential(signed, { keyPair }), /already has a proof/);
    await assert.rejects(signCredential({ ...sampleOpenBadge(controller), colour: 'red' }, { keyPair }), /Safe mode/);
  });
});

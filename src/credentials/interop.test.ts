// Sapa's Data Integrity proofs against the reference implementation (@digitalbazaar/vc with
// DataIntegrityProof + eddsa-rdfc-2022), both directions, offline.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { sampleOpenBadge } from '../../test/fixtures/credentials/open-badge.ts';
import { signCredential, verifyCredentialProof } from './data-integrity.ts';
import { createDocumentLoader, DID_V1_CONTEXT, MULTIKEY_CONTEXT, VC_V1_CONTEXT } from './document-loader.ts';
import {
  ed25519KeyPair,
  privateKeyFromSecretKeyMultibase,
  privateKeySeed,
  secretKeyMultibaseOf,
  verificationMethodOf,
} from './multikey.ts';

const controller = 'did:web:sapa.example:issuers:satbayev';
const keyPair = ed25519KeyPair({ controller, id: `${controller}#key-1` });
const verificationMethod = verificationMethodOf(keyPair);

// What a did:web resolver would return: the DID document, and the key by its URL.
const didDocument = {
  '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT],
  id: controller,
  verificationMethod: [verificationMethod],
  assertionMethod: [verificationMethod.id],
};
const documentLoader = createDocumentLoader({
  resolveDid: (url) => {
    if (url === controller) return didDocument;
    if (url === verificationMethod.id) return { '@context': MULTIKEY_CONTEXT, ...verificationMethod };
    return undefined;
  },
});
const resolveVerificationMethod = (id: string) => (id === verificationMethod.id ? verificationMethod : undefined);
// The status check is not what these tests are about; the reference insists on one.
const checkStatus = async () => ({ verified: true });

async function referenceSuite(withSigner: boolean) {
  if (!withSigner) return new DataIntegrityProof({ cryptosuite });
  const key = await Ed25519Multikey.from({
    ...verificationMethod,
    '@context': MULTIKEY_CONTEXT,
    secretKeyMultibase: secretKeyMultibaseOf(keyPair.privateKey),
  });
  return new DataIntegrityProof({ signer: key.signer(), cryptosuite });
}

async function referenceVerifies(credential: unknown) {
  const result = await vc.verifyCredential({ credential, suite: await referenceSuite(false), documentLoader, checkStatus });
  return result.verified;
}

describe('interop with the @digitalbazaar/vc reference implementation', () => {
  test('a secret key survives the Multikey round trip', () => {
    const again = privateKeyFromSecretKeyMultibase(secretKeyMultibaseOf(keyPair.privateKey));
    assert.equal(ed25519KeyPair({ controller, seed: privateKeySeed(again) }).publicKeyMultibase, keyPair.publicKeyMultibase);
  });

  test('an Open Badge signed by Sapa verifies with the reference verifier', async () => {
    const signed = await signCredential(sampleOpenBadge(controller), { keyPair });
    assert.equal(await referenceVerifies(signed), true);
  });

  test('an Open Badge issued by the reference verifies in Sapa', async () => {
    const credential = await vc.issue({ credential: sampleOpenBadge(controller), suite: await referenceSuite(true), documentLoader });
    const result = await verifyCredentialProof(credential, { resolveVerificationMethod });
    assert.equal(result.verified, true, JSON.stringify(result));
  });

  test('a VC 1.1 credential signed by Sapa verifies with the reference, and the reverse', async () => {
    const credential = {
      '@context': [VC_V1_CONTEXT],
      id: 'urn:uuid:8b1b0c44-6d4e-4b4b-9a0e-2f53a1c1d001',
      type: ['VerifiableCredential'],
      issuer: controller,
      issuanceDate: '2026-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:learner-2' },
    };
    const signed = await signCredential(credential, { keyPair });
    assert.equal(await referenceVerifies(signed), true);
    const issued = await vc.issue({ credential, suite: await referenceSuite(true), documentLoader });
    assert.equal((await verifyCredentialProof(issued, { resolveVerificationMethod })).verified, true);
  });

  test('a tampered credential fails in both verifiers', async () => {
    const ours = await signCredential(sampleOpenBadge(controller), { keyPair });
    const theirs = await vc.issue({ credential: sampleOpenBadge(controller), suite: await referenceSuite(true), documentLoader });
    for (const signed of [ours, theirs]) {
      const tampered = structuredClone(signed) as { credentialSubject: { name: string } };
      tampered.credentialSubject.name = 'Someone Else';
      assert.equal(await referenceVerifies(tampered), false);
      const result = await verifyCredentialProof(tampered, { resolveVerificationMethod });
      assert.equal(result.verified, false);
      assert.equal(result.verified === false && result.reason, 'invalid_signature');
    }
  });
});

// Presentations and eddsa-jcs-2022 against the reference implementation (@digitalbazaar/vc with
// DataIntegrityProof), both directions, offline, with did:key holders and issuers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { cryptosuite as rdfc } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { signCredential, verifyCredentialProof } from './data-integrity.ts';
import { createDocumentLoader, DID_V1_CONTEXT, MULTIKEY_CONTEXT, VC_V2_CONTEXT } from './document-loader.ts';
import { didKeyMethod } from './keys.did.ts';
import { didKeyPair } from './did-key.fixtures.ts';
import { secretKeyMultibaseOf } from './multikey.ts';

const issuer = didKeyPair();
const holder = didKeyPair();

// A did:key resolver as the reference expects one: the DID document, and the key by its URL.
const documentLoader = createDocumentLoader({
  resolveDid: (url) => {
    const method = didKeyMethod(url);
    if (!method) return undefined;
    if (url.includes('#')) return { '@context': MULTIKEY_CONTEXT, ...method };
    return { '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT], id: method.controller, verificationMethod: [method], assertionMethod: [method.id], authentication: [method.id] };
  },
});
const resolveVerificationMethod = (id: string) => didKeyMethod(id);
const checkStatus = async () => ({ verified: true });

const referenceKey = (pair: typeof issuer) =>
  Ed25519Multikey.from({
    '@context': MULTIKEY_CONTEXT,
    type: 'Multikey',
    id: pair.id,
    controller: pair.controller,
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: secretKeyMultibaseOf(pair.privateKey),
  });

const credential = () => ({
  '@context': [VC_V2_CONTEXT],
  type: ['VerifiableCredential'],
  issuer: issuer.controller,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: holder.controller, name: 'Дана Қасымова' },
});

describe('presentations with the reference implementation', () => {
  test('a presentation Sapa signs verifies in @digitalbazaar/vc with challenge and domain', async () => {
    const inner = await signCredential(credential(), { keyPair: issuer });
    const vp = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: holder.controller, verifiableCredential: [inner] };
    const signed = await signCredential(vp, { keyPair: holder, proofPurpose: 'authentication', challenge: 'c-42', domain: 'verifier.example' });
    const result = await vc.verify({ presentation: signed, suite: new DataIntegrityProof({ cryptosuite: rdfc }), documentLoader, challenge: 'c-42', domain: 'verifier.example', checkStatus });
    assert.equal(result.verified, true, JSON.stringify(result, (_k, v) => (v instanceof Error ? v.message : v)).slice(0, 1500));
    const wrong = await vc.verify({ presentation: signed, suite: new DataIntegrityProof({ cryptosuite: rdfc }), documentLoader, challenge: 'other', domain: 'verifier.example', checkStatus });
    assert.equal(wrong.verified, false);
  });

  test("a presentation the reference signs verifies in Sapa as the holder's, challenge and domain included", async () => {
    const inner = await vc.issue({ credential: credential(), suite: new DataIntegrityProof({ signer: (await referenceKey(issuer)).signer(), cryptosuite: rdfc }), documentLoader });
    const vp = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: holder.controller, verifiableCredential: [inner] };
    const signed = await vc.signPresentation({
      presentation: vp,
      suite: new DataIntegrityProof({ signer: (await referenceKey(holder)).signer(), cryptosuite: rdfc }),
      documentLoader,
      challenge: 'c-7',
      domain: 'verifier.example',
    });
    const result = await verifyCredentialProof(signed, { resolveVerificationMethod, proofPurpose: 'authentication', controller: holder.controller, challenge: 'c-7', domain: 'verifier.example' });
    assert.equal(result.verified, true, JSON.stringify(result));
    const inside = await verifyCredentialProof(inner, { resolveVerificationMethod });
    assert.equal(inside.verified, true);
    const replay = await verifyCredentialProof(signed, { resolveVerificationMethod, proofPurpose: 'authentication', controller: holder.controller, challenge: 'c-8' });
    assert.equal(replay.verified, false);
  });
});

describe('eddsa-jcs-2022 with the reference implementation', () => {
  test('Sapa signs, the reference verifies; the reference signs, Sapa verifies; tampering fails both', async () => {
    const ours = await signCredential(credential(), { keyPair: issuer, cryptosuite: 'eddsa-jcs-2022' });
    const verifySuite = new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() });
    const there = await vc.verifyCredential({ credential: ours, suite: verifySuite, documentLoader, checkStatus });
    assert.equal(there.verified, true, JSON.stringify(there, (_k, v) => (v instanceof Error ? v.message : v)).slice(0, 1500));
    const theirs = await vc.issue({
      credential: credential(),
      suite: new DataIntegrityProof({ signer: (await referenceKey(issuer)).signer(), cryptosuite: createSignCryptosuite() }),
      documentLoader,
    });
    assert.equal((await verifyCredentialProof(theirs, { resolveVerificationMethod })).verified, true);
    const tampered = { ...theirs, credentialSubject: { id: holder.controller, name: 'Someone else' } };
    assert.equal((await verifyCredentialProof(tampered, { resolveVerificationMethod })).verified, false);
    const tamperedOurs = { ...ours, validFrom: '2025-01-02T00:00:00Z' };
    assert.equal((await vc.verifyCredential({ credential: tamperedOurs, suite: verifySuite, documentLoader, checkStatus })).verified, false);
  });
});

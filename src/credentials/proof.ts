// The one place that knows how a credential is signed and its proof checked (DataIntegrityProof,
// eddsa-rdfc-2022, implemented in data-integrity.ts). Everything else calls signWithIssuerKey /
// checkProof with Sapa's own key records.
import { type Cryptosuite, type DataIntegrityProofValue, signCredential, verifyCredentialProof } from './data-integrity.ts';
import { privateKeyFromSecretKeyMultibase } from './multikey.ts';

export type Credential = Record<string, unknown>;

/** An issuer key ready to sign: the verification method id, its controller (the did:web) and the key material. */
export type SigningKey = {
  verificationMethod: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
};

/** A Multikey verification method as a DID document lists it. */
export type VerificationMethodDoc = {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
};

export type ProofResult = { verified: boolean; error?: string; reason?: string };

/** Signs as the issuer; `proof` is an array, as Open Badges 3.0's schema requires. */
export async function signWithIssuerKey(unsigned: Credential, key: SigningKey, cryptosuite?: Cryptosuite): Promise<Credential & { proof: DataIntegrityProofValue[] }> {
  const keyPair = {
    id: key.verificationMethod,
    controller: key.controller,
    publicKeyMultibase: key.publicKeyMultibase,
    privateKey: privateKeyFromSecretKeyMultibase(key.secretKeyMultibase),
  };
  const signed = await signCredential({ ...unsigned, '@context': unsigned['@context'] }, { keyPair, cryptosuite });
  return { ...signed, proof: [signed.proof] };
}

/**
 * Checks the signature only (not dates, status or issuer registration): `resolve` answers a
 * verification method id from Sapa's own database, or null when it is not a key Sapa knows.
 */
export async function checkProof(credential: Credential, resolve: (id: string) => Promise<VerificationMethodDoc | null>): Promise<ProofResult> {
  try {
    const result = await verifyCredentialProof(credential, {
      resolveVerificationMethod: async (id) => {
        const method = await resolve(id);
        return method ? { id: method.id, type: 'Multikey', controller: method.controller, publicKeyMultibase: method.publicKeyMultibase } : null;
      },
    });
    return result.verified ? { verified: true } : { verified: false, reason: result.reason, error: `${result.reason}: ${result.message}` };
  } catch (error) {
    return { verified: false, reason: 'error', error: error instanceof Error ? error.message : String(error) };
  }
}

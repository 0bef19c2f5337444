// W3C Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (VC Data Integrity EdDSA
// Cryptosuites v1.0, §3.3): hash = SHA-256(RDFC-1.0(proof config)) || SHA-256(RDFC-1.0(document
// without proof)), signed with Ed25519; proofValue is multibase base58btc ('z…'). The proof
// config is the proof without proofValue, with the document's @context. Interoperable both ways
// with @digitalbazaar/vc + @digitalbazaar/data-integrity (interop.test.ts).
//
//   signCredential(unsigned, { keyPair, created?, proofPurpose? }): Promise<SignedCredential>
//     keyPair: Ed25519KeyPair from multikey.ts ({ id, controller, publicKeyMultibase, privateKey }).
//     created: Date or ISO string, defaults to now (seconds precision, 'Z').
//   verifyCredentialProof(credential, { resolveVerificationMethod }): Promise<ProofVerification>
//     resolveVerificationMethod(id) → the VerificationMethod (Multikey) or undefined. It must only
//     return keys their controller authorizes for assertionMethod (e.g. from Sapa's own did:web
//     documents, including rotated-out keys kept for verification). Never throws for a bad
//     credential: the result says which part failed (`reason`) and why (`message`).
import { createHash, sign, verify } from 'node:crypto';
import { CanonicalizationError, canonicalize } from './canonicalize.ts';
import { jcs } from './jcs.ts';
import { DATA_INTEGRITY_V2_CONTEXT, VC_V2_CONTEXT } from './document-loader.ts';
import {
  base58btcDecode,
  base58btcEncode,
  type Ed25519KeyPair,
  publicKeyFromMultibase,
  type VerificationMethod,
} from './multikey.ts';

export type { Ed25519KeyPair, VerificationMethod } from './multikey.ts';

export const PROOF_TYPE = 'DataIntegrityProof';
export const CRYPTOSUITE = 'eddsa-rdfc-2022';
/** VC Data Integrity EdDSA Cryptosuites v1.0 §3.4: the same Ed25519 signature over JCS (RFC 8785) hashes. */
export const JCS_CRYPTOSUITE = 'eddsa-jcs-2022';
export const CRYPTOSUITES = [CRYPTOSUITE, JCS_CRYPTOSUITE] as const;
export type Cryptosuite = (typeof CRYPTOSUITES)[number];

export type DataIntegrityProofValue = {
  type: typeof PROOF_TYPE;
  created?: string;
  verificationMethod: string;
  cryptosuite: Cryptosuite;
  proofPurpose: string;
  proofValue: string;
  [extra: string]: unknown;
};

export type UnsignedCredential = Record<string, unknown> & { '@context': unknown };
export type SignedCredential = UnsignedCredential & { proof: DataIntegrityProofValue };

export type ProofFailureReason =
  | 'missing_proof' // no proof, or more than one
  | 'unsupported_proof' // not DataIntegrityProof / eddsa-rdfc-2022 / assertionMethod
  | 'malformed_proof' // proofValue or created not well formed
  | 'unknown_verification_method' // the resolver does not know the key
  | 'invalid_verification_method' // not an Ed25519 Multikey
  | 'issuer_mismatch' // the key's controller is not the credential's issuer (or the presentation's holder)
  | 'challenge_mismatch' // a presentation proof without the verifier's challenge
  | 'domain_mismatch' // a presentation proof for another domain
  | 'canonicalization_failed' // terms outside the contexts, unknown context, invalid JSON-LD
  | 'invalid_signature';

export type ProofVerification =
  | { verified: true; verificationMethod: VerificationMethod; proof: DataIntegrityProofValue }
  | { verified: false; reason: ProofFailureReason; message: string; verificationMethod?: VerificationMethod };

export type VerificationMethodResolver = (
  id: string,
) => VerificationMethod | undefined | null | Promise<VerificationMethod | undefined | null>;

// XML Schema dateTime, as the reference checks `created`.
const XSD_DATE_TIME =
  /^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|(24:00:00(\.0+)?))(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;

function w3cDate(date: Date | string | undefined): string {
  const value = date === undefined ? new Date() : new Date(date);
  if (Number.isNaN(value.getTime())) throw new TypeError(`invalid proof date: ${String(date)}`);
  return `${value.toISOString().slice(0, -5)}Z`;
}

function hasContext(context: unknown, url: string): boolean {
  return context === url || (Array.isArray(context) && context.includes(url));
}

// The reference adds the Data Integrity context when neither it nor VC 2.0 (which defines the
// proof terms) is present, e.g. for VC 1.1 credentials; do the same so both sides hash alike.
function withSuiteContext(context: unknown): unknown {
  if (hasContext(context, VC_V2_CONTEXT) || hasContext(context, DATA_INTEGRITY_V2_CONTEXT)) return context;
  if (context === undefined) return [DATA_INTEGRITY_V2_CONTEXT];
  return Array.isArray(context) ? [...context, DATA_INTEGRITY_V2_CONTEXT] : [context, DATA_INTEGRITY_V2_CONTEXT];
}

/** The bytes an eddsa-rdfc-2022 signature covers: SHA-256(c14n proof config) || SHA-256(c14n document). */
export async function hashData(
  document: Record<string, unknown>,
  proofConfig: Record<string, unknown>,
): Promise<Buffer> {
  if (proofConfig.cryptosuite === JCS_CRYPTOSUITE) {
    // eddsa-jcs-2022: the proof options as they are (the signer put the document's @context in
    // them, and the proof keeps it), and the document as sent.
    return Buffer.concat([createHash('sha256').update(jcs(proofConfig), 'utf8').digest(), createHash('sha256').update(jcs(document), 'utf8').digest()]);
  }
  const proofDocument = { '@context': document['@context'], ...proofConfig };
  proofDocument['@context'] = withSuiteContext(proofDocument['@context']);
  const [proofCanonical, documentCanonical] = await Promise.all([
    canonicalize(proofDocument),
    canonicalize(document),
  ]);
  return Buffer.concat([
    createHash('sha256').update(proofCanonical, 'utf8').digest(),
    createHash('sha256').update(documentCanonical, 'utf8').digest(),
  ]);
}

export async function signCredential<T extends UnsignedCredential>(
  unsigned: T,
  options: {
    keyPair: Ed25519KeyPair;
    created?: Date | string;
    proofPurpose?: string;
    cryptosuite?: Cryptosuite;
    /** A presentation's proof: the verifier's challenge and domain, signed with it. */
    challenge?: string;
    domain?: string;
  },
): Promise<T & { proof: DataIntegrityProofValue }> {
  if ('proof' in unsigned) throw new TypeError('the credential already has a proof');
  const document = { ...unsigned, '@context': withSuiteContext(unsigned['@context']) } as T;
  const cryptosuite = options.cryptosuite ?? CRYPTOSUITE;
  const proofConfig = {
    // eddsa-jcs-2022 §3.4.2 step 2: the proof carries the document's @context.
    ...(cryptosuite === JCS_CRYPTOSUITE ? { '@context': document['@context'] } : {}),
    type: PROOF_TYPE,
    created: w3cDate(options.created),
    verificationMethod: options.keyPair.id,
    cryptosuite,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
    ...(options.challenge !== undefined ? { challenge: options.challenge } : {}),
    ...(options.domain !== undefined ? { domain: options.domain } : {}),
  } as const;
  const data = await hashData(document, proofConfig);
  const signature = sign(null, data, options.keyPair.privateKey);
  return { ...document, proof: { ...proofConfig, proofValue: `z${base58btcEncode(signature)}` } };
}

function issuerId(credential: Record<string, unknown>): unknown {
  const issuer = credential.issuer;
  return issuer && typeof issuer === 'object' ? (issuer as { id?: unknown }).id : issuer;
}

function decodeProofValue(proofValue: string): Uint8Array | undefined {
  try {
    if (proofValue.startsWith('z')) return base58btcDecode(proofValue.slice(1));
    if (proofValue.startsWith('u')) return Buffer.from(proofValue.slice(1), 'base64url');
  } catch {
    return undefined;
  }
  return undefined;
}

export async function verifyCredentialProof(
  credential: Record<string, unknown>,
  options: {
    resolveVerificationMethod: VerificationMethodResolver;
    proofPurpose?: string;
    /** Who must control the key: the credential's issuer unless given (a presentation's holder). */
    controller?: string;
    /** Required in the proof when given (a presentation verifier's challenge and domain). */
    challenge?: string;
    domain?: string;
  },
): Promise<ProofVerification> {
  const fail = (reason: ProofFailureReason, message: string, verificationMethod?: VerificationMethod) =>
    ({ verified: false, reason, message, ...(verificationMethod ? { verificationMethod } : {}) }) as const;

  if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return fail('missing_proof', 'not a JSON object');
  const { proof: proofs, ...document } = credential;
  const list = Array.isArray(proofs) ? proofs : proofs === undefined ? [] : [proofs];
  if (list.length !== 1) return fail('missing_proof', list.length ? 'more than one proof' : 'no proof');
  const proof = list[0] as Record<string, unknown>;
  if (!proof || typeof proof !== 'object') return fail('malformed_proof', 'proof is not an object');
  if (proof.type !== PROOF_TYPE || !CRYPTOSUITES.includes(proof.cryptosuite as Cryptosuite)) {
    return fail('unsupported_proof', `proof ${String(proof.type)}/${String(proof.cryptosuite)} is not ${PROOF_TYPE}/${CRYPTOSUITES.join(' or ')}`);
  }
  const purpose = options.proofPurpose ?? 'assertionMethod';
  if (proof.proofPurpose !== purpose) return fail('unsupported_proof', `proofPurpose is not ${purpose}`);
  if (options.challenge !== undefined && proof.challenge !== options.challenge) return fail('challenge_mismatch', 'the proof does not carry the expected challenge');
  const domains = Array.isArray(proof.domain) ? proof.domain : [proof.domain];
  if (options.domain !== undefined && !domains.includes(options.domain)) return fail('domain_mismatch', 'the proof is for another domain');
  if (typeof proof.verificationMethod !== 'string') return fail('malformed_proof', 'verificationMethod is not a URL');
  if (proof.created !== undefined && (typeof proof.created !== 'string' || !XSD_DATE_TIME.test(proof.created))) {
    return fail('malformed_proof', 'created is not an XML Schema dateTime');
  }
  if (proof.expires !== undefined && (typeof proof.expires !== 'string' || !XSD_DATE_TIME.test(proof.expires))) {
    return fail('malformed_proof', 'expires is not an XML Schema dateTime');
  }
  const signature = typeof proof.proofValue === 'string' ? decodeProofValue(proof.proofValue) : undefined;
  if (signature?.length !== 64) return fail('malformed_proof', 'proofValue is not a multibase Ed25519 signature');

  const verificationMethod = (await options.resolveVerificationMethod(proof.verificationMethod)) ?? undefined;
  if (!verificationMethod) return fail('unknown_verification_method', `unknown key ${proof.verificationMethod}`);
  let publicKey: ReturnType<typeof publicKeyFromMultibase>;
  try {
    if (verificationMethod.type !== 'Multikey') throw new Error(`${verificationMethod.type} is not Multikey`);
    publicKey = publicKeyFromMultibase(verificationMethod.publicKeyMultibase);
  } catch (error) {
    return fail('invalid_verification_method', (error as Error).message, verificationMethod);
  }
  if ((options.controller ?? issuerId(credential)) !== verificationMethod.controller) {
    return fail('issuer_mismatch', options.controller ? 'the key does not belong to the holder' : 'the key does not belong to the issuer', verificationMethod);
  }

  const { proofValue: _signature, ...proofConfig } = proof;
  if (proof.cryptosuite === JCS_CRYPTOSUITE && proof['@context'] !== undefined) {
    // eddsa-jcs-2022 §3.4.3 step 4: the document's @context must start with the proof's.
    const proofContext = Array.isArray(proof['@context']) ? proof['@context'] : [proof['@context']];
    const documentContext = Array.isArray(document['@context']) ? document['@context'] : [document['@context']];
    if (proofContext.some((c, i) => c !== documentContext[i])) return fail('malformed_proof', 'the document @context does not start with the proof @context', verificationMethod);
  }
  let data: Buffer;
  try {
    data = await hashData(document, proofConfig);
  } catch (error) {
    if (error instanceof CanonicalizationError) return fail('canonicalization_failed', error.message, verificationMethod);
    throw error;
  }
  if (!verify(null, data, publicKey, signature)) return fail('invalid_signature', 'the signature does not match', verificationMethod);
  return { verified: true, verificationMethod, proof: proof as DataIntegrityProofValue };
}

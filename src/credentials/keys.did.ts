// did:web identifiers and documents of issuing organizations, served by Sapa itself. Pure.
import { DID_V1_CONTEXT, MULTIKEY_CONTEXT } from './document-loader.ts';
import { publicKeyFromMultibase } from './multikey.ts';
import type { VerificationMethodDoc } from './proof.ts';

/** The path segment that names an organization: its stable key, else its id. */
export const issuerSlug = (org: { key: string | null; id: string }): string => org.key ?? org.id;

/**
 * did:web per the method spec: the host (a port's colon percent-encoded), then the path
 * segments joined by colons; `did:web:sapa.kz:issuers:satbayev-university` resolves to
 * https://sapa.kz/issuers/satbayev-university/did.json.
 */
export function didWebFor(publicUrl: string, slug: string): string {
  const url = new URL(publicUrl);
  const base = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...base, 'issuers', encodeURIComponent(slug)].join(':');
}

/** `publicUrl` is PUBLIC_URL as config gives it, without a trailing slash. */
export function didDocumentUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/issuers/${encodeURIComponent(slug)}/did.json`;
}

export const verificationMethodId = (did: string, publicKeyMultibase: string): string => `${did}#${publicKeyMultibase}`;

/**
 * The verification method a `did:key` (Ed25519, `did:key:z6Mk…`) names, derived from the DID
 * itself, nothing fetched. `did:key:z6Mk…#z6Mk…` and the bare DID both name it; anything else
 * (another key type, a fragment naming another key) is null.
 */
export function didKeyMethod(id: string): VerificationMethodDoc | null {
  const m = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]+)(?:#(z6Mk[1-9A-HJ-NP-Za-km-z]+))?$/.exec(id);
  if (!m?.[1] || (m[2] !== undefined && m[2] !== m[1])) return null;
  try {
    publicKeyFromMultibase(m[1]);
  } catch {
    return null;
  }
  const did = `did:key:${m[1]}`;
  return { id: `${did}#${m[1]}`, type: 'Multikey', controller: did, publicKeyMultibase: m[1] };
}

/** The DID without its fragment. */
export const didOf = (id: string): string => id.split('#')[0] ?? id;

/**
 * Every key the organization ever had stays listed and usable for assertions: a rotated key
 * still verifies what it signed before rotation (Sapa's verifier compares the proof's time
 * with the rotation time, which lives in the database, not in the document).
 */
export function didDocument(did: string, keys: { verification_method: string; public_key_multibase: string }[]) {
  const methods: VerificationMethodDoc[] = keys.map((k) => ({
    id: k.verification_method,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: k.public_key_multibase,
  }));
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
    // The organization also presents (signs presentations as holder) with its keys.
    authentication: methods.map((m) => m.id),
  };
}

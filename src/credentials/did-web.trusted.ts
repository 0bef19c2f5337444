// Keys of did:web issuers outside the register, for the DIDs an operator allow-lists in
// TRUSTED_DID_WEB only: nothing else is ever fetched. The DID document comes from the configured
// place (a URL, or a file bundled with the deployment) or the standard did:web address; it must
// name the DID itself, and the key must be a Multikey the DID lists for assertions or
// authentication. Documents are kept for a few minutes, failures too (no fetch storm).
import { readFile } from 'node:fs/promises';
import { settings } from '../platform/settings.ts';
import { didOf } from './keys.did.ts';
import type { VerificationMethodDoc } from './proof.ts';

const TTL_MS = 5 * 60_000;
const MAX_BYTES = 256 * 1024;
const cache = new Map<string, { at: number; document: Promise<Record<string, unknown> | null> }>();

/** The standard did:web address: did:web:host%3Aport:path → https://host:port/path/did.json. */
export function didWebDocumentUrl(did: string): string {
  const [host = '', ...path] = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  return path.length ? `https://${host}/${path.join('/')}/did.json` : `https://${host}/.well-known/did.json`;
}

async function load(where: string): Promise<Record<string, unknown> | null> {
  try {
    let text: string;
    if (/^https?:\/\//.test(where)) {
      const response = await fetch(where, { redirect: 'error', signal: AbortSignal.timeout(5000), headers: { accept: 'application/did+json, application/json' } });
      if (!response.ok) return null;
      text = await response.text();
    } else text = await readFile(where.replace(/^file:\/\//, ''), 'utf8');
    if (text.length > MAX_BYTES) return null;
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function documentOf(did: string): Promise<Record<string, unknown> | null> | null {
  const trusted = settings().TRUSTED_DID_WEB;
  if (!Object.hasOwn(trusted, did)) return null;
  const where = trusted[did] ?? didWebDocumentUrl(did);
  // Keyed by where it comes from too: a changed allow-list entry is read afresh.
  const key = `${did} ${where}`;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.document;
  const document = load(where);
  cache.set(key, { at: Date.now(), document });
  return document;
}

const absolute = (did: string, id: unknown) => (typeof id === 'string' && id.startsWith('#') ? `${did}${id}` : id);

/** The verification method of an allow-listed did:web, or null (not allow-listed, not found, not usable). */
export async function trustedDidWebMethod(id: string): Promise<VerificationMethodDoc | null> {
  const did = didOf(id);
  if (!did.startsWith('did:web:')) return null;
  const document = await documentOf(did);
  if (!document || document.id !== did) return null;
  const methods = Array.isArray(document.verificationMethod) ? document.verificationMethod : [];
  const method = methods.find((m) => absolute(did, (m as { id?: unknown } | null)?.id) === id) as Record<string, unknown> | undefined;
  if (method?.type !== 'Multikey' || typeof method.publicKeyMultibase !== 'string') return null;
  if ((method.controller ?? did) !== did) return null;
  const listed = (relation: unknown) => Array.isArray(relation) && relation.some((r) => absolute(did, typeof r === 'string' ? r : (r as { id?: unknown })?.id) === id);
  if (!listed(document.assertionMethod) && !listed(document.authentication)) return null;
  return { id, type: 'Multikey', controller: did, publicKeyMultibase: method.publicKeyMultibase };
}

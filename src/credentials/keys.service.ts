// Issuer keys: one active Ed25519 key per organization, published in its did:web document;
// rotation keeps the old keys so what they signed still verifies.
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { settings } from '../platform/settings.ts';
import { lockOrganization, organizationById, organizationBySlug } from '../registry/registry.api.ts';
import { trustedDidWebMethod } from './did-web.trusted.ts';
import { didDocument, didKeyMethod, didWebFor, issuerSlug } from './keys.did.ts';
import * as repo from './keys.repository.ts';
import { type IssuerKeySummary, createKey, summary } from './keys.internal.ts';
import type { VerificationMethodDoc } from './proof.ts';
import { credentialAccess } from './credentials.access.ts';

export type { IssuerKeySummary };

/** Retires the active key (kept for verification) and makes a new one; audited. */
export async function rotateIssuerKey(ctx: Ctx, organizationId: string): Promise<{ retired: IssuerKeySummary | null; current: IssuerKeySummary }> {
  credentialAccess(ctx, organizationId).require('manage-keys');
  await lockOrganization(ctx.db, organizationId);
  const old = await repo.activeKey(ctx.db, organizationId);
  const at = new Date();
  if (old) {
    await repo.retireKey(ctx.db, old.id, at);
    await recordChange(ctx, {
      entityType: 'issuer-key',
      entityId: old.id,
      action: 'issuer-key.retire',
      before: summary(old),
      after: { ...summary(old), status: 'rotated', rotatedAt: at.toISOString() },
      versioned: false,
    });
  }
  const current = await createKey(ctx, organizationId, 'issuer-key.rotate');
  return { retired: old ? { ...summary(old), status: 'rotated', rotatedAt: at.toISOString() } : null, current: summary(current) };
}

export async function listIssuerKeys(ctx: Ctx, organizationId: string): Promise<IssuerKeySummary[]> {
  const org = await organizationById(ctx.db, organizationId);
  if (!org) throw notFound('organization', organizationId);
  return (await repo.keysOfOrganization(ctx.db, organizationId)).map(summary);
}

/** The did:web document of an organization (by key or id), or null when it has no keys yet. */
/** The host a did:web names (its first segment, percent-decoded), e.g. `sapa.kz` or `localhost:3000`. */
const didHost = (did: string) => decodeURIComponent(did.split(':')[2] ?? '');

export async function issuerDidDocument(db: Db, slug: string, requestHost?: string) {
  const org = await organizationBySlug(db, slug);
  if (!org) return null;
  const keys = await repo.keysOfOrganization(db, org.id);
  // Served from any host (decision 70): the DID fixed with the first key. Organizations whose
  // keys were made under two DIDs (before decision 70) get the document of the DID the request's
  // host names, so both old and new DIDs resolve.
  const requested = requestHost ? keys.find((k) => didHost(k.did) === requestHost)?.did : undefined;
  const did = requested ?? keys[0]?.did ?? didWebFor(settings().PUBLIC_URL, issuerSlug(org));
  const own = keys.filter((k) => k.did === did);
  return own.length ? didDocument(did, own) : null;
}

/** A key Sapa can check signatures with; `organizationId` null: not an issuer of the register (did:key). */
export type KnownKey = VerificationMethodDoc & { organizationId: string | null; status: string; rotatedAt: Date | null };

/**
 * Any verification method Sapa can resolve: its own issuers' keys from the database, else a
 * did:key, whose key is in the identifier itself, else a did:web the operator allow-listed
 * (TRUSTED_DID_WEB, did-web.trusted.ts) — the only case where anything is fetched.
 */
export async function resolveVerificationMethod(db: Db, id: string): Promise<KnownKey | null> {
  const own = await resolveIssuerKey(db, id);
  if (own) return own;
  const derived = didKeyMethod(id) ?? (await trustedDidWebMethod(id));
  return derived ? { ...derived, organizationId: null, status: 'external', rotatedAt: null } : null;
}

/** Resolves a verification method from the database only (Sapa never fetches a DID document). */
export async function resolveIssuerKey(db: Db, id: string): Promise<KnownKey | null> {
  const row = await repo.keyByVerificationMethod(db, id);
  if (!row) return null;
  return {
    id: row.verification_method,
    type: 'Multikey',
    controller: row.did,
    publicKeyMultibase: row.public_key_multibase,
    organizationId: row.organization_id,
    status: row.status,
    rotatedAt: row.rotated_at,
  };
}

/** The organization a did:web names, if Sapa issued keys under it. */
export async function organizationOfDid(db: Db, did: string): Promise<string | null> {
  const keys = await repo.keysOfDid(db, did);
  return keys[0]?.organization_id ?? null;
}

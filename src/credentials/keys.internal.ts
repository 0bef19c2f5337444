// Issuer keys inside the module: making a key and opening the signing key. The calling service
// has checked the credentials access policy first (issue, or manage-keys), so this file is
// internal to the module: only credentials services import it, never routes or pages (biome.json).
import type { Ctx } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { settings } from '../platform/settings.ts';
import { lockOrganization, organizationById } from '../registry/registry.api.ts';
import { didWebFor, issuerSlug, verificationMethodId } from './keys.did.ts';
import { generateMultikey } from './keys.multikey.ts';
import * as repo from './keys.repository.ts';
import { keySecret, openSecret, sealSecret } from './keys.secret.ts';
import type { SigningKey } from './proof.ts';

export type IssuerKeySummary = {
  id: string;
  verificationMethod: string;
  publicKeyMultibase: string;
  status: string;
  createdAt: string;
  rotatedAt: string | null;
};

type KeyRow = Awaited<ReturnType<typeof repo.keysOfOrganization>>[number];

export const summary = (k: KeyRow): IssuerKeySummary => ({
  id: k.id,
  verificationMethod: k.verification_method,
  publicKeyMultibase: k.public_key_multibase,
  status: k.status,
  createdAt: k.created_at.toISOString(),
  rotatedAt: k.rotated_at?.toISOString() ?? null,
});

export async function createKey(ctx: Ctx, organizationId: string, action: 'issuer-key.create' | 'issuer-key.rotate') {
  const org = await organizationById(ctx.db, organizationId);
  if (!org) throw notFound('organization', organizationId);
  // The DID is fixed when the organization's first key is made (decision 70): a later PUBLIC_URL
  // does not move it, so credentials already issued keep resolving under the same DID.
  const did = (await repo.keysOfOrganization(ctx.db, organizationId))[0]?.did ?? didWebFor(settings().PUBLIC_URL, issuerSlug(org));
  const pair = generateMultikey();
  const row = await repo.insertKey(ctx.db, {
    organization_id: organizationId,
    did,
    verification_method: verificationMethodId(did, pair.publicKeyMultibase),
    public_key_multibase: pair.publicKeyMultibase,
    secret_key_encrypted: sealSecret(pair.secretKeyMultibase, organizationId, keySecret()),
  });
  await recordChange(ctx, { entityType: 'issuer-key', entityId: row.id, action, before: null, after: { organizationId, ...summary(row) }, versioned: false });
  return row;
}

/**
 * The organization's signing key, made on first use. Callers have already checked that the
 * actor may issue for the organization; this only prepares the key.
 */
export async function signingKeyFor(ctx: Ctx, organizationId: string): Promise<SigningKey> {
  let row = await repo.activeKey(ctx.db, organizationId);
  if (!row) {
    await lockOrganization(ctx.db, organizationId);
    row = (await repo.activeKey(ctx.db, organizationId)) ?? (await createKey(ctx, organizationId, 'issuer-key.create'));
  }
  return {
    verificationMethod: row.verification_method,
    controller: row.did,
    publicKeyMultibase: row.public_key_multibase,
    secretKeyMultibase: openSecret(row.secret_key_encrypted, organizationId, keySecret()),
  };
}

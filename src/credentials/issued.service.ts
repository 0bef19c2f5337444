// The credential Sapa issued under an id, for a verifier comparing it with what was presented.
// Public, like the credential page: whoever holds the id may read it.
import type { Ctx } from '../platform/context.ts';
import { uuidOfCredentialId } from './credential.service.ts';
import { credentialRow } from './credential.repository.ts';

export async function issuedCredentialFor(ctx: Ctx, credentialId: unknown): Promise<Record<string, unknown> | null> {
  const uuid = uuidOfCredentialId(credentialId);
  if (!uuid) return null;
  const row = await credentialRow(ctx.db, uuid);
  return row ? (row.credential as Record<string, unknown>) : null;
}

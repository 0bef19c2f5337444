// Listing and revoking API tokens. A user manages their own tokens; an org-admin those of the
// users of their organization; the ministry (user.manage) everyone's.
import { canEverywhere } from '../access/roles.ts';
import type { Ctx } from '../context.ts';
import { forbidden, notFound, unauthenticated } from '../errors.ts';
import { recordChange } from '../history/history.ts';
import * as repo from './api-tokens.repository.ts';
import { issueApiToken } from './auth.service.ts';

export type ApiTokenView = {
  id: string;
  name: string;
  userId: string;
  userName: string;
  userEmail: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
};

function present(row: repo.ApiTokenRow, now = new Date()): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    userName: row.user_name,
    userEmail: row.user_email,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    state: row.revoked_at ? 'revoked' : row.expires_at <= now ? 'expired' : 'active',
  };
}

/** The one access rule of tokens: own, the org-admin of an organization the owner works in, or the ministry. */
function tokenAccess(ctx: Ctx) {
  const actor = ctx.actor;
  const adminOf = (organizationId: string) =>
    actor.kind === 'system' || canEverywhere(actor, 'user.manage') || (actor.kind === 'user' && actor.roles.some((r) => r.role === 'org-admin' && r.organizationId === organizationId));
  return {
    requireSignedIn(): string | null {
      if (actor.kind === 'anonymous') throw unauthenticated();
      return actor.kind === 'user' ? actor.userId : null;
    },
    requireOrganization(organizationId: string): void {
      if (!adminOf(organizationId)) throw actor.kind === 'anonymous' ? unauthenticated() : forbidden('api-token.manage');
    },
    async requireToken(row: repo.ApiTokenRow): Promise<void> {
      if (actor.kind === 'user' && actor.userId === row.user_id) return;
      if (actor.kind === 'system' || canEverywhere(actor, 'user.manage')) return;
      const organizations = await repo.organizationsOfUser(ctx.db, row.user_id);
      if (!organizations.some(adminOf)) throw actor.kind === 'anonymous' ? unauthenticated() : forbidden('api-token.manage');
    },
  };
}

/** The caller's own tokens, or (for its org-admin) those of everyone working in an organization. */
export async function listApiTokens(ctx: Ctx, filter: { organizationId?: string } = {}): Promise<ApiTokenView[]> {
  const access = tokenAccess(ctx);
  const self = access.requireSignedIn();
  if (filter.organizationId) {
    access.requireOrganization(filter.organizationId);
    return (await repo.listApiTokens(ctx.db, { organizationId: filter.organizationId })).map((r) => present(r));
  }
  if (!self) return [];
  return (await repo.listApiTokens(ctx.db, { userId: self })).map((r) => present(r));
}

/** A new token for the caller; the secret is in the answer only. */
export async function issueOwnApiToken(ctx: Ctx, input: { name: string; expiresInDays?: number }): Promise<{ token: string; view: ApiTokenView }> {
  const self = tokenAccess(ctx).requireSignedIn();
  if (!self) throw forbidden('api-token.issue');
  const { id, token } = await issueApiToken(ctx, self, input.name, undefined, { expiresInDays: input.expiresInDays });
  return { token, view: present((await repo.findApiToken(ctx.db, id)) as repo.ApiTokenRow) };
}

/** Revokes a token at once (the next request with it is anonymous); revoking twice changes nothing. */
export async function revokeApiToken(ctx: Ctx, id: string): Promise<ApiTokenView> {
  const row = await repo.findApiToken(ctx.db, id);
  if (!row) throw notFound('api-token', id);
  await tokenAccess(ctx).requireToken(row);
  if (await repo.revokeApiToken(ctx.db, id)) {
    await recordChange(ctx, { entityType: 'api-token', entityId: id, action: 'api-token.revoke', before: { revokedAt: null }, after: { userId: row.user_id, name: row.name }, versioned: false });
  }
  return present((await repo.findApiToken(ctx.db, id)) as repo.ApiTokenRow);
}

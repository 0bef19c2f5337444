// SQL of API tokens: issue, list, revoke, and when each was last used.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export type ApiTokenRow = {
  id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  name: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
};

export async function insertApiToken(db: Db, token: { userId: string; name: string; tokenHash: string; expiresAt: Date }): Promise<string> {
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, expires_at: token.expiresAt })
    // Only a fixed secret (the published demo token) can meet itself again: it is bound afresh.
    .onConflict((oc) => oc.column('token_hash').doUpdateSet({ user_id: token.userId, name: token.name, expires_at: token.expiresAt, revoked_at: null }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function selectTokens(db: Db) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 'u.display_name as user_name', 'u.email as user_email', 't.name', 't.created_at', 't.expires_at', 't.revoked_at', 't.last_used_at']);
}

export async function findApiToken(db: Db, id: string): Promise<ApiTokenRow | undefined> {
  return selectTokens(db).where('t.id', '=', id).executeTakeFirst();
}

/** Tokens of one user, or of every user holding a role in one organization; newest first. */
export async function listApiTokens(db: Db, filter: { userId: string } | { organizationId: string }): Promise<ApiTokenRow[]> {
  let query = selectTokens(db);
  if ('userId' in filter) query = query.where('t.user_id', '=', filter.userId);
  else
    query = query.where('t.user_id', 'in', db.selectFrom('role_assignments').select('user_id').where('organization_id', '=', filter.organizationId));
  return query.orderBy('t.created_at', 'desc').orderBy('t.id').execute();
}

/** Organizations where the token's user holds a role (who, besides them, may revoke it). */
export async function organizationsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('role_assignments').select('organization_id').where('user_id', '=', userId).where('organization_id', 'is not', null).execute();
  return rows.map((r) => r.organization_id as string);
}

/** Revokes once; false when it was already revoked. */
export async function revokeApiToken(db: Db, id: string): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** At most one write per token every five minutes, however many requests it makes. */
export async function touchApiToken(db: Db, tokenHash: string): Promise<void> {
  await sql`UPDATE api_tokens SET last_used_at = now() WHERE token_hash = ${tokenHash} AND (last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')`.execute(db);
}

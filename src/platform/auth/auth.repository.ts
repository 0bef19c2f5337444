// SQL of users, role assignments, sessions and API tokens.
import type { RoleAssignment, Role } from '../access/roles.ts';
import { sql } from 'kysely';
import { todayInAlmaty } from '../calendar/calendar.ts';
import type { Db } from '../db/database.ts';

export type UserRow = { id: string; email: string; display_name: string; password_hash: string; disabled_at: Date | null };

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'password_hash', 'disabled_at'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

/** The roles the user holds today: a role whose term ended before today grants nothing. */
export async function rolesOf(db: Db, userId: string): Promise<RoleAssignment[]> {
  const today = todayInAlmaty();
  const rows = await db
    .selectFrom('role_assignments')
    .select(['role', 'organization_id'])
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .execute();
  return rows.map((r) => ({ role: r.role as Role, organizationId: r.organization_id }));
}

export async function insertUser(
  db: Db,
  user: { email: string; displayName: string; passwordHash: string; isSynthetic: boolean },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({ email: user.email.toLowerCase(), display_name: user.displayName, password_hash: user.passwordHash, is_synthetic: user.isSynthetic })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertRole(db: Db, userId: string, role: Role, organizationId: string | null): Promise<void> {
  await db.insertInto('role_assignments').values({ user_id: userId, role, organization_id: organizationId }).onConflict((oc) => oc.doNothing()).execute();
}

/** Sets the last day a user holds a role in an organization (null: open-ended); false when they do not hold it. */
export async function setRoleEndsOn(db: Db, userId: string, role: Role, organizationId: string, endsOn: string | null): Promise<boolean> {
  const rows = await db
    .updateTable('role_assignments')
    .set({ ends_on: endsOn })
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .where('organization_id', '=', organizationId)
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function insertSession(db: Db, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** The enabled user an unexpired session, or an unexpired and unrevoked API token, belongs to. */
export async function userByToken(db: Db, kind: 'session' | 'api-token', tokenHash: string): Promise<{ id: string; display_name: string } | undefined> {
  const query = db
    // Both tables have the columns read here (token_hash, user_id, expires_at); typed as one of them.
    .selectFrom((kind === 'session' ? 'sessions as k' : 'api_tokens as k') as 'sessions as k')
    .innerJoin('users', 'users.id', 'k.user_id')
    .select(['users.id', 'users.display_name'])
    .where('k.token_hash', '=', tokenHash)
    .where('k.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null);
  return (kind === 'api-token' ? query.where(sql.ref('k.revoked_at'), 'is', null) : query).executeTakeFirst();
}

export async function activeUserById(db: Db, id: string): Promise<{ id: string; display_name: string } | undefined> {
  return db.selectFrom('users').select(['id', 'display_name']).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
}

/** Users holding a role in an organization, by display name (e.g. a body's staff to pick a coordinator from). */
export async function usersWithRole(db: Db, role: Role, organizationId: string): Promise<{ id: string; display_name: string }[]> {
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.display_name'])
    .where('r.role', '=', role)
    .where('r.organization_id', '=', organizationId)
    .orderBy('u.display_name')
    .execute();
}

export async function setPreferredLang(db: Db, userId: string, lang: string): Promise<void> {
  await db.updateTable('users').set({ preferred_lang: lang }).where('id', '=', userId).where('preferred_lang', '<>', lang).execute();
}

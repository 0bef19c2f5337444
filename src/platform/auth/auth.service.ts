// Sign-in, sessions, API tokens and user creation. Permission checks come first.
import { z } from 'zod';
import { type Actor, ROLES, type Role } from '../access/roles.ts';
import { type Ctx, requirePermission } from '../context.ts';
import type { Db } from '../db/database.ts';
import { AppError, unknownReferences } from '../errors.ts';
import { recordChange } from '../history/history.ts';
import { insertApiToken, touchApiToken } from './api-tokens.repository.ts';
import * as repo from './auth.repository.ts';
import { currentPasswordCost, hashPassword, verifyPassword } from './password.ts';
import { newSecret, secretHash } from './tokens.ts';
import { checkSecondFactor } from './two-factor.ts';

export const newUserSchema = z.object({
  email: z.string().email(),
  displayName: z.string().min(1).max(200),
  password: z.string().min(10).max(200),
  roles: z
    .array(z.object({ role: z.enum(ROLES), organizationId: z.string().uuid().nullable().default(null) }))
    .min(1),
  isSynthetic: z.boolean().default(false),
});
export type NewUser = z.input<typeof newUserSchema>;

/** Which of the given organization ids exist. The registry answers; src/wiring.ts hands it in. */
export type OrganizationCheck = (db: Db, ids: string[]) => Promise<Set<string>>;
let existingOrganizations: OrganizationCheck | null = null;

/** Platform knows no module, so the root tells it how to check the organization of a role. */
export function useOrganizationCheck(check: OrganizationCheck): void {
  existingOrganizations = check;
}

export async function createUser(ctx: Ctx, input: NewUser): Promise<{ id: string }> {
  requirePermission(ctx, 'user.manage');
  const user = newUserSchema.parse(input);
  if (await repo.findUserByEmail(ctx.db, user.email)) {
    throw new AppError('duplicate', 409, 'errors.duplicateEmail', { params: { email: user.email } });
  }
  const orgIds = user.roles.map((r) => r.organizationId).filter((id): id is string => id !== null);
  if (orgIds.length) {
    if (!existingOrganizations) throw new Error('auth: no organization check; import src/wiring.ts at the entry point');
    const found = await existingOrganizations(ctx.db, orgIds);
    const missing = orgIds.filter((id) => !found.has(id));
    if (missing.length) {
      throw unknownReferences(missing.map((id) => ({ path: 'roles.organizationId', messageKey: 'errors.field.unknownId', params: { entity: 'organization', id } })));
    }
  }
  const id = await repo.insertUser(ctx.db, { ...user, passwordHash: await hashPassword(user.password) });
  for (const r of user.roles) await repo.insertRole(ctx.db, id, r.role, r.organizationId);
  await recordChange(ctx, {
    entityType: 'user',
    entityId: id,
    action: 'user.create',
    before: null,
    after: { email: user.email, displayName: user.displayName, roles: user.roles },
    versioned: false,
  });
  return { id };
}

/**
 * Sets the last day a user holds a role in an organization (null: open-ended), e.g. the end of a
 * council member's term. The module that owns the role's meaning checks who may do it first.
 * False when the user does not hold that role there.
 */
export async function setRoleEnd(ctx: Ctx, a: { userId: string; role: Role; organizationId: string; endsOn: string | null }): Promise<boolean> {
  if (!(await repo.setRoleEndsOn(ctx.db, a.userId, a.role, a.organizationId, a.endsOn))) return false;
  await recordChange(ctx, { entityType: 'user', entityId: a.userId, action: 'user.role.term', before: null, after: a, versioned: false });
  return true;
}

/** The second factor of a sign-in: the code given, and the roles that cannot sign in without one. */
export type SecondFactor = { code?: string; requiredFor: readonly Role[] };

export async function signIn(
  ctx: Ctx,
  email: string,
  password: string,
  ttlHours: number,
  secondFactor: SecondFactor = { requiredFor: [] },
): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const user = await repo.findUserByEmail(ctx.db, email);
  // An unknown account costs one hash too, so the time of the answer does not tell who has an account.
  const verified = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  const ok = user && !user.disabled_at && verified;
  if (!user || !ok) throw new AppError('unauthenticated', 401, 'errors.badCredentials');
  const roles = (await repo.rolesOf(ctx.db, user.id)).map((r) => r.role);
  await checkSecondFactor(ctx.db, user.id, roles, secondFactor.code, secondFactor.requiredFor);
  const token = newSecret('ses');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await repo.insertSession(ctx.db, secretHash(token), user.id, expiresAt);
  return { token, userId: user.id, expiresAt };
}

/** The language a user signed in to the workspace with is the one their notification e-mail speaks. */
export async function rememberLanguage(ctx: Ctx, userId: string): Promise<void> {
  await repo.setPreferredLang(ctx.db, userId, ctx.lang);
}

let decoy: { cost: string; hash: Promise<string> } | null = null;

/** A hash of no one's password at the current cost, made once per cost. */
function decoyHash(): Promise<string> {
  const cost = JSON.stringify(currentPasswordCost());
  if (decoy?.cost !== cost) decoy = { cost, hash: hashPassword(newSecret('decoy')) };
  return decoy.hash;
}

export async function signOut(ctx: Ctx, token: string): Promise<void> {
  await repo.deleteSession(ctx.db, secretHash(token));
}

/** Resolves a session cookie or bearer token to an actor; unknown credentials give anonymous. */
export async function actorFor(ctx: Pick<Ctx, 'db'>, credentials: { session?: string; bearer?: string }): Promise<Actor> {
  const user = credentials.bearer
    ? await repo.userByToken(ctx.db, 'api-token', secretHash(credentials.bearer))
    : credentials.session
      ? await repo.userByToken(ctx.db, 'session', secretHash(credentials.session))
      : undefined;
  if (!user) return { kind: 'anonymous' };
  if (credentials.bearer) await touchApiToken(ctx.db, secretHash(credentials.bearer));
  return { kind: 'user', userId: user.id, label: user.display_name, roles: await repo.rolesOf(ctx.db, user.id) };
}

/** A user as they are now (current roles; anonymous once disabled): work done later on their behalf, such as a job. */
export async function actorOfUser(ctx: Pick<Ctx, 'db'>, userId: string): Promise<Actor> {
  const user = await repo.activeUserById(ctx.db, userId);
  if (!user) return { kind: 'anonymous' };
  return { kind: 'user', userId: user.id, label: user.display_name, roles: await repo.rolesOf(ctx.db, user.id) };
}

export const API_TOKEN_DAYS = { default: 90, max: 365 } as const;

/**
 * Issues an API token for the acting user (or, for the ministry, any user), valid for
 * `expiresInDays` (at most a year). The secret is shown once; only its hash is stored.
 */
export async function issueApiToken(
  ctx: Ctx,
  userId: string,
  name: string,
  secret?: string,
  options: { expiresInDays?: number } = {},
): Promise<{ id: string; token: string; expiresAt: Date }> {
  if (ctx.actor.kind !== 'system' && !(ctx.actor.kind === 'user' && ctx.actor.userId === userId)) requirePermission(ctx, 'user.manage');
  const days = Math.min(options.expiresInDays ?? API_TOKEN_DAYS.default, API_TOKEN_DAYS.max);
  const token = secret ?? newSecret('sapa');
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const id = await insertApiToken(ctx.db, { userId, name, tokenHash: secretHash(token), expiresAt });
  await recordChange(ctx, {
    entityType: 'api-token',
    entityId: id,
    action: 'api-token.issue',
    before: null,
    after: { userId, name, expiresAt: expiresAt.toISOString() },
    versioned: false,
  });
  return { id, token, expiresAt };
}

export type { Role };

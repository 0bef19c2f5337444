// Optional TOTP two-factor sign-in (RFC 6238, any authenticator app): enrolment shows a secret and
// its otpauth:// address, a code confirms it and yields ten one-time recovery codes; from then on
// sign-in needs a code (or a recovery code). Roles listed in TWO_FACTOR_REQUIRED_ROLES cannot sign
// in without it. An administrator resets it with `sapa user reset-two-factor --email …`.
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Role } from '../access/roles.ts';
import { type Ctx, requirePermission } from '../context.ts';
import type { Db } from '../db/database.ts';
import { AppError, notFound, unauthenticated } from '../errors.ts';
import { recordChange } from '../history/history.ts';
import { secretHash } from './tokens.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secret.ts';

const ISSUER = 'Sapa';
const RECOVERY_CODES = 10;

type TwoFactorRow = { id: string; email: string; totp_secret: string | null; totp_enabled_at: Date | null; totp_recovery_hashes: string[] };

/** The user's two-factor state, with the secret opened (it is kept sealed: totp-secret.ts). */
async function rowOf(db: Db, userId: string): Promise<TwoFactorRow | undefined> {
  const row = await db.selectFrom('users').select(['id', 'email', 'totp_secret', 'totp_enabled_at', 'totp_recovery_hashes']).where('id', '=', userId).executeTakeFirst();
  return row && { ...row, totp_secret: row.totp_secret && openTotpSecret(row.totp_secret, row.id) };
}

function signedInUser(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  return ctx.actor.userId;
}

/** A new secret for the signed-in user (replacing an unconfirmed one); on only once confirmed. */
export async function startTwoFactorEnrolment(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const userId = signedInUser(ctx);
  const user = await rowOf(ctx.db, userId);
  if (!user) throw notFound('user', userId);
  if (user.totp_enabled_at) throw new AppError('conflict', 409, 'errors.twoFactor.alreadyOn');
  const secret = generateSecret();
  await ctx.db.updateTable('users').set({ totp_secret: sealTotpSecret(secret, userId) }).where('id', '=', userId).execute();
  return { secret, uri: generateURI({ issuer: ISSUER, label: user.email, secret }) };
}

/** The secret being enrolled and its address, for showing again (null: none started). */
export async function pendingEnrolment(ctx: Ctx): Promise<{ secret: string; uri: string } | null> {
  const user = await rowOf(ctx.db, signedInUser(ctx));
  if (!user?.totp_secret || user.totp_enabled_at) return null;
  return { secret: user.totp_secret, uri: generateURI({ issuer: ISSUER, label: user.email, secret: user.totp_secret }) };
}

const newRecoveryCodes = () => Array.from({ length: RECOVERY_CODES }, () => randomBytes(5).toString('hex').replace(/(.{5})/, '$1-'));

/** Turns two-factor sign-in on with a code from the app; answers the recovery codes, shown once. */
export async function confirmTwoFactor(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  const userId = signedInUser(ctx);
  const user = await rowOf(ctx.db, userId);
  if (!user?.totp_secret || user.totp_enabled_at) throw new AppError('conflict', 409, 'errors.twoFactor.nothingToConfirm');
  if (!(await totpValid(user.totp_secret, code))) throw wrongCode();
  const recoveryCodes = newRecoveryCodes();
  await ctx.db
    .updateTable('users')
    .set({ totp_enabled_at: new Date(), totp_recovery_hashes: recoveryCodes.map((c) => secretHash(c)) })
    .where('id', '=', userId)
    .execute();
  await recordChange(ctx, { entityType: 'user', entityId: userId, action: 'user.two-factor.enable', before: null, after: { twoFactor: true }, versioned: false });
  return { recoveryCodes };
}

const wrongCode = () => new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path: 'code', messageKey: 'errors.twoFactor.wrongCode' }] });

async function totpValid(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  // One step either side, for clocks a little off.
  return (await verify({ secret, token: code, epochTolerance: 30 })).valid;
}

/**
 * The second step of a sign-in: nothing to check when two-factor is off (and not required for
 * the user's roles); otherwise a current code or an unused recovery code (used up here).
 */
export async function checkSecondFactor(db: Db, userId: string, roles: Role[], code: string | undefined, required: readonly Role[]): Promise<void> {
  const user = await rowOf(db, userId);
  if (!user) throw unauthenticated();
  if (!user.totp_enabled_at || !user.totp_secret) {
    if (roles.some((r) => required.includes(r))) throw new AppError('unauthenticated', 401, 'errors.twoFactor.enrolmentRequired');
    return;
  }
  const given = code?.trim() ?? '';
  if (!given) throw new AppError('unauthenticated', 401, 'errors.twoFactor.codeRequired', { extra: { secondFactor: 'totp' } });
  if (await totpValid(user.totp_secret, given)) return;
  const hash = secretHash(given.toLowerCase());
  if (user.totp_recovery_hashes.includes(hash)) {
    await db.updateTable('users').set({ totp_recovery_hashes: user.totp_recovery_hashes.filter((h) => h !== hash) }).where('id', '=', userId).execute();
    return;
  }
  throw new AppError('unauthenticated', 401, 'errors.twoFactor.wrongCode', { extra: { secondFactor: 'totp' } });
}

/** Turns two-factor sign-in off for a user who lost the app and the codes (an administrator's step). */
export async function resetTwoFactor(ctx: Ctx, email: string): Promise<void> {
  requirePermission(ctx, 'user.manage');
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!user) throw notFound('user', email);
  await ctx.db.updateTable('users').set({ totp_secret: null, totp_enabled_at: null, totp_recovery_hashes: [] }).where('id', '=', user.id).execute();
  await recordChange(ctx, { entityType: 'user', entityId: user.id, action: 'user.two-factor.reset', before: null, after: { twoFactor: false }, versioned: false });
}

/**
 * Enrols a user on an administrator's word (for roles that need two-factor sign-in before they
 * can sign in at all): on at once; the secret and recovery codes are handed to the person.
 */
export async function enrolTwoFactorFor(ctx: Ctx, email: string): Promise<{ secret: string; uri: string; recoveryCodes: string[] }> {
  requirePermission(ctx, 'user.manage');
  const user = await ctx.db.selectFrom('users').select(['id', 'email']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!user) throw notFound('user', email);
  const secret = generateSecret();
  const recoveryCodes = newRecoveryCodes();
  await ctx.db
    .updateTable('users')
    .set({ totp_secret: sealTotpSecret(secret, user.id), totp_enabled_at: new Date(), totp_recovery_hashes: recoveryCodes.map((c) => secretHash(c)) })
    .where('id', '=', user.id)
    .execute();
  await recordChange(ctx, { entityType: 'user', entityId: user.id, action: 'user.two-factor.enable', before: null, after: { twoFactor: true }, versioned: false });
  return { secret, uri: generateURI({ issuer: ISSUER, label: user.email, secret }), recoveryCodes };
}

/** What the enrolment page shows the signed-in user: on, or the secret being enrolled (if any). */
export async function twoFactorState(ctx: Ctx): Promise<{ on: boolean; pending: { secret: string; uri: string } | null }> {
  const user = await rowOf(ctx.db, signedInUser(ctx));
  return { on: Boolean(user?.totp_enabled_at), pending: await pendingEnrolment(ctx) };
}

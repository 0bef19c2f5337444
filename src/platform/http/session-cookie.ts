// Starting and ending a browser session: the same cookie for the API and the pages.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { signIn, signOut } from '../auth/auth.service.ts';
import type { AppEnv } from './env.ts';
import { SESSION_COOKIE } from './middleware.ts';
import { writeTx } from './openapi-common.ts';
import { clearBucket, clientAddress, countHit, retryAfter, tooManyRequests } from './rate-limit.ts';

/**
 * Sign-in attempts are counted per account and per client address before the password is
 * checked, so parallel guesses count too; past the limit the answer is 429 even for the right
 * password. Success clears the account's count (the address keeps counting: many people may share it).
 */
async function throttleSignIn(c: Context<AppEnv>, email: string): Promise<string> {
  const { config, db } = c.get('deps');
  const seconds = config.SIGN_IN_WINDOW_MINUTES * 60;
  const account = `sign-in:account:${email.trim().toLowerCase()}`;
  const address = `sign-in:address:${clientAddress(c, config.TRUST_PROXY)}`;
  const accountHits = await countHit(db, account, seconds);
  const addressHits = await countHit(db, address, seconds);
  if (accountHits > config.SIGN_IN_ATTEMPTS_PER_ACCOUNT || addressHits > config.SIGN_IN_ATTEMPTS_PER_ADDRESS) {
    const wait = retryAfter(seconds);
    c.header('retry-after', String(wait));
    throw tooManyRequests(wait);
  }
  return account;
}

/** Signs in and sets the httpOnly SameSite=Lax session cookie; a wrong password throws 401. */
export async function startSession(c: Context<AppEnv>, email: string, password: string, code?: string) {
  const { config, db } = c.get('deps');
  const accountBucket = await throttleSignIn(c, email);
  const secondFactor = { code, requiredFor: config.TWO_FACTOR_REQUIRED_ROLES };
  const session = await writeTx(c, (ctx) => signIn(ctx, email, password, config.SESSION_TTL_HOURS, secondFactor));
  await clearBucket(db, accountBucket);
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.PUBLIC_URL.startsWith('https:'),
    path: '/',
    expires: session.expiresAt,
  });
  return session;
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await writeTx(c, (ctx) => signOut(ctx, token));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

// Starting and ending a browser session: the same cookie for the API and the pages.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { signIn, signOut } from '../auth/auth.service.ts';
import type { AppEnv } from './env.ts';
import { SESSION_COOKIE } from './middleware.ts';
import { writeTx } from './openapi-common.ts';

/** Signs in and sets the httpOnly SameSite=Lax session cookie; a wrong password throws 401. */
export async function startSession(c: Context<AppEnv>, email: string, password: string) {
  const { config } = c.get('deps');
  const session = await writeTx(c, (ctx) => signIn(ctx, email, password, config.SESSION_TTL_HOURS));
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

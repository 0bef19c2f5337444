// Cross-site request forgery: a browser write that carries the session cookie must come from a
// page of Sapa's own origin (PUBLIC_URL or the origin it was requested on). Browsers always send
// Origin on cross-origin POSTs (and Sec-Fetch-Site on every request), so a form on another site,
// or on another port of the same host, is refused with 403 before anything runs. API clients
// that authenticate with a bearer token carry no ambient credential and are not checked.
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { SESSION_COOKIE } from './middleware.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a write's Origin (or Referer, or Sec-Fetch-Site) shows it came from one of `origins`. */
export function sameOriginWrite(headers: { origin?: string; referer?: string; fetchSite?: string }, origins: string[]): boolean {
  if (headers.fetchSite && headers.fetchSite !== 'same-origin' && headers.fetchSite !== 'none') return false;
  const claimed = headers.origin && headers.origin !== 'null' ? headers.origin : headers.referer ? originOf(headers.referer) : null;
  // A request without Origin or Referer comes from no browser page (curl, a test client).
  if (!claimed) return headers.origin !== 'null';
  return origins.includes(claimed);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses cookie-carrying writes from other origins. Sign-in is checked too (login CSRF), even
 * without a cookie.
 */
export function csrfProtection(options: { publicUrl: string }) {
  const trusted = originOf(options.publicUrl);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const bearer = c.req.header('authorization')?.toLowerCase().startsWith('bearer ');
      const signIn = /\/sign-in$/.test(c.req.path);
      if (!bearer && (getCookie(c, SESSION_COOKIE) !== undefined || signIn)) {
        const origins = [new URL(c.req.url).origin, ...(trusted ? [trusted] : [])];
        const headers = { origin: c.req.header('origin'), referer: c.req.header('referer'), fetchSite: c.req.header('sec-fetch-site') };
        if (!sameOriginWrite(headers, origins)) throw new AppError('forbidden', 403, 'errors.security.crossSite');
      }
    }
    await next();
  });
}

// Security headers on every response. The pages hold no inline script or style (styles are served
// from /assets/site.css), so the policy allows scripts and styles from Sapa's own origin only.
import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';

const DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

type Directives = Record<string, string[]>;

const policyOf = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

/** The Content-Security-Policy of every page. */
export const CONTENT_SECURITY_POLICY = policyOf(DIRECTIVES);

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The policy of a third-party page (Swagger UI at /api/docs) that loads its code from `origins`
 * and starts it with inline scripts: each inline script is allowed by its hash, nothing else inline.
 */
export function policyForPage(html: string, origins: string[]): string {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => sha256(m[1] ?? ''));
  return policyOf({ ...DIRECTIVES, 'script-src': ["'self'", ...origins, ...inline], 'style-src': ["'self'", ...origins] });
}

/** Adds the headers to every response; HSTS only when Sapa is reached over https. */
export function securityHeaders(options: { https: boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!headers.has('content-security-policy')) headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'strict-origin-when-cross-origin');
    headers.set('x-frame-options', 'DENY');
    headers.set('cross-origin-opener-policy', 'same-origin');
    if (options.https) headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}

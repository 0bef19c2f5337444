// What every request passes before any route sees it: a body size limit, and text the database
// cannot hold (NUL bytes, lone UTF-16 surrogates) or JSON nested deeper than any real document,
// each refused with a 400 naming the field.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { AppError, type FieldIssue } from '../errors.ts';
import type { AppEnv } from './env.ts';

/** Paths that take file uploads, which get MAX_UPLOAD_MB instead of MAX_BODY_KB. */
const UPLOAD_PATHS = [
  /\/evidence$/,
  /\/batches$/,
  /^\/api\/certificates\/import$/,
  /^\/(kk|ru|en)\/verify$/,
  /^\/api\/imports\/[\w-]+$/,
  /^\/(kk|ru|en)\/workspace\/imports$/,
];

export const isUploadPath = (path: string) => UPLOAD_PATHS.some((p) => p.test(path));

const tooLarge = (limitBytes: number) =>
  new AppError('payload_too_large', 413, 'errors.security.bodyTooLarge', { params: { limit: `${Math.round(limitBytes / 1024)} KB` } });

/**
 * The body as text, with the request given a fresh copy of it: reading consumes the stream, and a
 * route's own middleware (a page's upload limit, say) may read the raw body again.
 */
async function readAgainLater(c: Context<AppEnv>): Promise<string> {
  const text = await c.req.text();
  c.req.raw = new Request(c.req.raw, { body: text });
  return text;
}

/** Refuses a body over the limit while reading it, so a huge body is never held whole. */
export function bodyLimits(limits: { bodyBytes: number; uploadBytes: number }) {
  const ordinary = bodyLimit({ maxSize: limits.bodyBytes, onError: () => { throw tooLarge(limits.bodyBytes); } });
  const upload = bodyLimit({ maxSize: limits.uploadBytes, onError: () => { throw tooLarge(limits.uploadBytes); } });
  return createMiddleware<AppEnv>((c, next) => (isUploadPath(c.req.path) ? upload(c, next) : ordinary(c, next)));
}

// PostgreSQL text holds no NUL; a high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (value: string) => !value.includes('\u0000') && !LONE_SURROGATE.test(value);

const unstorable = (path: string) => ({ path, messageKey: 'errors.security.unstorableText' });

/** The first string (key or value) of a JSON value that PostgreSQL cannot store, by its path. */
export function unstorableIn(value: unknown, path = ''): FieldIssue | null {
  if (typeof value === 'string') return isStorableText(value) ? null : unstorable(path);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const issue = unstorableIn(item, path ? `${path}.${i}` : String(i));
      if (issue) return issue;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (!isStorableText(key)) return unstorable(here);
      const issue = unstorableIn(item, here);
      if (issue) return issue;
    }
  }
  return null;
}

/**
 * How deeply a JSON text nests arrays and objects, counted without parsing it (so a hostile text
 * is measured without building it); stops counting past `limit`.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}

const badRequest = (issue: FieldIssue) =>
  new AppError('bad_request', 400, 'errors.security.badInput', { issues: [issue] });

function checkQuery(c: Context<AppEnv>): void {
  const url = new URL(c.req.url);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  if (!isStorableText(path)) throw badRequest(unstorable('path'));
  for (const [key, value] of url.searchParams) {
    if (!isStorableText(key) || !isStorableText(value)) throw badRequest(unstorable(`query.${key}`));
  }
}

/** Refuses unstorable text in the path, query and JSON or form body, and JSON nested too deeply. */
export function cleanInput(options: { maxJsonDepth: number }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    checkQuery(c);
    const type = c.req.header('content-type') ?? '';
    if (c.req.raw.body && /json/i.test(type)) {
      const text = await readAgainLater(c);
      if (jsonDepthExceeds(text, options.maxJsonDepth)) {
        throw new AppError('bad_request', 400, 'errors.security.tooDeep', { params: { limit: options.maxJsonDepth } });
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined; // the route's validator answers malformed JSON as it always has
      }
      const issue = unstorableIn(parsed);
      if (issue) throw badRequest(issue);
    } else if (c.req.raw.body && /application\/x-www-form-urlencoded/i.test(type)) {
      for (const [key, value] of new URLSearchParams(await readAgainLater(c))) {
        if (!isStorableText(key) || !isStorableText(value)) throw badRequest(unstorable(key));
      }
    }
    await next();
  });
}

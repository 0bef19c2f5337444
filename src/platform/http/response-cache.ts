// Responses that are public and the same for everyone, kept per data version (decision 133).
// Each request reads the data version (one primary-key read on the request's database), so a
// write committed through any process, or a replica that has replayed it, changes the key: every
// process of `--workers`, and a reverse proxy revalidating with If-None-Match, stays right.
import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { todayInAlmaty } from '../calendar/calendar.ts';
import { readDataVersion } from '../db/data-version.ts';
import type { AppEnv } from './env.ts';
import { SESSION_COOKIE } from './middleware.ts';

/** Public reads: the register's API and pages. Exports, PDFs and per-organization admin lists are not. */
const CACHEABLE_PATH =
  /^\/(?:api\/(?:nqf|qualification-types|classifiers|sqfs|occupational-standards|organizations|programmes|qualifications|certification-centres|search|registers|indicators)|(?:kk|ru|en)\/(?:search|programmes|organizations|qualifications|occupational-standards|sqfs|nqf|registers|certification-centres))(?:\/|$)/;
const NEVER = /\/(?:export|relationship-proposals|issuer-keys)(?:\/|$)|\.pdf$/;
const CACHEABLE_TYPE = /^(?:application\/(?:[\w.+-]*\+)?json|text\/html)\b/;

/** Browsers and proxies may keep a copy but must ask again (If-None-Match) before using it. */
export const PUBLIC_CACHE_CONTROL = 'public, no-cache';
const VARY = 'Accept, Accept-Language, Cookie';
/** Headers of the first response that are not replayed (each response gets its own id). */
const NOT_REPLAYED = new Set(['x-request-id', 'set-cookie', 'content-length']);

/**
 * etag: the body's hash, unless the handler set its own (a record's row version, which If-Match
 * on writes compares): that one is kept as it is and answers no 304, since the counts beside a
 * record can change while its version does not.
 */
type Entry = { body: Uint8Array<ArrayBuffer>; etag: string; ownTag: boolean; headers: [string, string][]; bytes: number };

export type ResponseCacheOptions = { maxBytes: number; maxEntryBytes: number };

/** One process's cache: the entries of the newest data version seen, oldest dropped past maxBytes. */
export function createResponseCache(options: ResponseCacheOptions) {
  let version = '';
  let bytes = 0;
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<Entry | undefined>>();

  const atVersion = (v: string) => {
    if (v !== version) {
      // Versions only move forward in the database; a late reader of an older one just misses.
      version = v;
      entries.clear();
      pending.clear();
      bytes = 0;
    }
  };
  const get = (v: string, key: string) => {
    if (v !== version) return undefined;
    const entry = entries.get(key);
    if (entry) {
      entries.delete(key); // most recently used last
      entries.set(key, entry);
    }
    return entry;
  };
  const put = (v: string, key: string, entry: Entry) => {
    if (v !== version || entry.bytes > options.maxEntryBytes) return;
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [oldKey, old] of entries) {
      if (bytes <= options.maxBytes) break;
      entries.delete(oldKey);
      bytes -= old.bytes;
    }
  };
  return { atVersion, get, put, pending, stats: () => ({ version, entries: entries.size, bytes }) };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;

const etagOfBody = (body: Uint8Array<ArrayBuffer>) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** If-None-Match names this tag (or `*`); weak comparison, as RFC 9110 says for GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export function responseCache(cache: ResponseCache) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const path = c.req.path;
    const cookie = c.req.header('cookie') ?? '';
    if (
      c.req.method !== 'GET' ||
      !CACHEABLE_PATH.test(path) ||
      NEVER.test(path) ||
      c.req.header('authorization') ||
      cookie.includes(`${SESSION_COOKIE}=`) ||
      c.get('ctx').actor.kind !== 'anonymous'
    ) {
      return next();
    }
    const version = await readDataVersion(c.get('ctx').db);
    cache.atVersion(version);
    c.set('ctx', { ...c.get('ctx'), dataVersion: version });
    // "Today" is in the key: a record's standing can change at midnight without a write.
    const key = [c.req.url, c.req.header('accept') ?? '', c.req.header('accept-language') ?? '', cookie, todayInAlmaty()].join('\n');
    let entry = cache.get(version, key);
    if (!entry) {
      const waiting = cache.pending.get(key);
      if (waiting) entry = await waiting;
    }
    if (entry) return replay(c, entry);

    let settle: (e: Entry | undefined) => void = () => {};
    cache.pending.set(key, new Promise<Entry | undefined>((resolve) => (settle = resolve)));
    try {
      await next();
      const res = c.res;
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 200 || res.headers.has('set-cookie') || !CACHEABLE_TYPE.test(type) || !res.body) return;
      const body = new Uint8Array(await res.arrayBuffer());
      const headers: [string, string][] = [];
      res.headers.forEach((value, name) => {
        if (!NOT_REPLAYED.has(name)) headers.push([name, value]);
      });
      const own = res.headers.get('etag');
      const fresh: Entry = { body, etag: own ?? etagOfBody(body), ownTag: own !== null, headers, bytes: body.byteLength + key.length + 200 };
      cache.put(version, key, fresh);
      settle(fresh);
      c.res = undefined;
      c.res = replay(c, fresh);
    } finally {
      settle(undefined);
      cache.pending.delete(key);
    }
  });
}

function replay(c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0], entry: Entry): Response {
  const headers = new Headers(entry.headers);
  headers.set('etag', entry.etag);
  if (!headers.has('cache-control')) headers.set('cache-control', PUBLIC_CACHE_CONTROL);
  headers.set('vary', VARY);
  const requestId = c.get('requestId');
  if (requestId) headers.set('x-request-id', requestId);
  if (!entry.ownTag && matches(c.req.header('if-none-match'), entry.etag)) {
    for (const name of ['content-type', 'content-encoding']) headers.delete(name);
    return new Response(null, { status: 304, headers });
  }
  return new Response(entry.body, { status: 200, headers });
}

// Fixed-window counters in PostgreSQL, so every process on one database shares them: rate limits
// on public search and verification, and sign-in throttling (failures per account and address).
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createMiddleware } from 'hono/factory';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

export type Window = { seconds: number; limit: number };

const windowStart = (seconds: number, now: number) => new Date(Math.floor(now / (seconds * 1000)) * seconds * 1000);

/** Counts one hit in the bucket's current window and answers the hits so far. */
export async function countHit(db: Db, bucket: string, seconds: number, now = Date.now()): Promise<number> {
  const row = await db
    .insertInto('request_counters')
    .values({ bucket, window_start: windowStart(seconds, now), hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql`request_counters.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  // Old windows go now and then, by whoever happens to count (no job needed).
  if (row.hits === 1 && Math.random() < 0.01) {
    await db.deleteFrom('request_counters').where('window_start', '<', new Date(now - 86_400_000)).execute();
  }
  return row.hits;
}

/** The hits so far in the bucket's current window. */
export async function hitsOf(db: Db, bucket: string, seconds: number, now = Date.now()): Promise<number> {
  const row = await db
    .selectFrom('request_counters')
    .select('hits')
    .where('bucket', '=', bucket)
    .where('window_start', '=', windowStart(seconds, now))
    .executeTakeFirst();
  return row?.hits ?? 0;
}

export async function clearBucket(db: Db, bucket: string): Promise<void> {
  await db.deleteFrom('request_counters').where('bucket', '=', bucket).execute();
}

/** Seconds until the bucket's current window ends. */
export const retryAfter = (seconds: number, now = Date.now()) => Math.max(1, Math.ceil((windowStart(seconds, now).getTime() + seconds * 1000 - now) / 1000));

export const tooManyRequests = (seconds: number) =>
  new AppError('too_many_requests', 429, 'errors.security.tooManyRequests', { params: { seconds }, extra: { retryAfter: seconds } });

/**
 * The client's address: the socket's peer, or with `trustProxy` the first X-Forwarded-For entry
 * (set only behind a proxy that overwrites it, or anyone could pick their own bucket).
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // an in-process request (tests) has no socket
  }
}

/** Limits requests per client address on the routes it is mounted on; a limit of 0 is off. */
export function rateLimit(name: string, window: () => Window, trustProxy: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { seconds, limit } = window();
    if (limit > 0) {
      const hits = await countHit(c.get('deps').db, `${name}:${clientAddress(c, trustProxy)}`, seconds);
      if (hits > limit) {
        const wait = retryAfter(seconds);
        c.header('retry-after', String(wait));
        throw tooManyRequests(wait);
      }
    }
    await next();
  });
}

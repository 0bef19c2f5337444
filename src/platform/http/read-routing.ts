// Which database a request reads from: GET and HEAD go to a healthy replica unless the client
// has just written something the replica has not replayed yet (read-your-writes); everything
// else, and every read when no replica is usable, goes to the primary.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../db/database.ts';
import type { ReplicaSet } from '../db/replicas.ts';

/** The primary's WAL position after this client's last write. */
export const LSN_COOKIE = 'sapa_lsn';

/** Long enough for a replica within the lag limit to catch up; the primary serves until then. */
const LSN_COOKIE_SECONDS = 60;

const READS = new Set(['GET', 'HEAD']);

export function databaseFor(c: Context, primary: Db, replicas: ReplicaSet | undefined): Db {
  if (!replicas || !READS.has(c.req.method)) return primary;
  return replicas.forRead(getCookie(c, LSN_COOKIE)) ?? primary;
}

/** After a write that succeeded (so committed), remembers where the primary's WAL stood. */
export async function rememberWrite(c: Context, replicas: ReplicaSet | undefined, secure: boolean): Promise<void> {
  if (!replicas || READS.has(c.req.method) || c.req.method === 'OPTIONS' || c.res.status >= 400) return;
  const lsn = await replicas.primaryLsn();
  setCookie(c, LSN_COOKIE, lsn, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: LSN_COOKIE_SECONDS, secure });
}

// What every service receives: the database (a transaction for writes), who acts, in which language.
import type { Logger } from 'pino';
import type { Actor, Action } from './access/roles.ts';
import { can } from './access/roles.ts';
import type { Db } from './db/database.ts';
import { forbidden, unauthenticated } from './errors.ts';
import type { Lang } from './i18n/i18n.ts';

export type Ctx = {
  db: Db;
  actor: Actor;
  lang: Lang;
  log: Logger;
  requestId: string | null;
  /** The data version this request reads at, when it was read already (anonymous public reads). */
  dataVersion?: string;
};

/** Throws 401 for anonymous callers and 403 for signed-in ones without the grant. */
export function requirePermission(ctx: Ctx, action: Action, scope: { organizationIds?: string[] } = {}): void {
  if (can(ctx.actor, action, scope)) return;
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(action);
}

/** Runs work in one transaction with a context bound to it; nothing is stored if it throws. */
export async function inTransaction<T>(ctx: Ctx, work: (trx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
}

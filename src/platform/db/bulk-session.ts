// A bulk run (an import of thousands of rows in one transaction) registers its transaction here,
// so the per-row service calls it makes can skip work that only needs doing once per transaction:
// - reference reads (classifier codes, qualification types) are remembered: importers never write
//   reference data, so the answer cannot change within the run;
// - the audit chain's advisory lock is taken once and its head hash carried forward, since the lock
//   keeps every other writer out until the transaction ends;
// - search documents are collected and written at the end in multi-row statements;
// - audit entries and record versions are queued (bulkQueue) and written many to a statement at
//   row boundaries (flushBulkWrites), so a row costs the statements of its own record only; the
//   audit chain's hashes are computed when the entries are written, from the head read then.
// A read of what is queued (a record's history) writes the queue first (flushBulkWrites with the row).
// A row that is rolled back to its savepoint calls rowRolledBack: the writes it made, and the lock
// a subtransaction took, are gone, so the remembered head and the row's documents are forgotten.
// Outside a bulk run every function here falls through to the ordinary one-statement-per-call path.
import type { Db } from './database.ts';

export type BulkSession = {
  references: Map<string, Promise<unknown>>;
  auditHead: string | null;
  /** Search documents of the rows already kept, keyed by entity, in the order they were written. */
  documents: Map<string, unknown>;
  /** Those of the row in progress, kept or dropped with it. */
  rowDocuments: Map<string, unknown>;
  /** Writes held back to be made many to a statement, by queue: those of kept rows, and the row's. */
  deferred: Map<string, unknown[]>;
  rowDeferred: Map<string, unknown[]>;
};

type Flusher = { order: number; flush: (db: Db, session: BulkSession, withRow: boolean) => Promise<void> };
const flushers: Flusher[] = [];

/** Adds a step to flushBulkWrites; lower orders run first (the audit chain before versions). */
export function registerBulkFlusher(order: number, flush: Flusher['flush']): void {
  flushers.push({ order, flush });
  flushers.sort((a, b) => a.order - b.order);
}

/**
 * A queue of writes a bulk run makes many to a statement. The returned function queues an item and
 * answers true inside a bulk run; outside one it answers false and the caller writes at once.
 */
export function bulkQueue<T>(name: string, order: number, write: (db: Db, items: T[], session: BulkSession) => Promise<void>) {
  registerBulkFlusher(order, async (db, session, withRow) => {
    const items = [...(session.deferred.get(name) ?? []), ...(withRow ? (session.rowDeferred.get(name) ?? []) : [])] as T[];
    session.deferred.delete(name);
    if (withRow) session.rowDeferred.delete(name);
    if (items.length) await write(db, items, session);
  });
  return (db: Db, item: T): boolean => {
    const session = sessions.get(db);
    if (!session) return false;
    const queue = session.rowDeferred.get(name) ?? [];
    queue.push(item);
    session.rowDeferred.set(name, queue);
    return true;
  };
}

/** Writes what the kept rows queued (and, `withRow`, the row in progress's too); nothing outside a bulk run. */
export async function flushBulkWrites(db: Db, options: { withRow?: boolean } = {}): Promise<void> {
  const session = sessions.get(db);
  if (!session) return;
  for (const { flush } of flushers) await flush(db, session, options.withRow ?? false);
}

/** How many writes the kept rows have queued: the engine flushes when they are many. */
export function queuedBulkWrites(db: Db): number {
  const session = sessions.get(db);
  if (!session) return 0;
  let count = session.documents.size;
  for (const items of session.deferred.values()) count += items.length;
  return count;
}

const sessions = new WeakMap<Db, BulkSession>();

export function beginBulkSession(db: Db): BulkSession {
  const session: BulkSession = {
    references: new Map(),
    auditHead: null,
    documents: new Map(),
    rowDocuments: new Map(),
    deferred: new Map(),
    rowDeferred: new Map(),
  };
  sessions.set(db, session);
  return session;
}

export function endBulkSession(db: Db): void {
  sessions.delete(db);
}

export function bulkSessionOf(db: Db): BulkSession | undefined {
  return sessions.get(db);
}

/** A reference read, done once per bulk run (and every time outside one). */
export function rememberedReference<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  const session = sessions.get(db);
  if (!session) return load();
  let found = session.references.get(key) as Promise<T> | undefined;
  if (!found) {
    found = load();
    session.references.set(key, found);
  }
  return found;
}

export function rowKept(db: Db): void {
  const session = sessions.get(db);
  if (!session) return;
  for (const [key, doc] of session.rowDocuments) {
    session.documents.delete(key);
    session.documents.set(key, doc);
  }
  session.rowDocuments.clear();
  for (const [name, items] of session.rowDeferred) session.deferred.set(name, [...(session.deferred.get(name) ?? []), ...items]);
  session.rowDeferred.clear();
}

export function rowRolledBack(db: Db): void {
  const session = sessions.get(db);
  if (!session) return;
  session.rowDocuments.clear();
  session.rowDeferred.clear();
  // A read may have written the row's queue before the rollback undid it: read the head again.
  session.auditHead = null;
}

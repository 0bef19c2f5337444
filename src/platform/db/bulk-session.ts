// A bulk run (an import of thousands of rows in one transaction) registers its transaction here,
// so the per-row service calls it makes can skip work that only needs doing once per transaction:
// - reference reads (classifier codes, qualification types) are remembered: importers never write
//   reference data, so the answer cannot change within the run;
// - the audit chain's advisory lock is taken once and its head hash carried forward, since the lock
//   keeps every other writer out until the transaction ends;
// - search documents are collected and written at the end in multi-row statements.
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
};

const sessions = new WeakMap<Db, BulkSession>();

export function beginBulkSession(db: Db): BulkSession {
  const session: BulkSession = { references: new Map(), auditHead: null, documents: new Map(), rowDocuments: new Map() };
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
}

export function rowRolledBack(db: Db): void {
  const session = sessions.get(db);
  if (!session) return;
  session.rowDocuments.clear();
  session.auditHead = null;
}

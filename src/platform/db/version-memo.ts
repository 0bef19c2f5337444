// Lookups that every public page repeats (classifier names, organization names, licences) kept per
// process for as long as the data version stays the same (decision 165). The version moves in the
// same commit as any change to the register's data (decision 133), so an entry is never older than
// the data the request reads. Only requests that already know their version share entries: anonymous
// public reads, whose response cache read it first; everything else loads as before.
import type { Db } from './database.ts';

/** What a memoized read needs of the service context. */
export type VersionedReader = { db: Db; dataVersion?: string };

type Entry = { version: string; value: Promise<unknown> };

/** Entries per database (tests and the bench open several in one process); oldest dropped first. */
const MAX_ENTRIES = 20_000;
const memos = new WeakMap<Db, Map<string, Entry>>();

/** `load()`'s result, shared with other requests at the same data version of the same database. */
export function atDataVersion<T>(reader: VersionedReader, key: string, load: () => Promise<T>): Promise<T> {
  const version = reader.dataVersion;
  if (version === undefined || reader.db.isTransaction) return load();
  const memo = memos.get(reader.db) ?? new Map<string, Entry>();
  memos.set(reader.db, memo);
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const entry: Entry = { version, value: load() };
  memo.delete(key);
  memo.set(key, entry);
  // A failed read is not kept: the next request tries again.
  entry.value.catch(() => memo.get(key) === entry && memo.delete(key));
  if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
  return entry.value as Promise<T>;
}

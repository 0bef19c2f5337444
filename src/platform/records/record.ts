// The one sequence every versioned register record goes through (organizations, programmes,
// qualifications, certification centres, SQFs, occupational standards): after each write one audit entry, one new
// version in record_versions and the search document, all in the caller's transaction; reads
// answer from the live row or, with asOf, from the version in force at the end of that day.
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { type HistoryEntry, endOfDayAlmaty, historyOf, recordChange, snapshotAsOf, versionAsOf } from '../history/history.ts';

export type RecordKind<T extends object> = {
  /** The entity type of audit entries, versions and search documents, e.g. 'programme'. */
  entityType: string;
  /** The id of a record that has no `id` field of its own (a certification centre is its organization's). */
  idOf?: (record: T) => string;
  /** Keeps the record's search document in step; records not searched leave it out. */
  index?: (ctx: Ctx, record: T) => Promise<void>;
};

/** Writes what follows every create, update and transition of a record; returns the record. */
export async function saveVersion<T extends object>(
  ctx: Ctx,
  kind: RecordKind<T>,
  change: { action: string; before: T | null; after: T; at?: Date },
): Promise<T> {
  const entityId = kind.idOf ? kind.idOf(change.after) : (change.after as { id?: unknown }).id;
  if (typeof entityId !== 'string') throw new Error(`a ${kind.entityType} record without an id`);
  await recordChange(ctx, { entityType: kind.entityType, entityId, action: change.action, before: change.before, after: change.after, at: change.at });
  await kind.index?.(ctx, change.after);
  return change.after;
}

/** The record as it stood at the end of `asOf` (Asia/Almaty), or null when it did not exist then. */
export function recordAsOf<T>(ctx: Ctx, kind: { entityType: string }, id: string, asOf: string): Promise<T | null> {
  return versionAsOf<T>(ctx.db, kind.entityType, id, endOfDayAlmaty(asOf));
}

/** Every record of the kind as it stood at the end of `asOf`, filtered on its scalar fields. */
export function recordsAsOf<T>(
  ctx: Ctx,
  kind: { entityType: string },
  asOf: string,
  filters: Record<string, string | number | undefined>,
  page: { limit: number; offset: number },
): Promise<{ items: T[]; total: number }> {
  return snapshotAsOf<T>(ctx.db, kind.entityType, endOfDayAlmaty(asOf), filters, page);
}

/** Every version of one record; a record that never existed is a 404. */
export async function recordHistory(ctx: Ctx, kind: { entityType: string }, id: string): Promise<HistoryEntry[]> {
  const items = await historyOf(ctx.db, kind.entityType, id);
  if (!items.length) throw notFound(kind.entityType, id);
  return items;
}

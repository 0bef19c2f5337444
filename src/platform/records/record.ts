// The one sequence every versioned register record goes through (organizations, programmes,
// qualifications, certification centres, SQFs, occupational standards): after each write one audit entry, one new
// version in record_versions and the search document, all in the caller's transaction; reads
// answer from the live row or, with asOf, from the version in force at the end of that day.
import type { Ctx } from '../context.ts';
import { AppError, type FieldIssue, notFound } from '../errors.ts';
import { type HistoryEntry, endOfDayAlmaty, historyOf, lastVersionWhere, recordChange, snapshotAsOf, versionAsOf } from '../history/history.ts';

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

/**
 * A record under review keeps answering the public with its last reviewed version: the latest one,
 * made by `at` (the end of `asOf`, or now), whose status is one of `reviewed`. Null when none is.
 */
export function reviewedVersion<T>(ctx: Ctx, kind: { entityType: string }, id: string, reviewed: readonly string[], asOf?: string): Promise<T | null> {
  return lastVersionWhere<T>(ctx.db, kind.entityType, id, asOf ? endOfDayAlmaty(asOf) : new Date(), { field: 'status', values: reviewed });
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

/** The record as it stood at `asOf` or, without one, as it stands now (`live`); neither found is a 404. */
export async function recordAt<T, R>(
  ctx: Ctx,
  kind: { entityType: string },
  id: string,
  asOf: string | undefined,
  live: { find: () => Promise<R | undefined>; present: (row: R) => T | Promise<T> },
): Promise<T> {
  if (asOf) {
    const then = await recordAsOf<T>(ctx, kind, id, asOf);
    if (!then) throw notFound(kind.entityType, id);
    return then;
  }
  const row = await live.find();
  if (!row) throw notFound(kind.entityType, id);
  return live.present(row);
}

/** The fields every register record answers with about its provenance and version. */
export function recordMeta<S>(r: { is_synthetic: boolean; source: S; row_version: number; updated_at: Date }) {
  return { isSynthetic: r.is_synthetic, source: r.source, version: r.row_version, updatedAt: r.updated_at.toISOString() };
}

/** Refuses a `code` another record of the kind (not `exceptId`) already holds: 409 naming that record. */
export async function refuseTakenCode(
  entityType: string,
  code: string | undefined,
  findByCode: (code: string) => Promise<{ id: string } | undefined>,
  exceptId?: string,
): Promise<void> {
  if (!code) return;
  const clash = await findByCode(code);
  if (!clash || clash.id === exceptId) return;
  const issue: FieldIssue = { path: 'code', messageKey: 'errors.field.codeTaken', params: { entity: entityType, code } };
  throw new AppError('duplicate', 409, issue.messageKey, { params: issue.params, issues: [issue], extra: { existingId: clash.id } });
}

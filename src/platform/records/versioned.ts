// Optimistic concurrency for versioned records. The version a writer read goes into the UPDATE's
// WHERE (`row_version IN (…)`), so of two writes made from the same version exactly one matches a
// row; reading the row and comparing first would let both pass between the read and the write.
import { sql } from 'kysely';
import { AppError, conflict } from '../errors.ts';

/** The version(s) a writer says it read: from If-Match (stale → 412) or a body `version` (stale → 409). */
export type ExpectedVersion = { versions: readonly number[]; from: 'if-match' | 'body' };

/** If-Match wins over the body's `version` field, which older clients still send. */
export function expectedVersion(ifMatch: ExpectedVersion | undefined, bodyVersion: number | undefined): ExpectedVersion | undefined {
  return ifMatch ?? (bodyVersion === undefined ? undefined : { versions: [bodyVersion], from: 'body' });
}

export function staleWrite(expected: ExpectedVersion, current: number | null): AppError {
  const params = { current: current ?? '—' };
  return expected.from === 'if-match'
    ? new AppError('precondition_failed', 412, 'errors.preconditionFailed', { params, extra: { currentVersion: current } })
    : conflict('errors.staleVersion', params, { currentVersion: current });
}

/** Refuses at once when the row just read is already past the expected version (the UPDATE still re-checks). */
export function refuseStale(expected: ExpectedVersion | undefined, current: number): void {
  if (expected && !expected.versions.includes(current)) throw staleWrite(expected, current);
}

/**
 * The row an UPDATE narrowed by version returned; none means another write got there first.
 * `reread` gives the version now stored, for the problem's message.
 */
export async function updatedOrStale<R>(
  row: R | undefined,
  expected: ExpectedVersion | undefined,
  reread: () => Promise<{ row_version: number } | undefined>,
): Promise<R> {
  if (row) return row;
  const now = await reread();
  if (expected) throw staleWrite(expected, now?.row_version ?? null);
  throw new AppError('conflict', 409, 'errors.staleVersion', { params: { current: now?.row_version ?? '—' } });
}

/** The WHERE of an UPDATE made from the versions a writer read (none named matches nothing). */
export function sameVersion(expected: ExpectedVersion) {
  return expected.versions.length ? sql<boolean>`row_version = any(${[...expected.versions]}::int[])` : sql<boolean>`false`;
}

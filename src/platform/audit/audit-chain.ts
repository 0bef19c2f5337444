// The hash chain of the audit trail. Pure: computing and checking links needs no database.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  /**
   * `before` and `after` already as canonical JSON (canonicalJson of `before ?? null`, `after ?? null`),
   * when the caller has them: a record is then serialized once for its audit entry, hash and version.
   */
  canonical?: { before: string; after: string };
};

/** The canonical JSON of `before` and `after` (null when absent). */
export function canonicalStates(entry: Pick<AuditFields, 'before' | 'after' | 'canonical'>): { before: string; after: string } {
  return entry.canonical ?? { before: canonicalJson(entry.before ?? null), after: canonicalJson(entry.after ?? null) };
}

export function linkHash(prevHash: string, entry: AuditFields): string {
  const states = canonicalStates(entry);
  // canonicalJson of the entry (keys in sorted order, undefined left out), the states spliced in as they are.
  const fields: [string, string | undefined][] = [
    ['action', canonicalJson(entry.action)],
    ['actorId', canonicalJson(entry.actorId)],
    ['actorLabel', canonicalJson(entry.actorLabel)],
    ['after', states.after],
    ['at', canonicalJson(entry.at.toISOString())],
    ['before', states.before],
    ['entityId', canonicalJson(entry.entityId)],
    ['entityType', canonicalJson(entry.entityType)],
    ['requestId', canonicalJson(entry.requestId)],
  ];
  const body = `{${fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([key, json]) => `${JSON.stringify(key)}:${json}`)
    .join(',')}}`;
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainEntry = AuditFields & { seq: number; prevHash: string; hash: string };

export type ChainBreak = { seq: number; reason: 'prev-hash-mismatch' | 'hash-mismatch' };

/** Walks entries in order from `expectedPrev`; returns the first broken link or null. */
export function findBreak(entries: Iterable<ChainEntry>, expectedPrev = GENESIS_HASH): { break: ChainBreak | null; last: string; checked: number } {
  let prev = expectedPrev;
  let checked = 0;
  for (const entry of entries) {
    if (entry.prevHash !== prev) return { break: { seq: entry.seq, reason: 'prev-hash-mismatch' }, last: prev, checked };
    if (linkHash(entry.prevHash, entry) !== entry.hash) return { break: { seq: entry.seq, reason: 'hash-mismatch' }, last: prev, checked };
    prev = entry.hash;
    checked++;
  }
  return { break: null, last: prev, checked };
}

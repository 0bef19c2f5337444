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
};

export function linkHash(prevHash: string, entry: AuditFields): string {
  const body = canonicalJson({
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId,
  });
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

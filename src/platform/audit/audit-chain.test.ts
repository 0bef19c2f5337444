import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ChainEntry, GENESIS_HASH, findBreak, linkHash } from './audit-chain.ts';

function chain(n: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = {
      at: new Date(Date.UTC(2025, 0, i)),
      actorId: null,
      actorLabel: 'tester',
      action: 'thing.update',
      entityType: 'thing',
      entityId: String(i),
      before: { b: i, a: [1, 2] },
      after: { a: [1, 2], b: i + 1 },
      requestId: null,
    };
    const hash = linkHash(prev, fields);
    entries.push({ ...fields, seq: i, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

test('an untouched chain verifies', () => {
  assert.equal(findBreak(chain(5)).break, null);
});

test('the hash does not depend on key order (jsonb reorders keys)', () => {
  const [entry] = chain(1);
  assert.ok(entry);
  assert.equal(linkHash(GENESIS_HASH, { ...entry, after: { b: 2, a: [1, 2] } }), entry.hash);
});

test('an edited payload is reported at its own entry', () => {
  const entries = chain(5);
  (entries[2] as ChainEntry).after = { a: [1, 2], b: 999 };
  assert.deepEqual(findBreak(entries).break, { seq: 3, reason: 'hash-mismatch' });
});

test('a deleted entry breaks the link of the next one', () => {
  const entries = chain(5);
  entries.splice(1, 1);
  assert.deepEqual(findBreak(entries).break, { seq: 3, reason: 'prev-hash-mismatch' });
});

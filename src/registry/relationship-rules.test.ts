import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relationshipProblems } from './relationship-rules.ts';

const keys = (existing: Parameters<typeof relationshipProblems>[0], type: string, fromId: string, toId: string) =>
  relationshipProblems(existing, { type, fromId, toId }).map((i) => i.messageKey.split('.').pop());

test('an organization has one organization above it: a branch hosted by another university is hosted, not parented', () => {
  const branch = [{ type: 'branch', fromId: 'cityu', toId: 'cityu-satbayev' }];
  assert.deepEqual(keys(branch, 'parent', 'satbayev', 'cityu-satbayev'), ['twoAbove']);
  assert.deepEqual(keys(branch, 'host', 'satbayev', 'cityu-satbayev'), []);
});

test('no cycles, no reversed sentence, no duplicate, not related to itself', () => {
  const chain = [
    { type: 'parent', fromId: 'a', toId: 'b' },
    { type: 'branch', fromId: 'b', toId: 'c' },
    { type: 'successor', fromId: 'old', toId: 'new' },
  ];
  assert.deepEqual(keys(chain, 'parent', 'c', 'a'), ['cycle']);
  assert.deepEqual(keys(chain, 'branch', 'b', 'a'), ['cycle']);
  assert.deepEqual(keys(chain, 'parent', 'x', 'c'), ['twoAbove']);
  assert.deepEqual(keys(chain, 'successor', 'new', 'old'), ['reversed']);
  assert.deepEqual(keys(chain, 'parent', 'a', 'b'), ['duplicate']);
  assert.deepEqual(keys(chain, 'merger', 'a', 'a'), ['partnerIsSelf']);
  assert.deepEqual(keys(chain, 'successor', 'new', 'newer'), []);
});

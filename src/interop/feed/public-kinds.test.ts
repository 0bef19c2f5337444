import assert from 'node:assert/strict';
import { test } from 'node:test';
import { feedState } from './public-kinds.ts';

test('a version is created the first time it is public, updated after, a tombstone only for what was public', () => {
  assert.equal(feedState(true, false), 'created');
  assert.equal(feedState(true, true), 'updated');
  assert.equal(feedState(false, true), 'deleted');
  assert.equal(feedState(false, false), null);
});

test('a version held back for review is skipped, never a deletion', () => {
  assert.equal(feedState(false, true, true), null);
  assert.equal(feedState(false, false, true), null);
});

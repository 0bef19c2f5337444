import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prefixQuery } from './search.repository.ts';
import { codePrefixes } from './search.service.ts';

test('each query word becomes a prefix match, all words required', () => {
  assert.equal(prefixQuery(['almati', 'universitet']), '(almati:*) & (universitet:*)');
});

test('typo corrections are alternatives of their own word only', () => {
  assert.equal(prefixQuery(['univrsity', 'almati'], new Map([['univrsity', ['universiti', 'university']]])), '(univrsity:* | universiti | university) & (almati:*)');
});

test('programme codes and their prefixes are recognised in any case', () => {
  assert.deepEqual(codePrefixes('6b061 and 7M06101, not 9X1'), ['6B061', '7M06101']);
});

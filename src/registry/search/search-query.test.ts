import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prefixQuery } from './search.repository.ts';
import { badgesOf, codePrefixes, queryTerms } from './search.service.ts';

test('each query word becomes a prefix match, all words required', () => {
  assert.equal(prefixQuery(['almati', 'universitet']), '(almati:*) & (universitet:*)');
});

test('typo corrections are alternatives of their own word only', () => {
  assert.equal(prefixQuery(['univrsity', 'almati'], new Map([['univrsity', ['universiti', 'university']]])), '(univrsity:* | universiti | university) & (almati:*)');
});

test('programme codes and their prefixes are recognised in any case', () => {
  assert.deepEqual(codePrefixes('6b061 and 7M06101, not 9X1'), ['6B061', '7M06101']);
});

test('a hyphenated word matches its parts together or its one-word form', () => {
  assert.equal(prefixQuery([['nefte', 'gazovoe'], ['delo']]), '(((nefte:*) & (gazovoe:*)) | neftegazovoe:*) & (delo:*)');
});

test('query terms keep the parts of a hyphenated or dotted word together and drop repeats', () => {
  assert.deepEqual(queryTerms('аль-Фараби  Al-Farabi КазНУ казну'), [['al', 'farabi'], ['kaznu']]);
});

test('badges: accredited, EUR-ACE, excluded and under update (programmes), demonstration data', () => {
  const row = { entity_type: 'programme', status: 'excluded', accredited: true, eur_ace: true, is_synthetic: true };
  assert.deepEqual(badgesOf(row), ['accredited', 'eur-ace', 'excluded', 'synthetic']);
  assert.deepEqual(badgesOf({ ...row, entity_type: 'organization', status: 'update', accredited: false, eur_ace: false, is_synthetic: false }), []);
});

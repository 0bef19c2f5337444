import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, foldedWords } from './fold.ts';

test('Kazakh Cyrillic and Latin spellings of the country meet', () => {
  assert.equal(fold('Қазақстан'), fold('Qazaqstan'));
});

test('Jetisu and Zhetysu (Жетісу) fold to one key', () => {
  assert.equal(fold('Жетісу'), fold('Zhetysu'));
  assert.equal(fold('Jetisu'), fold('Zhetysu'));
});

test('Russian and English spellings of Kazakhstan meet', () => {
  assert.equal(fold('Казахстан'), fold('Kazakhstan'));
});

test('keeps programme codes and drops punctuation', () => {
  assert.equal(fold('6B06101 — «IT»'), '6b06101 it');
});

test('foldedWords deduplicates and drops one-letter words', () => {
  assert.deepEqual(foldedWords('а Алматы Almaty'), ['almati']);
});

test('hyphenated words are also indexed written as one word', async () => {
  const { joinedCompounds } = await import('./search-index.ts');
  assert.deepEqual(joinedCompounds('Мұнай-газ ісі, Нефте-газовое дело'), ['munaigaz', 'neftegazovoe']);
});

test('a document body folded part by part (and from the cache) is the body folded whole', async () => {
  const { foldedBody } = await import('./search-index.ts');
  const parts = ['Жетісу', '', '  ', 'z', 'h', 'Qazaq-stan', 'c', 'hello', 'ÉCOLE', '–', 'Мұнай-газ 2024', 'Жетісу', 'x', 'y'];
  for (let i = 0; i < 2; i++) assert.equal(foldedBody(parts), fold(parts.join(' ')));
  assert.equal(foldedBody([]), fold(''));
});

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

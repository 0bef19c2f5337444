import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEditable, checkNewVersion, languagesComplete, missingTexts } from './sar-rules.ts';

const texts = new Map([
  ['1', { kk: 'мәтін', ru: 'текст', en: 'text' }],
  ['2', { kk: 'мәтін', ru: '  ', en: '' }],
]);

test('lists every section and language without text, blank text counting as none', () => {
  assert.deepEqual(missingTexts(['1', '2', '3'], texts), [
    { section: '2', language: 'ru' },
    { section: '2', language: 'en' },
    { section: '3', language: 'kk' },
    { section: '3', language: 'ru' },
    { section: '3', language: 'en' },
  ]);
});

test('a report is complete in three languages only when every section has kk, ru and en text', () => {
  assert.equal(languagesComplete(['1'], texts), true);
  assert.equal(languagesComplete(['1', '2'], texts), false);
  assert.equal(languagesComplete([], texts), false);
});

test('a new version starts only in preparation or revision and only when no draft is open', () => {
  assert.equal(checkNewVersion('sar-in-preparation', []), null);
  assert.equal(checkNewVersion('sar-revision-requested', [{ version: 1, status: 'submitted' }]), null);
  assert.deepEqual(
    checkNewVersion('sar-revision-requested', [
      { version: 1, status: 'submitted' },
      { version: 2, status: 'draft' },
    ]),
    {
      key: 'errors.documents.sarDraftExists',
      params: { version: 2 },
    },
  );
  assert.equal(checkNewVersion('sar-review', [])?.key, 'errors.documents.sarCaseState');
});

test('only a draft version changes, and only while the case is in preparation or revision', () => {
  assert.equal(checkEditable('sar-in-preparation', { version: 1, status: 'draft' }), null);
  assert.equal(checkEditable('sar-in-preparation', { version: 1, status: 'submitted' })?.key, 'errors.documents.sarNotDraft');
  assert.equal(checkEditable('sar-submitted', { version: 1, status: 'draft' })?.key, 'errors.documents.sarCaseState');
});

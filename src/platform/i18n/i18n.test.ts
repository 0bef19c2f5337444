import assert from 'node:assert/strict';
import { test } from 'node:test';
// The catalogs as the app has them: platform's with every module's registered (src/locales.ts).
import '../../locales.ts';
import { catalogs, negotiateLang, translator } from './i18n.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Keys with plural forms counted once: each language has the forms its own plural rules need. */
const messageKeys = (value: unknown) => [...new Set(keys(value).map((k) => k.replace(PLURAL_SUFFIX, '')))].sort();

test('the kk, ru and en catalogs have exactly the same keys (plural forms aside)', () => {
  const en = messageKeys(catalogs.en);
  assert.deepEqual(messageKeys(catalogs.kk), en);
  assert.deepEqual(messageKeys(catalogs.ru), en);
});

test("a plural message has every form of its language's plural rules (ru: one, few, many, other)", () => {
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const all = new Set(keys(catalogs[lang]));
    const plural = [...new Set([...all].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')))];
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const key of plural) for (const form of forms) assert.ok(all.has(`${key}_${form}`), `${lang}: ${key}_${form}`);
  }
});

test('every message has the same placeholders in all three languages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const key of keys(catalogs.en)) {
    // A plural form is compared with the "other" form of each language (ru's few and many included by that form).
    const form = PLURAL_SUFFIX.test(key) ? key.replace(PLURAL_SUFFIX, '_other') : key;
    const get = (lang: 'kk' | 'ru' | 'en') => String(form.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogs[lang]));
    assert.deepEqual(placeholders(get('kk')), placeholders(get('en')), `kk ${key}`);
    assert.deepEqual(placeholders(get('ru')), placeholders(get('en')), `ru ${key}`);
  }
});

test('Accept-Language picks the best supported language by q-value', () => {
  assert.equal(negotiateLang('de-DE,ru;q=0.8,en;q=0.9'), 'en');
  assert.equal(negotiateLang('ru-KZ'), 'ru');
  assert.equal(negotiateLang('fr'), 'kk');
  assert.equal(negotiateLang(undefined), 'kk');
});

test('messages are interpolated per language', () => {
  assert.match(translator('ru')('errors.notFound', { entity: 'programme', id: 'x' }), /не найдена/);
  assert.match(translator('kk')('errors.notFound', { entity: 'programme', id: 'x' }), /табылмады/);
});

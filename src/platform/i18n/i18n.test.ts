import assert from 'node:assert/strict';
import { test } from 'node:test';
// The catalogs as the app has them: platform's with every module's registered (src/locales.ts).
import '../../locales.ts';
import { catalogs, negotiateLang, translator } from './i18n.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

test('the kk, ru and en catalogs have exactly the same keys', () => {
  const en = keys(catalogs.en).sort();
  assert.deepEqual(keys(catalogs.kk).sort(), en);
  assert.deepEqual(keys(catalogs.ru).sort(), en);
});

test('every message has the same placeholders in all three languages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const key of keys(catalogs.en)) {
    const get = (lang: 'kk' | 'ru' | 'en') => String(key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogs[lang]));
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

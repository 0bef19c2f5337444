import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const search = (query: string) => t.json('GET', `/api/search?${query}`);

describe('one search box', () => {
  test('finds a university by its Russian name, ranked first, with facet counts', async () => {
    const res = await search(`q=${encodeURIComponent('Сатпаев')}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.items[0].kind, 'organization');
    assert.match(JSON.stringify(res.body.items[0].titles), /Satbayev|Сатпаев/);
    assert.ok(res.body.facets.kind.some((f: { value: string; count: number }) => f.value === 'organization' && f.count >= 1));
  });

  test('Latin and Cyrillic spellings of the same name find the same university', async () => {
    const latin = await search('q=Satbayev');
    const cyrillic = await search(`q=${encodeURIComponent('Сатбаев')}`);
    assert.ok(latin.body.items.length > 0);
    assert.equal(latin.body.items[0].id, cyrillic.body.items[0].id);
  });

  test('a misspelt name still finds the university (typo tolerance)', async () => {
    const res = await search('q=Nazarbaev%20Univrsity');
    assert.ok(res.body.items.some((i: { titles: { en: string } }) => /Nazarbayev University/.test(i.titles.en)), JSON.stringify(res.body.items.slice(0, 3)));
  });

  test('titles come back in the language asked for, with a visible flag when a translation is missing', async () => {
    const kk = await search(`q=${encodeURIComponent('Сатпаев')}&lang=kk`);
    const item = kk.body.items[0];
    assert.equal(item.titleLang, 'kk');
    assert.equal(item.title, item.titles.kk);
    assert.equal(item.translationMissing, false);
  });

  test('the kind facet narrows the results', async () => {
    const res = await search('q=university&kind=organization&limit=5');
    assert.ok(res.body.items.every((i: { kind: string }) => i.kind === 'organization'));
    assert.ok(res.body.total >= res.body.items.length);
  });
});

describe('odd and hostile search strings never break the search', () => {
  const hostile = [
    "'; DROP TABLE organizations; --",
    '<script>alert(1)</script>',
    '%_\\',
    'a'.repeat(10_000),
    '😀🎓 университет',
    'Qazaq Ұлттық university',
    '!!! & | ( ) :* <->',
    '',
    ' ',
  ];
  for (const q of hostile) {
    test(`q=${JSON.stringify(q.slice(0, 30))} answers 200 with a list`, async () => {
      const res = await t.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.ok(Array.isArray(body.items));
      assert.equal(typeof body.total, 'number');
      assert.doesNotMatch(JSON.stringify(body), /<script>/);
    });
  }

  test('a NUL byte in the query is refused at the edge with a 400 naming q, never reaching the database', async () => {
    const res = await t.request('GET', `/api/search?q=${encodeURIComponent('\u0000')}`);
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(await res.json()), /\bq\b/);
  });

  test('the organizations table is still there after the injection attempt', async () => {
    const res = await t.json('GET', '/api/organizations?limit=1');
    assert.ok(res.body.total > 0);
  });

  test('a malformed facet parameter is a 422 problem, not a 500', async () => {
    const res = await search('q=x&nqfLevel=eleven');
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].path, 'query.nqfLevel');
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { LANGUAGES } from '../platform/i18n/i18n.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const html = async (path: string) => {
  const res = await t.request('GET', path);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
};

describe('home and search pages', () => {
  test('the root sends visitors to the Kazakh home page', async () => {
    const res = await t.request('GET', '/');
    assert.equal(res.status, 302);
    assert.equal(res.headers.get('location'), '/kk/');
  });

  for (const lang of LANGUAGES) {
    test(`/${lang}/ is a home page in ${lang} with one labelled search box and links to every language`, async () => {
      const page = await html(`/${lang}/`);
      assert.equal(page.status, 200);
      assert.match(page.type, /text\/html/);
      assert.match(page.body, new RegExp(`<html lang="${lang}"`));
      assert.match(page.body, /<label for="q">/);
      for (const other of LANGUAGES) assert.match(page.body, new RegExp(`href="/${other}/"`));
      assert.match(page.body, /application\/ld\+json/);
    });

    test(`/${lang}/search finds a university and shows facet counts`, async () => {
      const page = await html(`/${lang}/search?q=${encodeURIComponent('Сатпаев')}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /Satbayev|Сәтбаев|Сатпаев/);
      assert.match(page.body, /class="facets"/);
    });
  }

  test('a facet link narrows the results and keeps the query', async () => {
    const page = await html('/en/search?q=university&kind=organization');
    assert.equal(page.status, 200);
    assert.match(page.body, /aria-current="true"/);
    assert.match(page.body, /kind=organization/);
  });

  test('the language switch keeps the page and its query', async () => {
    const page = await html('/ru/search?q=abc');
    assert.match(page.body, /href="\/kk\/search\?q=abc"/);
    assert.match(page.body, /href="\/en\/search\?q=abc"/);
  });
});

describe('bad input on pages', () => {
  test('an unknown page is a localized 404 page', async () => {
    const page = await html('/ru/nowhere');
    assert.equal(page.status, 404);
    assert.match(page.body, /Страница не найдена/);
  });

  test('a malformed parameter is a localized 400 page naming it', async () => {
    const page = await html('/kk/search?nqfLevel=eleven');
    assert.equal(page.status, 400);
    assert.match(page.body, /nqfLevel/);
    assert.match(page.body, /<html lang="kk"/);
  });

  const hostile = ['<script>alert(1)</script>', "'; DROP TABLE programmes; --", 'a'.repeat(10_000), '😀 Qazaq Ұлттық', '%_\\', ''];
  for (const q of hostile) {
    test(`q=${JSON.stringify(q.slice(0, 25))} gives a page, never a 500 or unescaped markup`, async () => {
      const page = await html(`/en/search?q=${encodeURIComponent(q)}`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /<script>alert/);
    });
  }
});

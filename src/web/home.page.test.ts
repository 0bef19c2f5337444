// The home page (issue 11 item 4) and the API docs served by Sapa itself (item 8), over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';

let t: TestApp;

describe('the home page and the API docs', () => {
  before(async () => {
    t = await createTestApp();
  });
  after(() => t?.close());

  test("the home page's tab names the register, shows live figures with plurals and an entry point for each visitor", async () => {
    const titles = { kk: /Біліктіліктер, білім беру бағдарламалары/, ru: /Национальный реестр квалификаций/, en: /National register of qualifications/ };
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const html = await (await t.request('GET', `/${lang}/`)).text();
      const title = html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
      assert.match(title, titles[lang]);
      assert.doesNotMatch(title, /National qualifications framework|Ұлттық біліктілік шеңбері|Национальная рамка квалификаций/);
      for (const figure of ['organizations', 'programmes', 'credentials']) assert.match(html, new RegExp(`data-figure="${figure}"`));
      for (const path of ['/search?kind=programme', '/verify', '/accreditation', '/workspace']) assert.ok(html.includes(`href="/${lang}${path}"`), `${lang} ${path}`);
      assert.match(html, /<form class="home-search" role="search"/);
    }
    const en = await (await t.request('GET', '/en/')).text();
    // The reference data has universities and no credentials: "0 digital credentials issued", not "0 digital credential(s)".
    assert.match(en, /data-figure="credentials">0 digital credentials issued</);
    assert.match(en, /data-figure="organizations">\d[\d,]* education organizations</);
  });

  test('/api/docs loads Swagger UI from Sapa itself: every script and stylesheet is same-origin and served', async () => {
    const html = await (await t.request('GET', '/api/docs')).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(assets.some((a) => a.endsWith('.js')), 'loads a script');
    for (const asset of assets) {
      assert.match(asset, /^\/(?!\/)/, `${asset} is a same-origin path`);
      const res = await t.request('GET', asset);
      assert.equal(res.status, 200, asset);
      assert.ok((await res.text()).length > 0, asset);
    }
    assert.doesNotMatch(html, /cdn|unpkg|jsdelivr/i);
  });
});

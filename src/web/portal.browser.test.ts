import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, startBrowserStack } from '../../test/helpers/browser.ts';
import { LANGUAGES } from '../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;

describe('the portal in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
  });
  after(() => stack?.close());

  test('search → facet → result page → language switch keeps the page', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${stack.base}/kk/`);
    await page.fill('#q', 'университет');
    await page.click('form.search button');
    await page.waitForURL(/\/kk\/search\?q=/);
    assert.match((await page.textContent('h1')) ?? '', /университет/);
    await page.click('aside.facets a:has-text("Ұйым")');
    await page.waitForURL(/kind=organization/);
    const first = page.locator('ol.results li a').first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/kk\/organizations\//);
    await page.click('nav.langs a[hreflang="ru"]');
    await page.waitForURL(/\/ru\/organizations\//);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.ok(title);
    await page.close();
  });

  for (const lang of LANGUAGES) {
    for (const path of ['/', '/search?q=%D0%A1%D0%B0%D1%82%D0%BF%D0%B0%D0%B5%D0%B2', '/search?kind=programme', '/no-such-page']) {
      test(`${lang}${path} has no axe (WCAG 2.1 AA) violations`, async () => {
        const context = await stack.browser.newContext();
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}${path}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }
  }
});


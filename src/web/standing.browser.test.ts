// In a real browser, on the demonstration data: from a programme code to the accreditation
// decision, and an excluded programme marked and hidden; axe-clean in kk, ru and en, 360 px and desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, startBrowserStack } from '../../test/helpers/browser.ts';
import { LANGUAGES } from '../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];

describe('the register’s standing in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack({ template: 'demo' });
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    for (const viewport of VIEWPORTS) {
      test(`${lang} at ${viewport.width} px: code → accredited hit with its university → body, term, valid until → decision`, async () => {
        const context = await stack.browser.newContext({ viewport });
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}/`);
        await page.fill('#q', '6B07291');
        await page.click('form.search button');
        await page.waitForURL(new RegExp(`/${lang}/search\\?q=6B07291`));
        assert.equal(await page.inputValue('#find-q'), '6B07291', 'the query stays in the box');
        const hit = page.locator('ol.results li').first();
        assert.equal(await hit.locator('.badge-accredited').count(), 1);
        assert.equal(await hit.locator('.badge-eur-ace').count(), 1);
        assert.match((await hit.locator('.meta').textContent()) ?? '', /Satbayev|Сәтбаев|Сатпаев/);
        assert.deepEqual(await axeViolations(page), []);
        await hit.locator('a').first().click();
        await page.waitForURL(new RegExp(`/${lang}/programmes/`));
        const accreditation = page.locator('section[aria-labelledby="accreditation"]');
        assert.match((await accreditation.textContent()) ?? '', /KAZSEE|Инженерлік|инженерного|Engineering/i);
        assert.equal(await accreditation.locator('time').count(), 1, 'valid until');
        assert.ok((await accreditation.locator('dd').count()) >= 4);
        assert.equal(await page.locator('nav.crumbs').count(), 1);
        assert.deepEqual(await axeViolations(page), []);
        await accreditation.locator(`a[href*="/${lang}/accreditation/decisions/"]`).first().click();
        await page.waitForURL(new RegExp(`/${lang}/accreditation/decisions/`));
        assert.match((await page.textContent('main')) ?? '', /6B07291/);
        await context.close();
      });
    }

    test(`${lang}: an excluded programme is hidden by default, shown in one click, and marked on its page`, async () => {
      const context = await stack.browser.newContext({ viewport: VIEWPORTS[0] });
      const page = await context.newPage();
      await page.goto(`${stack.base}/${lang}/search?q=6B06101`);
      assert.equal(await page.locator('ol.results .badge-excluded').count(), 0);
      await page.click('a[href*="includeExcluded=true"]');
      await page.waitForURL(/includeExcluded=true/);
      const excluded = page.locator('ol.results li:has(.badge-excluded)').first();
      await excluded.locator('a').first().click();
      await page.waitForURL(new RegExp(`/${lang}/programmes/`));
      const banner = page.locator('p.standing');
      assert.equal(await banner.count(), 1);
      assert.match((await banner.textContent()) ?? '', /\d{4}|\d{2}\.\d{2}/);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });

    test(`${lang}: the programme list with its classifier tree is axe-clean`, async () => {
      const context = await stack.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${stack.base}/${lang}/programmes?accreditation=accredited`);
      assert.equal(await page.locator('ul.chips a.chip').count(), 1);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});

// The indicator dashboards in a real browser: kk, ru and en at 360 px and desktop, axe-clean, the
// chart’s data as a table, and the filter form a plain GET form (the page ships no script).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, startBrowserStack } from '../../../test/helpers/browser.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
];

describe('indicator dashboards in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    for (const viewport of VIEWPORTS) {
      test(`${lang} at ${viewport.width} px: list → indicator → chart and table → filter by a plain GET form`, async () => {
        const context = await stack.browser.newContext({ viewport });
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}/indicators`);
        assert.deepEqual(await axeViolations(page), []);
        await page.click(`a[href="/${lang}/indicators/universities-by-legal-form"]`);
        await page.waitForURL(new RegExp(`/${lang}/indicators/universities-by-legal-form`));
        const chart = page.locator('figure.indicator-chart img');
        assert.equal(await chart.count(), 1);
        assert.ok(((await chart.getAttribute('alt')) ?? '').length > 10, 'the chart says what it shows');
        assert.ok(await chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the SVG chart loads');
        const rows = page.locator('table.indicator-data tbody tr');
        assert.ok((await rows.count()) >= 7, 'one row per legal form');
        assert.match((await page.textContent('table.indicator-data')) ?? '', /L2907-2909/);
        assert.deepEqual(await axeViolations(page), []);
        await page.selectOption('#f-by', 'region');
        await page.click('form.filters button[type="submit"]');
        await page.waitForURL(/by=region/);
        assert.ok((await page.locator('table.indicator-data tbody tr').count()) >= 1);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }
  }
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { browserSkip, startBrowserStack } from '../../test/helpers/browser.ts';
import { LANGUAGES } from '../platform/i18n/i18n.ts';
import { createRecords, type Records, recordPagePaths } from './record-pages.fixtures.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let records: Records;

describe('record pages in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    records = await createRecords(stack.t);
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    test(`every record page type in ${lang} has no axe (WCAG 2.1 AA) violations and works without JavaScript`, async () => {
      const context = await stack.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      for (const path of recordPagePaths(records)) {
        const res = await page.goto(`${stack.base}/${lang}${path}`);
        assert.equal(res?.status(), 200, path);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.ok(((await page.textContent('h1')) ?? '').trim().length > 0, `${path}: a heading`);
        // An organization's programmes by field, a body's decisions per year: the SVG shows at 360 px, its table beside it.
        for (const chart of await page.locator('figure.indicator-chart img').all()) {
          assert.ok(await chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width <= 360), `${path}: the chart fits`);
        }
      }
      for (const [path, id] of [
        [`/organizations/${records.orgId}`, 'programmes-by-field'],
        [`/organizations/${records.bodyId}`, 'decisions-per-year'],
      ]) {
        await page.goto(`${stack.base}/${lang}${path}`);
        assert.equal(await page.locator(`section[aria-labelledby="${id}"] figure.indicator-chart img`).count(), 1, `${path}: a chart`);
        assert.ok((await page.locator(`section[aria-labelledby="${id}"] table.indicator-data tbody tr`).count()) >= 1, `${path}: its data as a table`);
      }
      await context.close();
      // axe itself runs as a script, so it gets a context with JavaScript.
      const checked = await stack.browser.newContext();
      const axePage = await checked.newPage();
      for (const path of recordPagePaths(records)) {
        await axePage.goto(`${stack.base}/${lang}${path}`);
        const result = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(violations, [], `${lang}${path}`);
      }
      await checked.close();
    });
  }

  test('organization, programme and qualification pages offer "download as" ELM and CTDL in the page\'s words, and each link answers with JSON-LD', async () => {
    const context = await stack.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const expected: Record<string, string[]> = {
      [`/organizations/${records.orgId}`]: [`/api/organizations/${records.orgId}/ctdl`],
      [`/programmes/${records.programmeId}`]: ['elm', 'ctdl'].map((f) => `/api/programmes/${records.programmeId}/${f}`),
      [`/qualifications/${records.qualificationId}`]: ['elm', 'ctdl'].map((f) => `/api/qualifications/${records.qualificationId}/${f}`),
    };
    const heading = { kk: 'Жүктеп алу пішімдері', ru: 'Скачать как …', en: 'Download as …' };
    for (const lang of LANGUAGES) {
      for (const [path, hrefs] of Object.entries(expected)) {
        await page.goto(`${stack.base}/${lang}${path}`);
        const nav = page.getByRole('navigation', { name: heading[lang] });
        assert.deepEqual(await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), hrefs, `${lang}${path}`);
      }
    }
    for (const hrefs of Object.values(expected)) {
      for (const href of hrefs) {
        const res = await page.request.get(`${stack.base}${href}`);
        assert.equal(res.status(), 200, href);
        assert.ok('@context' in (await res.json()), href);
      }
    }
    await context.close();
  });
});

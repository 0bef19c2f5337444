// The workspace reports in Chromium: from the workspace home to the report form and the national
// report, kk/ru/en at 360 px and desktop, axe-clean, no script; the PDF downloads; an agency's
// staff are offered their own body's report.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addUser, orgIdByKey } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let kazsee: string;

describe('the workspace reports in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    kazsee = await orgIdByKey(stack.t.db, 'kazsee');
    await inTransaction(stack.t.system, async (ctx) => {
      await addUser(ctx, { email: 'ministry@edu.test', role: 'ministry' });
      await addUser(ctx, { email: 'head@kazsee.test', role: 'agency-head', organizationId: kazsee });
    });
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    for (const width of [360, 1280]) {
      test(`${lang} at ${width} px: workspace home → reports → the national report, axe-clean`, async () => {
        const context = await signedInContext(stack, 'ministry@edu.test', TEST_PASSWORD, { lang, width });
        await context.route('**/*.js', (route) => route.abort());
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}/workspace`);
        await page.click(`a[href="/${lang}/workspace/reports"]`);
        await page.waitForURL(new RegExp(`/${lang}/workspace/reports$`));
        assert.deepEqual(await axeViolations(page), []);
        assert.ok(await page.locator('#r-report option[value="national"]').count());
        await page.selectOption('#r-year', '2024');
        assert.equal(await page.locator('#r-lang').inputValue(), lang, 'the page’s language is the report’s by default');
        await page.click('button[name="format"][value="html"]');
        await page.waitForURL(/format=html/);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        const figures = page.locator('section.figure');
        assert.ok((await figures.count()) >= 5);
        const first = figures.first();
        const indicator = (await first.getAttribute('data-indicator')) ?? '';
        assert.ok(indicator.length > 0);
        assert.equal(await first.locator(`figcaption a[href^="/${lang}/indicators/${indicator}?"]`).count(), 1, 'the figure names and links its indicator');
        assert.ok(await first.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the chart shows');
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }
  }

  test('the PDF downloads from the form', async () => {
    const context = await signedInContext(stack, 'ministry@edu.test', TEST_PASSWORD, { lang: 'kk' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/kk/workspace/reports`);
    await page.selectOption('#r-year', '2024');
    await page.selectOption('#r-lang', 'ru');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[name="format"][value="pdf"]')]);
    assert.equal(download.suggestedFilename(), 'national-report-2024-ru.pdf');
    await context.close();
  });

  test('an agency’s head is offered only the body’s own yearly report, and gets it', async () => {
    const context = await signedInContext(stack, 'head@kazsee.test', TEST_PASSWORD, { lang: 'en', width: 360 });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/reports`);
    assert.deepEqual(await page.locator('#r-report option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)), [kazsee]);
    assert.deepEqual(await axeViolations(page), []);
    await page.selectOption('#r-year', '2022');
    await page.click('button[name="format"][value="html"]');
    await page.waitForURL(/format=html/);
    assert.equal(await page.locator('section.figure[data-indicator="agency-activity"]').count() > 0, true);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});

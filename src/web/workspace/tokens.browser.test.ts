// The API tokens page in Chromium: axe-clean in kk, ru and en; an org-admin issues a token and
// revokes a colleague's, the page needs no JavaScript.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { issueApiToken } from '../../platform/auth/auth.service.ts';
import { inTransaction } from '../../platform/context.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;

describe('the API tokens page in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      const orgId = await addOrganization(ctx, { kk: 'Гамма колледжі', ru: 'Колледж Гамма', en: 'Gamma College' });
      await addUser(ctx, { email: 'admin@gamma.test', displayName: 'Gamma Admin', role: 'org-admin', organizationId: orgId });
      const editor = await addUser(ctx, { email: 'editor@gamma.test', displayName: 'Gamma Editor', role: 'org-editor', organizationId: orgId });
      await issueApiToken(ctx, editor, 'sync-script');
    });
  });
  after(() => stack?.close());

  for (const lang of ['kk', 'ru', 'en']) {
    test(`${lang}: axe-clean at 360 px and desktop, with a token just issued and the organization's tokens`, async () => {
      for (const width of [360, 1280]) {
        const context = await signedInContext(stack, 'admin@gamma.test', TEST_PASSWORD, { lang, width });
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}/workspace/tokens`);
        assert.deepEqual(await axeViolations(page), [], `${lang} at ${width}px`);
        await page.fill('input[name="name"]', 'export');
        await page.click('form:has(input[name="name"]) button[type="submit"]');
        await page.waitForLoadState();
        assert.deepEqual(await axeViolations(page), [], `${lang} at ${width}px, after issuing`);
        // Nothing on the page is wider than the screen (the person would scroll sideways to read it).
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${lang} at ${width}px scrolls sideways by ${overflow}px`);
        await context.close();
      }
    });
  }

  test('axe-clean in every language; issue a token (shown once) and revoke a colleague’s', async () => {
    for (const lang of ['kk', 'ru', 'en']) {
      const context = await signedInContext(stack, 'admin@gamma.test', TEST_PASSWORD, { lang });
      const page = await context.newPage();
      await page.goto(`${stack.base}/${lang}/workspace/tokens`);
      assert.deepEqual(await axeViolations(page), [], lang);
      await context.close();
    }
    const context = await signedInContext(stack, 'admin@gamma.test', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/tokens`);
    await page.fill('input[name="name"]', 'open data export');
    await page.click('form:has(input[name="name"]) button[type="submit"]');
    await page.waitForLoadState();
    assert.match((await page.textContent('[role="status"] code')) ?? '', /^sapa_/);
    assert.deepEqual(await axeViolations(page), []);
    await page.click('button[aria-label="Revoke the token sync-script of Gamma Editor"]');
    await page.waitForLoadState();
    assert.equal(await page.locator('button[aria-label="Revoke the token sync-script of Gamma Editor"]').count(), 0);
    await context.close();
  });
});

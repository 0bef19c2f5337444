// In Chromium (issue 11 items 4–5): verify a tampered credential and see a red banner naming what was
// changed, beside the holder and achievement; the home page and the verification page in kk, ru and
// en, at 360 px and on a desktop, with no axe (WCAG 2.1 AA) violations and no sideways scrolling.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, startBrowserStack } from '../../../test/helpers/browser.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { HOLDER, issuedSample } from './verdict.fixtures.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let credentialJson: string;
let credentialId: string;

const CHANGED = { kk: /иесі/i, ru: /владелец/i, en: /holder/i } as const;
const WIDTHS = [360, 1280];

describe('the verdict in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    const issued = await issuedSample(stack.t);
    credentialId = issued.id;
    credentialJson = JSON.stringify(issued.credential, null, 2);
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    for (const width of WIDTHS) {
      test(`${lang}, ${width} px: a tampered credential gets a red banner naming the changed holder; home and verify pages are axe-clean`, async () => {
        const context = await stack.browser.newContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        for (const path of ['/', '/verify']) {
          const response = await page.goto(`${stack.base}/${lang}${path}`);
          assert.equal(response?.status(), 200, path);
          assert.deepEqual(await axeViolations(page), [], path);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px`);
        }
        // From the header of the home page to the verification page, as a visitor would.
        await page.goto(`${stack.base}/${lang}/`);
        await page.click('nav.checks-nav a[href$="/verify"]');
        await page.waitForURL(new RegExp(`/${lang}/verify$`));
        await page.fill('textarea[name="credential"]', credentialJson.replace(HOLDER, 'Someone Else'));
        await page.click('form[method="post"] button[type="submit"]');
        await page.waitForSelector('section.verdict');
        assert.equal(await page.getAttribute('section.verdict', 'data-verdict'), 'invalid');
        const banner = (await page.textContent('section.verdict')) ?? '';
        assert.match(banner, CHANGED[lang]);
        assert.doesNotMatch(banner, /invalid_signature/);
        const colour = await page.$eval('section.verdict', (el) => getComputedStyle(el).borderTopColor);
        assert.equal(colour, 'rgb(164, 22, 26)', 'the banner is red');
        assert.equal(await page.locator('dd.changed[data-field="holder"]').count(), 1);
        assert.match((await page.textContent('dd.changed[data-field="holder"]')) ?? '', new RegExp(`Someone Else[\\s\\S]*${HOLDER}`));
        assert.deepEqual(await axeViolations(page), [], 'the verdict');
        await context.close();
      });
    }
  }

  test('a genuine credential verified by its id gets a green banner on its page', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/verify`);
    await page.fill('#f-lookup', `urn:uuid:${credentialId}`);
    await page.press('#f-lookup', 'Enter');
    await page.waitForURL(new RegExp(`/en/credentials/${credentialId}$`));
    assert.equal(await page.getAttribute('section.verdict', 'data-verdict'), 'valid');
    assert.equal(await page.$eval('section.verdict', (el) => getComputedStyle(el).borderTopColor), 'rgb(29, 107, 47)');
    await context.close();
  });
});

// The agency's forms on a case page in a real browser: a seminar recorded with the experts who ran
// it, refused first without its date; a publication channel marked published; the body head's term
// form. Real Chromium, axe, kk/ru/en, 360 px and desktop, nothing wider than the screen.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { upsertDeadline } from '../../accreditation/decision.repository.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { accreditationFixture, type Fixture, PASSWORD } from './workspace-fixtures.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let f: Fixture;

async function clean(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], what);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
}

describe('the agency’s case forms in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    f = await accreditationFixture(stack.t);
    for (const step of ['publication-ueis', 'publication-ministry', 'publication-website']) await upsertDeadline(stack.t.db, f.cases.decided, step, '2025-06-01', '2025-07-15');
  });
  after(() => stack?.close());

  test('records a seminar (refused without its date first) and marks a channel published', async () => {
    const context = await signedInContext(stack, 'staff@kazsee.test', PASSWORD, { lang: 'en', width: 360 });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/accreditation/cases/${f.cases.sar}`);
    await page.check('input[name="expertIds"] >> nth=0');
    await page.fill('#f-seminar-note', 'Programme committee and the quality office');
    // The browser's own check stops an empty required date; the server's answer is what a browser without it gets.
    await page.$eval('form[action$="/seminars"]', (form) => form.setAttribute('novalidate', ''));
    await page.click('form[action$="/seminars"] button[type="submit"]');
    assert.match((await page.textContent('#f-seminar-heldOn-error')) ?? '', /Required/);
    assert.ok(await page.isChecked('input[name="expertIds"] >> nth=0'), 'the chosen expert is kept');
    await clean(page, 'a refused seminar at 360px');
    await page.fill('#f-seminar-heldOn', '2026-11-20');
    await page.click('form[action$="/seminars"] button[type="submit"]');
    await page.waitForURL(/\?done=seminar$/);
    assert.match((await page.textContent('[role="status"]')) ?? '', /The seminar was recorded/);
    assert.match((await page.textContent('section[aria-labelledby="seminars"]')) ?? '', /Programme committee and the quality office/);
    await clean(page, 'a recorded seminar at 360px');

    await page.goto(`${stack.base}/en/workspace/accreditation/cases/${f.cases.decided}`);
    await page.selectOption('#f-publication-channel', 'website');
    await page.click('form[action$="/publications"] button[type="submit"]');
    await page.waitForURL(/\?done=publication$/);
    assert.match((await page.textContent('section[aria-labelledby="publications"]')) ?? '', /The agency's website.*Published on/s);
    await clean(page, 'a channel marked at 360px');
    await context.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the seminar, publication and term forms have no axe violations, at 360 px and desktop`, async () => {
      for (const width of [360, 1280]) {
        for (const [email, id] of [
          ['staff@kazsee.test', f.cases.sar],
          ['head@kazsee.test', f.cases.decided],
        ] as const) {
          const context = await signedInContext(stack, email, PASSWORD, { lang, width });
          const page = await context.newPage();
          await page.goto(`${stack.base}/${lang}/workspace/accreditation/cases/${id}`);
          await clean(page, `${email} on ${id} at ${width}px`);
          await context.close();
        }
      }
    });
  }
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { takeAction } from '../../accreditation/case.service.ts';
import { startSarVersion } from '../../accreditation/sar.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { accreditationFixture, type Fixture, PASSWORD } from './workspace-fixtures.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let f: Fixture;

function signedIn(email: string, lang = 'en', width?: number): Promise<BrowserContext> {
  return signedInContext(stack, email, PASSWORD, { lang, width });
}

describe('the council vote in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    f = await accreditationFixture(stack.t);
    // A draft self-assessment report, so its section and upload forms are on the page too.
    await inTransaction(stack.t.system, (ctx) => startSarVersion(ctx, f.cases.sar));
  });
  after(() => stack?.close());

  test('a member opens the meeting from the workspace, votes, and sees the vote recorded; a conflicted member sees only the recusal notice', async () => {
    const member = await signedIn('member@council.test', 'en', 360);
    const page = await member.newPage();
    await page.goto(`${stack.base}/en/workspace`);
    await page.click('a[href="/en/workspace/accreditation"]');
    assert.match((await page.textContent('#council ~ ul, section[aria-labelledby="council"]')) ?? '', /Your vote is pending/);
    await page.click(`a[href="/en/workspace/accreditation/council/${f.meetingId}"]`);
    await page.waitForURL(new RegExp(`/council/${f.meetingId}$`));
    assert.deepEqual(await axeViolations(page), []);
    // Nothing wider than a 360 px phone screen.
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
    assert.match((await page.textContent('main')) ?? '', /Your vote is pending/);
    assert.equal(await page.locator('.tally').count(), 0, 'no running tally before the vote');
    // Every choice's radio is drawn at the same size: "Abstain" is not stretched.
    const widths = await page.locator('input[name="choice"]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    assert.equal(new Set(widths).size, 1, `radio widths ${widths}`);
    assert.ok((widths[0] ?? 99) < 30);
    await page.check('input[name="choice"][value="for"]');
    await page.click('form:has(input[name="choice"]) button[type="submit"]');
    // A vote cannot be changed: the page says what will be recorded before it is.
    await page.waitForURL(/confirm-vote/);
    assert.match((await page.textContent('main')) ?? '', /Your vote “For” on case .* will be recorded/);
    assert.deepEqual(await axeViolations(page), []);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
    await page.click('main form[method="post"] button[type="submit"]');
    await page.waitForURL(/voted=/);
    assert.match((await page.textContent('[role="status"]')) ?? '', /Your vote “For” on case .* is recorded/);
    assert.match((await page.textContent('main')) ?? '', /Your vote: For/);
    assert.equal(await page.locator('.tally').count(), 0, 'the tally stays hidden while the vote is open');
    assert.match((await page.textContent('main')) ?? '', /shown when the vote closes/);
    assert.equal(await page.locator('input[name="choice"]').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    // The body records the council's decision: the vote is closed and the member sees the tally.
    await inTransaction(stack.t.system, (ctx) => takeAction(ctx, f.cases.council, 'decide', { outcome: 'accredited', termYears: 5 }));
    await page.goto(`${stack.base}/en/workspace/accreditation/council/${f.meetingId}`);
    assert.match((await page.textContent('.tally')) ?? '', /For 1, against 0/);
    assert.doesNotMatch((await page.textContent('main')) ?? '', /Your vote is pending/);
    assert.deepEqual(await axeViolations(page), []);
    await member.close();

    const conflicted = await signedIn('conflicted@council.test');
    const other = await conflicted.newPage();
    await other.goto(`${stack.base}/en/workspace/accreditation/council/${f.meetingId}`);
    assert.match((await other.textContent('[role="note"]')) ?? '', /conflict of interest/);
    assert.equal(await other.locator('input[name="choice"]').count(), 0);
    assert.equal(await other.locator('.tally').count(), 0);
    assert.deepEqual(await axeViolations(other), []);
    await conflicted.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the case lists, the case page and the meeting have no axe violations`, async () => {
      const staff = await signedIn('head@kazsee.test', lang);
      const page = await staff.newPage();
      for (const path of [
        '/workspace/accreditation',
        `/workspace/accreditation/cases/${f.cases.council}`,
        `/workspace/accreditation/cases/${f.cases.other}`,
        `/workspace/accreditation/cases/${f.cases.sar}`,
        `/workspace/accreditation/cases/${f.cases.decided}`,
        `/workspace/accreditation/council/${f.meetingId}`,
      ]) {
        const res = await page.goto(`${stack.base}/${lang}${path}`);
        assert.equal(res?.status(), 200, path);
        assert.deepEqual(await axeViolations(page), [], path);
      }
      await staff.close();
      const org = await signedIn('admin@satbayev.test', lang);
      const orgPage = await org.newPage();
      for (const path of ['/workspace/accreditation', `/workspace/accreditation/cases/${f.cases.council}`, `/workspace/accreditation/cases/${f.cases.sar}`]) {
        await orgPage.goto(`${stack.base}/${lang}${path}`);
        assert.deepEqual(await axeViolations(orgPage), [], path);
      }
      await org.close();
      for (const [email, path] of [
        ['admin@kaznpu.test', `/workspace/accreditation/cases/${f.cases.panel}`],
        ['chair@experts.test', `/workspace/accreditation/cases/${f.cases.council}`],
        ['ministry@edu.test', '/workspace/accreditation'],
        ['conflicted@council.test', `/workspace/accreditation/council/${f.meetingId}`],
      ] as const) {
        const context = await signedIn(email, lang);
        const other = await context.newPage();
        await other.goto(`${stack.base}/${lang}${path}`);
        assert.deepEqual(await axeViolations(other), [], `${email} ${path}`);
        await context.close();
      }
    });
  }
});

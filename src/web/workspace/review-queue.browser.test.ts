import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addOrganization, addUser, insertProgramme } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let gamma = '';
let oldest = '';

describe('the ministry review queue at volume in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      const alpha = await addOrganization(ctx, { kk: 'Альфа университеті', ru: 'Университет Альфа', en: 'Alpha University' });
      gamma = await addOrganization(ctx, { kk: 'Гамма университеті', ru: 'Университет Гамма', en: 'Gamma University' });
      await addUser(ctx, { email: 'queue@edu.test', displayName: 'Queue Reviewer', role: 'ministry' });
      // 500 programmes waiting, submitted on different days; one of Gamma's the longest ago.
      for (let i = 0; i < 500; i++) {
        const org = i % 5 === 0 ? gamma : alpha;
        const id = await insertProgramme(ctx.db, org, { code: `6B06${String(i).padStart(3, '0')}`, name: { kk: `Бағдарлама ${i}`, ru: `Программа ${i}`, en: `Queued ${i}` } });
        const submittedAt = new Date(Date.UTC(2026, 5, 1) + (i === 250 ? -30 : i) * 3_600_000);
        await ctx.db.updateTable('programmes').set({ status: i % 2 ? 'submitted' : 'expert-review', submitted_at: submittedAt, first_included_at: null }).where('id', '=', id).execute();
        if (i === 250) oldest = id;
      }
    });
  });
  after(() => stack?.close());

  test('pages 500 items, sorts by submitted date, filters by organization and includes one after confirming', async () => {
    for (const width of [360, 1280]) {
      const context = await signedInContext(stack, 'queue@edu.test', TEST_PASSWORD, { lang: 'en', width });
      const page = await context.newPage();
      await page.goto(`${stack.base}/en/workspace/review`);
      assert.match((await page.textContent('.list-summary')) ?? '', /Showing 1–50 of 500/);
      assert.equal(await page.locator('tbody tr').count(), 50);
      assert.deepEqual(await axeViolations(page), []);
      if (width === 360) assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
      // Oldest first by default; the heading sorts newest first.
      assert.equal(await page.locator('tbody tr').first().getAttribute('id'), `p-${oldest}`);
      await page.click('th[aria-sort] a');
      await page.waitForURL(/dir=desc/);
      assert.notEqual(await page.locator('tbody tr').first().getAttribute('id'), `p-${oldest}`);
      await context.close();
    }

    const context = await signedInContext(stack, 'queue@edu.test', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/review`);
    await page.selectOption('#filter-organization', gamma);
    await page.click('form.list-filters button[type="submit"]');
    await page.waitForURL(/organization=/);
    assert.match((await page.textContent('.list-summary')) ?? '', /of 100/);
    for (const cell of await page.locator('tbody tr td:nth-child(3)').allTextContents()) assert.equal(cell, 'Gamma University');
    assert.deepEqual(await axeViolations(page), []);
    // The oldest is under review: its next step is to include it, after a confirmation.
    await page.click(`#p-${oldest} a[href$="/confirm/include"]`);
    assert.match((await page.textContent('main')) ?? '', /will be included in the national register/);
    assert.deepEqual(await axeViolations(page), []);
    await page.click('main form button[type="submit"]');
    await page.waitForURL(/done=include/);
    assert.match((await page.textContent('[role="status"].standing')) ?? '', /is included in the register and published/);
    assert.deepEqual(await axeViolations(page), []);
    const res = await stack.t.json('GET', `/api/programmes/${oldest}`);
    assert.equal(res.body.status, 'included');
    await context.close();
  });

  test('the queue exports what it shows as CSV', async () => {
    const context = await signedInContext(stack, 'queue@edu.test', TEST_PASSWORD, { lang: 'en' });
    const res = await context.request.get(`${stack.base}/en/workspace/review?organization=${gamma}&format=csv`);
    assert.equal(res.status(), 200);
    const lines = (await res.text()).trim().split('\n');
    assert.match(lines[0] ?? '', /Submitted/);
    assert.ok(lines.length >= 100 && lines.length <= 101, `${lines.length} lines`);
    await context.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the queue and its confirmation page have no axe violations`, async () => {
      const context = await signedInContext(stack, 'queue@edu.test', TEST_PASSWORD, { lang });
      const page = await context.newPage();
      await page.goto(`${stack.base}/${lang}/workspace/review?status=submitted`);
      assert.deepEqual(await axeViolations(page), []);
      await page.click('tbody tr:first-child a[href*="/confirm/"]');
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD as PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notifications.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;

function signedIn(email: string, lang = 'en'): Promise<BrowserContext> {
  return signedInContext(stack, email, PASSWORD, { lang });
}

describe('the workspace in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      const orgId = await addOrganization(ctx, { kk: 'Бета университеті', ru: 'Университет Бета', en: 'Beta University' });
      const editorId = await addUser(ctx, { email: 'editor@beta.test', displayName: 'Beta Editor', role: 'org-editor', organizationId: orgId });
      const reminder = { caseNumber: 'KAZSEE-2026-0001', stepKey: 'ui.case.deadlines.sar', dueOn: '2026-03-02' };
      await notify(ctx, { kind: 'deadline-due', recipients: { userIds: [editorId] }, params: reminder, link: '/workspace', dedupeKey: 'browser-test' });
      await addUser(ctx, { email: 'reviewer@edu.test', displayName: 'Ministry Reviewer', role: 'ministry' });
    });
  });
  after(() => stack?.close());

  test('sign in → file and submit a programme → ministry reviews and includes it → it is public', async () => {
    const editor = await signedIn('editor@beta.test');
    const page = await editor.newPage();
    await page.goto(`${stack.base}/en/workspace/programmes/new`);
    await page.fill('input[name="code"]', '6B06101');
    await page.fill('input[name="name.kk"]', 'Бағдарламалық инженерия');
    await page.fill('input[name="name.ru"]', 'Программная инженерия');
    await page.fill('input[name="name.en"]', 'Software engineering');
    await page.selectOption('select[name="fieldCode"]', '06');
    await page.selectOption('select[name="directionCode"]', '061');
    await page.selectOption('select[name="nqfLevel"]', '6');
    await page.selectOption('select[name="degree"]', 'bachelor');
    await page.fill('input[name="creditsEcts"]', '240');
    await page.check('input[name="languages"][value="kk"]');
    await page.fill('[name="outcomes.0.code"]', 'LO1');
    await page.fill('[name="outcomes.0.text.kk"]', 'Бағдарлама жазады');
    await page.fill('[name="outcomes.0.text.ru"]', 'Пишет программы');
    await page.fill('[name="outcomes.0.text.en"]', 'Writes programs');
    await page.click('form.ws button[type="submit"]');
    await page.waitForURL(/\/en\/workspace\/programmes\/[0-9a-f-]{36}\?done=created$/);
    const id = new URL(page.url()).pathname.split('/').pop() as string;
    await page.click('form:has(input[name="action"][value="submit"]) button');
    await page.waitForLoadState();
    await editor.close();

    const ministry = await signedIn('reviewer@edu.test');
    const review = await ministry.newPage();
    await review.goto(`${stack.base}/en/workspace/review`);
    assert.deepEqual(await axeViolations(review), []);
    await review.click(`a[href$="/confirm/start-review"]`);
    await review.click('main form button[type="submit"]');
    await review.waitForURL(/done=start-review/);
    await review.click(`a[href$="/confirm/include"]`);
    await review.click('main form button[type="submit"]');
    await review.waitForURL(/done=include/);
    await ministry.close();

    const visitor = await stack.browser.newContext();
    const pub = await visitor.newPage();
    const response = await pub.goto(`${stack.base}/en/programmes/${id}`);
    assert.equal(response?.status(), 200);
    assert.match((await pub.textContent('h1')) ?? '', /Software engineering/);
    await visitor.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: sign-in, workspace, new-programme and notification pages have no axe violations`, async () => {
      const anonymous = await stack.browser.newContext();
      const signInPage = await anonymous.newPage();
      await signInPage.goto(`${stack.base}/${lang}/sign-in`);
      assert.deepEqual(await axeViolations(signInPage), []);
      await anonymous.close();
      const editor = await signedIn('editor@beta.test', lang);
      const page = await editor.newPage();
      for (const path of ['/workspace', '/workspace/programmes/new', '/workspace/notifications']) {
        await page.goto(`${stack.base}/${lang}${path}`);
        assert.deepEqual(await axeViolations(page), [], path);
      }
      await editor.close();
    });
  }
});

// The QA-system failure pages in a real browser (issue 16 item 4): the ministry declares a failure
// on a high-risk university through the form (a refused form shows its problem at the field); the
// list, one failure as the ministry (plan, reports, closing) and as the organization at 360 px
// (plan and report forms, the self-declaration form), and the organization's public page with the
// notice of an active failure have no axe violations in kk, ru and en.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { addReport, declareFailure, savePlan } from '../../oversight/qa-failure.service.ts';
import { assessRisk } from '../../oversight/risk.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let omicron = '';
let failure = '';

describe('QA-system failure pages in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      const nu = await addOrganization(ctx, { kk: 'Ню университеті', ru: 'Университет Ню', en: 'Nu University' });
      omicron = await addOrganization(ctx, { kk: 'Омикрон университеті', ru: 'Университет Омикрон', en: 'Omicron University' });
      await addUser(ctx, { email: 'admin@omicron.test', role: 'org-admin', organizationId: omicron });
      await addUser(ctx, { email: 'quality@ministry.test', role: 'ministry' });
      await assessRisk(ctx, { organizationIds: [nu] });
      const f = await declareFailure(ctx, { organizationId: omicron, declarant: 'organization', grounds: 'The quality office was dissolved.' });
      failure = f.id;
      await savePlan(ctx, f.id, {
        measures: [
          { kind: 'risk-management', description: 'Risk register', owner: 'Rector', dueOn: '2027-03-01', status: 'in-progress' },
          { kind: 'advisory', description: 'Mentoring', owner: 'Ministry', dueOn: '2027-05-01', status: 'planned' },
        ],
      });
      await addReport(ctx, f.id, { text: 'Risk register approved.' });
    });
  });
  after(() => stack?.close());

  test('the ministry declares on a high risk through the form; a form without grounds is refused at the field', async () => {
    const ministry = await signedInContext(stack, 'quality@ministry.test', TEST_PASSWORD, { lang: 'en' });
    const page = await ministry.newPage();
    await page.goto(`${stack.base}/en/workspace/qa-failures`);
    await page.selectOption('select[name="organizationId"]', { label: 'Nu University' });
    await page.click('form[action$="/declare"] button[type="submit"]');
    assert.equal(await page.locator('#f-grounds[aria-invalid="true"]').count(), 1);
    assert.deepEqual(await axeViolations(page), []);
    await page.fill('textarea[name="grounds"]', 'No licence, no accreditation, no working internal QA system.');
    await page.click('form[action$="/declare"] button[type="submit"]');
    await page.waitForURL(/\/en\/workspace\/qa-failures\/[0-9a-f-]{36}\?done=declare$/);
    assert.match(await page.locator('main').innerText(), /The authority/);
    assert.deepEqual(await axeViolations(page), []);
    await ministry.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the list and one failure for the ministry and the organization, and the public notice, have no axe violations`, async () => {
      const ministry = await signedInContext(stack, 'quality@ministry.test', TEST_PASSWORD, { lang });
      const m = await ministry.newPage();
      await m.goto(`${stack.base}/${lang}/workspace/qa-failures`);
      assert.deepEqual(await axeViolations(m), []);
      await m.goto(`${stack.base}/${lang}/workspace/qa-failures/${failure}`);
      assert.equal(await m.locator('select[name="outcome"]').count(), 1, 'the ministry closes');
      assert.deepEqual(await axeViolations(m), []);
      await ministry.close();

      const org = await signedInContext(stack, 'admin@omicron.test', TEST_PASSWORD, { lang, width: 360 });
      const o = await org.newPage();
      await o.goto(`${stack.base}/${lang}/workspace/qa-failures`);
      assert.equal(await o.locator('select[name="declarant"]').count(), 1, 'the self-declaration form');
      assert.deepEqual(await axeViolations(o), []);
      await o.goto(`${stack.base}/${lang}/workspace/qa-failures/${failure}`);
      assert.equal(await o.locator('select[name="kind.0"]').count(), 1, 'the plan form');
      assert.equal(await o.locator('select[name="outcome"]').count(), 0, 'only the ministry closes');
      assert.deepEqual(await axeViolations(o), []);
      await org.close();

      const visitor = await stack.browser.newContext({ viewport: { width: 360, height: 800 } });
      const p = await visitor.newPage();
      await p.goto(`${stack.base}/${lang}/organizations/${omicron}`);
      assert.equal(await p.locator('#qa-failure').count(), 1);
      assert.doesNotMatch(await p.locator('main').innerText(), /quality office was dissolved|Risk register approved/);
      assert.deepEqual(await axeViolations(p), []);
      await visitor.close();
    });
  }
});

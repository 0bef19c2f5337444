// The self-assessment pages in a real browser (issue 16): the list and one self-assessment — as the
// organization editing it and as the ministry reviewing it — and the risk view have no axe violations in kk, ru and en.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { startAssessment, submitAssessment, saveAssessment } from '../../oversight/internal-qa.service.ts';
import { assessRisk } from '../../oversight/risk.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let draft: string;
let submitted: string;

describe('internal QA self-assessment pages in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      const zeta = await addOrganization(ctx, { kk: 'Зета университеті', ru: 'Университет Зета', en: 'Zeta University' });
      const eta = await addOrganization(ctx, { kk: 'Эта университеті', ru: 'Университет Эта', en: 'Eta University' });
      await addUser(ctx, { email: 'admin@zeta.test', role: 'org-admin', organizationId: zeta });
      await addUser(ctx, { email: 'reviewer@ministry.test', role: 'ministry' });
      draft = (await startAssessment(ctx, zeta)).id;
      const s = await startAssessment(ctx, eta);
      const ratings = s.standards.map((x) => ({ standardCode: x.code, rating: x.code === '3' ? ('partially-met' as const) : ('met' as const), narrative: `Standard ${x.code} is met.` }));
      await saveAssessment(ctx, s.id, { ratings, actions: [{ standardCode: '3', action: 'Involve students', owner: 'Vice-rector', dueOn: '2027-05-01' }] });
      await submitAssessment(ctx, s.id);
      submitted = s.id;
      await assessRisk(ctx, { organizationIds: [zeta, eta] });
    });
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    test(`${lang}: the list, the organization's form and the ministry's review have no axe violations`, async () => {
      const org = await signedInContext(stack, 'admin@zeta.test', TEST_PASSWORD, { lang, width: 360 });
      const page = await org.newPage();
      await page.goto(`${stack.base}/${lang}/workspace/internal-qa`);
      assert.deepEqual(await axeViolations(page), []);
      await page.goto(`${stack.base}/${lang}/workspace/internal-qa/${draft}`);
      assert.equal(await page.locator('form[enctype="multipart/form-data"]').count(), 1);
      assert.deepEqual(await axeViolations(page), []);
      await org.close();
      const ministry = await signedInContext(stack, 'reviewer@ministry.test', TEST_PASSWORD, { lang });
      const review = await ministry.newPage();
      await review.goto(`${stack.base}/${lang}/workspace/internal-qa?state=submitted`);
      assert.deepEqual(await axeViolations(review), []);
      await review.goto(`${stack.base}/${lang}/workspace/internal-qa/${submitted}`);
      assert.equal(await review.locator('select[name="result"]').count(), 1);
      assert.deepEqual(await axeViolations(review), []);
      await review.goto(`${stack.base}/${lang}/workspace/risk`);
      assert.deepEqual(await axeViolations(review), []);
      await ministry.close();
    });
  }
});

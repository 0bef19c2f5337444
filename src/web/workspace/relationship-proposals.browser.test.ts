// The relationship proposals on the workspace organization page in a real browser: no axe
// violations in kk, ru and en at 360 px and on a desktop, and confirming is a plain form post.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { addRelationship } from '../../registry/relationship.service.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let branch: string;

describe('relationship proposals in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      const parent = await addOrganization(ctx, { kk: 'Гамма университеті', ru: 'Университет Гамма', en: 'Gamma University' });
      branch = await addOrganization(ctx, { kk: 'Гамма колледжі', ru: 'Колледж Гамма', en: 'Gamma College' });
      const proposer = await addUser(ctx, { email: 'admin@gamma.test', role: 'org-admin', organizationId: parent });
      await addUser(ctx, { email: 'admin@gamma-college.test', role: 'org-admin', organizationId: branch });
      const asProposer = { ...ctx, actor: { kind: 'user' as const, userId: proposer, label: 'admin@gamma.test', roles: [{ role: 'org-admin' as const, organizationId: parent }] } };
      await addRelationship(asProposer, parent, { type: 'branch', toId: branch, effectiveOn: '2024-09-01' });
    });
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    for (const width of [360, 1280]) {
      test(`${lang}, ${width} px: the organization page with a proposal has no axe violations`, async () => {
        const context = await signedInContext(stack, 'admin@gamma-college.test', TEST_PASSWORD, { lang, width });
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}/workspace/organization?organization=${branch}`);
        assert.equal(await page.locator('#relationship-proposals').count(), 1);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }
  }

  test('confirming with the button (a plain form post) makes the relationship public', async () => {
    const context = await signedInContext(stack, 'admin@gamma-college.test', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/organization?organization=${branch}`);
    await page.click('form[action*="/confirm"] button');
    await page.waitForURL(/\/en\/workspace\/organization\?organization=/);
    await context.close();
    const res = await stack.t.json('GET', `/api/organizations/${branch}`);
    assert.deepEqual(res.body.relationships.map((r: { type: string }) => r.type), ['branch']);
  });
});

// The accreditation case list and the issuer's credential list in a real browser: kk/ru/en, 360 px
// and desktop, axe 0; a credential is revoked through its confirmation page, the reason asked once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addUser } from '../../../test/helpers/factories.ts';
import { licensedUniversity, specBody } from '../../credentials/specification.fixtures.ts';
import { issueFromSpecification } from '../../credentials/specification.issue.ts';
import { getSpecification } from '../../credentials/specification.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { accreditationFixture, type Fixture, PASSWORD } from '../accreditation/workspace-fixtures.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let f: Fixture;
let orgId = '';
let credentialId = '';

describe('workspace lists in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    f = await accreditationFixture(stack.t);
    orgId = await licensedUniversity(stack.t);
    await inTransaction(stack.t.system, (ctx) => addUser(ctx, { email: 'issuer@uni.test', displayName: 'Issuer Admin', role: 'org-admin', organizationId: orgId }));
    const admin = await stack.t.tokenFor('org-admin', orgId);
    const spec = await stack.t.json('POST', '/api/credentials/specifications', { token: admin, body: specBody(orgId) });
    assert.equal(spec.status, 201, JSON.stringify(spec.body));
    await inTransaction(stack.t.system, async (ctx) => {
      const found = await getSpecification(ctx, spec.body.id);
      credentialId = (await issueFromSpecification(ctx, found, { name: 'Айгерім Сәрсен', email: 'aigerim@example.kz', identifier: 'S-1' }, '2026-06-01', 'browser-1')).id;
    });
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    test(`${lang}: the case list at 360 px and desktop, sorted and filtered, has no axe violations`, async () => {
      for (const width of [360, 1280]) {
        const context = await signedInContext(stack, 'staff@kazsee.test', PASSWORD, { lang, width });
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}/workspace/accreditation/cases`);
        assert.ok((await page.locator('tbody tr').count()) >= 4);
        assert.equal(await page.locator(`#case-${f.cases.council} .overdue`).count(), 1, 'the overdue deadline is marked');
        assert.deepEqual(await axeViolations(page), []);
        if (width === 360) assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'no sideways scrolling');
        await page.selectOption('#filter-overdue', 'yes');
        await page.click('form.list-filters button[type="submit"]');
        await page.waitForURL(/overdue=yes/);
        assert.equal(await page.locator('tbody tr').count(), 1);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      }
    });
  }

  test('the issuer revokes a credential through its confirmation page, in every language and width without axe violations', async () => {
    assert.ok(credentialId, 'a credential was issued');
    for (const lang of LANGUAGES) {
      for (const width of [360, 1280]) {
        const context = await signedInContext(stack, 'issuer@uni.test', TEST_PASSWORD, { lang, width });
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}/workspace/credentials?organization=${orgId}`);
        assert.equal(await page.locator('input[name="reason"]').count(), 0, 'no reason boxes in the list');
        assert.deepEqual(await axeViolations(page), []);
        await page.click(`#c-${credentialId} a[href*="/confirm/revoke"]`);
        assert.equal(await page.locator('input[name="reason"]').count(), 1, 'the reason is asked once');
        assert.deepEqual(await axeViolations(page), []);
        if (width === 360) assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360);
        await context.close();
      }
    }
    const context = await signedInContext(stack, 'issuer@uni.test', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/credentials/${credentialId}/confirm/revoke?organization=${orgId}`);
    assert.match((await page.textContent('main')) ?? '', /will be revoked\. Revocation is final/);
    // Spaces pass the browser's own check; the service refuses them and the page says so on the field.
    await page.fill('#f-reason', '   ');
    await page.click('main form button[type="submit"]');
    await page.waitForLoadState();
    assert.equal(await page.locator('#f-reason[aria-invalid="true"]').count(), 1, 'a missing reason is shown on its field');
    assert.deepEqual(await axeViolations(page), []);
    await page.fill('#f-reason', 'Issued in error');
    await page.click('main form button[type="submit"]');
    await page.waitForURL(/done=revoke/);
    assert.match((await page.textContent('[role="status"]')) ?? '', /is revoked/);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});

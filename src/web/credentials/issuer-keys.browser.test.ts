// An org-admin rotates the issuer key from the workspace, after a page that says what will happen;
// a credential signed with the old key still verifies. Real Chromium, axe, kk/ru/en, 360 px and desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addUser } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { issuedSample } from './verdict.fixtures.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let sample: Awaited<ReturnType<typeof issuedSample>>;

describe('issuer keys in the workspace', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    sample = await issuedSample(stack.t);
    await inTransaction(stack.t.system, async (ctx) => {
      await addUser(ctx, { email: 'keys@uni.test', role: 'org-admin', organizationId: sample.organizationId });
      await addUser(ctx, { email: 'editor@uni.test', role: 'org-editor', organizationId: sample.organizationId });
    });
  });
  after(() => stack?.close());

  test('rotation asks first, then the old credential still verifies and new keys sign', async () => {
    const admin = await signedInContext(stack, 'keys@uni.test', TEST_PASSWORD, { lang: 'en' });
    const page = await admin.newPage();
    await page.goto(`${stack.base}/en/workspace`);
    await page.click('a[href="/en/workspace/issuer-keys"]');
    assert.equal(await page.locator('tbody tr').count(), 1);
    await page.click('text=Rotate the signing key…');
    assert.match((await page.textContent('h1')) ?? '', /Rotate the signing key\?/);
    assert.equal(await page.locator('tbody tr').count(), 0, 'nothing changed yet');
    assert.equal((await stack.t.db.selectFrom('issuer_keys').select('id').execute()).length, 1);
    await page.click('button:has-text("Rotate the key")');
    await page.waitForURL(/done=rotated/);
    assert.match((await page.textContent('[role="status"]')) ?? '', /The signing key was rotated/);
    assert.equal(await page.locator('tbody tr').count(), 2);
    assert.match((await page.textContent('tbody')) ?? '', /Rotated/);
    await admin.close();

    const report = await stack.t.json('POST', '/api/verify', { body: sample.credential });
    assert.equal(report.body.verdict, 'valid', 'signed with the retired key, it still verifies');
  });

  test('an editor may not rotate the key', async () => {
    const editor = await signedInContext(stack, 'editor@uni.test', TEST_PASSWORD, { lang: 'en' });
    const page = await editor.newPage();
    const response = await page.goto(`${stack.base}/en/workspace/issuer-keys/rotate?organization=${sample.organizationId}`);
    assert.equal(response?.status(), 403);
    await editor.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the keys and confirmation pages have no axe violations, at 360 px and desktop`, async () => {
      const admin = await signedInContext(stack, 'keys@uni.test', TEST_PASSWORD, { lang });
      const page = await admin.newPage();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of ['/workspace/issuer-keys', '/workspace/issuer-keys/rotate']) {
          await page.goto(`${stack.base}/${lang}${path}`);
          assert.deepEqual(await axeViolations(page), [], `${path} at ${width}px`);
        }
      }
      await admin.close();
    });
  }
});

// In Chromium: paste a credential on the verification page and read the verdict; the credential,
// verification and certificate pages have no axe (WCAG 2.1 AA) violations, also at 360 px.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, startBrowserStack } from '../../../test/helpers/browser.ts';
import { licensedUniversity, registeredCentre, specBody } from '../../credentials/specification.fixtures.ts';
import { TEST_PASSWORD as PASSWORD, addUser } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';


let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let credentialId: string;
let revokedId: string;
let credentialJson: string;
let certificateId: string;

describe('the credential pages in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    const t = stack.t;
    const orgId = await licensedUniversity(t);
    const admin = await t.tokenFor('org-admin', orgId);
    const spec = await t.json('POST', '/api/credentials/specifications', { token: admin, body: specBody(orgId) });
    const issue = (name: string) =>
      t.json('POST', '/api/credentials', {
        token: admin,
        body: {
          organizationId: orgId,
          specificationId: spec.body.id,
          learner: { name, email: 'aru@learner.test' },
          achievement: { name: 'Деректерді талдау негіздері', description: 'Деректерді тазалау', criteria: { narrative: 'Жоба' }, creditsAvailable: 5 },
          validFrom: '2025-09-01',
        },
      });
    const issued = await issue('Әлия Нұрланқызы');
    assert.equal(issued.status, 201, JSON.stringify(issued.body));
    credentialId = issued.body.id;
    credentialJson = JSON.stringify(issued.body.credential, null, 2);
    revokedId = (await issue('Ерлан Сәрсенов')).body.id;
    await t.json('POST', `/api/credentials/${revokedId}/status`, { token: admin, body: { action: 'revoke', reason: 'Issued in error' } });
    const centre = (await registeredCentre(t)).organizationId;
    const staff = await t.tokenFor('org-editor', centre);
    const cert = await t.json('POST', '/api/certificates', {
      token: staff,
      body: { organizationId: centre, number: 'CC-2026-0001', holderName: 'Ерлан Қасымов', title: 'Электр дәнекерлеуші', issuedOn: '2026-03-10' },
    });
    certificateId = cert.body.id;
    await inTransaction(t.system, async (ctx) => {
      await addUser(ctx, { email: 'admin@uni.test', displayName: 'Uni Admin', role: 'org-admin', organizationId: orgId });
      await addUser(ctx, { email: 'aru@learner.test', displayName: 'Аружан', role: 'learner' });
    });
  });
  after(() => stack?.close());

  test('paste a credential, submit, and see the verdict and every check', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/verify`);
    await page.fill('textarea[name="credential"]', credentialJson);
    await page.click('main form[method="post"] button[type="submit"]');
    await page.waitForSelector('section.verdict');
    assert.match((await page.textContent('section.verdict h2')) ?? '', /genuine and in force/i);
    assert.equal(await page.locator('tr[data-state="ok"]').count(), await page.locator('tr[data-check]').count());
    assert.deepEqual(await axeViolations(page), [], 'the result page');

    // A changed learner name: the signature check fails and the verdict says not to rely on it.
    await page.fill('textarea[name="credential"]', credentialJson.replace('Әлия Нұрланқызы', 'Someone Else'));
    await page.click('main form[method="post"] button[type="submit"]');
    await page.waitForSelector('section.verdict');
    assert.match((await page.textContent('section.verdict h2')) ?? '', /do not rely/i);
    assert.equal(await page.locator('tr[data-check="proof"][data-state="failed"]').count(), 1);

    await page.fill('textarea[name="credential"]', 'this is not JSON');
    await page.click('main form[method="post"] button[type="submit"]');
    await page.waitForSelector('#f-credential-error');
    assert.deepEqual(await axeViolations(page), [], 'the form with its error');
    await context.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the credential, revoked credential, verification and certificate pages have no axe violations at 360 px`, async () => {
      const context = await stack.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      for (const path of [`/credentials/${credentialId}`, `/credentials/${revokedId}`, '/verify', `/certificates/${certificateId}`, '/certificates']) {
        const response = await page.goto(`${stack.base}/${lang}${path}`);
        assert.equal(response?.status(), 200, path);
        assert.deepEqual(await axeViolations(page), [], path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px at 360 px`);
      }
      await context.close();
    });
  }

  for (const [email, paths] of [
    ['admin@uni.test', ['/workspace/credentials', '/workspace/credentials/issue', '/workspace/credentials/batches/new', '/workspace/recognition-requests']],
    ['aru@learner.test', ['/workspace/my-credentials']],
  ] as const) {
    test(`the workspace pages of ${email} have no axe violations at 360 px`, async () => {
      const context = await stack.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${stack.base}/ru/sign-in`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', PASSWORD);
      await page.click('main form[method="post"] button[type="submit"]');
      await page.waitForURL(/\/ru\/workspace$/);
      for (const path of paths) {
        const response = await page.goto(`${stack.base}/ru${path}`);
        assert.equal(response?.status(), 200, path);
        assert.deepEqual(await axeViolations(page), [], path);
      }
      await context.close();
    });
  }
});

// An agency records an expert in the experts database (profile, declarations, employment) and seats
// them on a panel despite the conflict that employment makes, with a written justification.
// Real Chromium, axe, kk/ru/en, 360 px and desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { orgByKey } from '../../accreditation/after.fixtures.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { type Fixture, PASSWORD, accreditationFixture } from '../accreditation/workspace-fixtures.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let f: Fixture;
let kaznpu: string;
let expertId: string;

describe('the experts database and conflict overrides in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    f = await accreditationFixture(stack.t);
    kaznpu = await orgByKey(stack.t.db, 'kaznpu');
  });
  after(() => stack?.close());

  test('the agency records an expert, then seats them despite a conflict with a justification', async () => {
    const context = await signedInContext(stack, 'staff@kazsee.test', PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace`);
    await page.click('a[href="/en/workspace/experts"]');
    await page.click('text=New expert');
    await page.fill('[name="fullName"]', 'Galym Newexpert');
    await page.selectOption('select[name="category"]', 'academic');
    await page.selectOption('select[name="degree"]', 'phd');
    await page.fill('[name="fields"]', '07');
    await page.check('input[name="languages"][value="kk"]');
    await page.fill('[name="certifiedOn"]', '2025-02-01');
    await page.fill('[name="certificationExpiresOn"]', '2030-02-01');
    for (const d of ['conflictOfInterest', 'confidentiality', 'codeOfEthics']) await page.fill(`[name="declarations.${d}"]`, '2025-02-01');
    await page.selectOption('select[name="affiliations.0.organizationId"]', kaznpu);
    await page.selectOption('select[name="affiliations.0.kind"]', 'employment');
    await page.fill('[name="affiliations.0.from"]', '2020-09-01');
    await page.click('form.ws:has([name="fullName"]) button[type="submit"]');
    await page.waitForURL(/\/en\/workspace\/experts\/[0-9a-f-]{36}\?done=created$/);
    expertId = new URL(page.url()).pathname.split('/').pop() as string;
    assert.match((await page.textContent('[role="status"]')) ?? '', /The expert was recorded/);
    assert.deepEqual(await axeViolations(page), []);

    // The panel case is at KazNPU, where the new expert works: seating them needs a justification.
    const casePage = `${stack.base}/en/workspace/accreditation/cases/${f.cases.panel}`;
    await page.goto(casePage);
    await page.selectOption('select[name="expert.5"]', expertId);
    await page.selectOption('select[name="role.5"]', 'member');
    await page.click('form:has(select[name="expert.0"]) button[type="submit"]');
    assert.match((await page.textContent('.error-summary, [role="alert"]')) ?? '', /Galym Newexpert/);
    assert.deepEqual(await axeViolations(page), []);
    await page.fill('[name="override.5"]', 'The only expert in metallurgy available; employment ended before the self-assessment.');
    await page.click('form:has(select[name="expert.0"]) button[type="submit"]');
    await page.waitForURL(/done=panel/);
    assert.match((await page.textContent('main')) ?? '', /Galym Newexpert/);
    await context.close();

    const seated = await stack.t.db
      .selectFrom('panel_members')
      .select(['override_justification', 'status'])
      .where('case_id', '=', f.cases.panel)
      .where('expert_id', '=', expertId)
      .executeTakeFirstOrThrow();
    assert.match(seated.override_justification ?? '', /metallurgy/);
    const audit = await stack.t.db.selectFrom('audit_log').select('action').where('action', '=', 'panel.conflict-override').execute();
    assert.equal(audit.length, 1, 'the override is in the audit trail');
  });

  test('excludes the expert with a reason, and rates them', async () => {
    const context = await signedInContext(stack, 'staff@kazsee.test', PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/experts/${expertId}`);
    await page.selectOption('select[name="score"]', '4');
    await page.click('form:has(select[name="score"]) button[type="submit"]');
    await page.waitForURL(/done=rated/);
    await page.click('form:has(textarea[name="reason"]) button[type="submit"]');
    assert.match((await page.textContent('.error-summary')) ?? '', /Reason for exclusion/);
    await page.fill('[name="reason"]', 'Certificate revoked by the agency board.');
    await page.click('form:has(textarea[name="reason"]) button[type="submit"]');
    await page.waitForURL(/done=excluded/);
    assert.match((await page.textContent('dl.fields')) ?? '', /Excluded: Certificate revoked/);
    await context.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the experts pages have no axe violations, at 360 px and desktop`, async () => {
      const context = await signedInContext(stack, 'staff@kazsee.test', PASSWORD, { lang });
      const page = await context.newPage();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of ['/workspace/experts', '/workspace/experts/new', `/workspace/accreditation/cases/${f.cases.panel}`]) {
          await page.goto(`${stack.base}/${lang}${path}`);
          assert.deepEqual(await axeViolations(page), [], `${path} at ${width}px`);
        }
      }
      await context.close();
    });
  }
});

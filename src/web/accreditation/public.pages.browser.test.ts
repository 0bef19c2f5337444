import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, startBrowserStack } from '../../../test/helpers/browser.ts';
import { insertApprovedDecision, insertProgramme, orgByKey } from '../../accreditation/after.fixtures.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let paths: string[];

describe('public accreditation pages in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    const db = stack.t.db;
    const bodyId = await orgByKey(db, 'kazsee');
    const organizationId = await orgByKey(db, 'satbayev-university');
    const programmeId = await insertProgramme(db, organizationId, { code: '6B07198' });
    const { decisionId } = await insertApprovedDecision(db, { bodyId, organizationId, programmeIds: [programmeId], decidedOn: '2025-03-14', certificateNumber: 'KAZSEE-2025-0043-C' });
    paths = ['/accreditation', '/registers/1', '/registers/2', '/registers/3', '/accreditation/statistics', `/accreditation/decisions/${decisionId}`];
  });
  after(() => stack?.close());

  for (const lang of LANGUAGES) {
    test(`registers, statistics and a decision in ${lang} have no axe violations at 360 px`, async () => {
      const context = await stack.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      for (const path of paths) {
        const res = await page.goto(`${stack.base}/${lang}${path}`);
        assert.equal(res?.status(), 200, path);
        assert.deepEqual(await axeViolations(page), [], `${lang}${path}`);
      }
      await context.close();
    });
  }

  test('the Register 3 filter form works without JavaScript', async () => {
    const context = await stack.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/registers/3`);
    await page.fill('#register-q', '6B07198');
    await page.click('form.ws button[type=submit]');
    assert.match(page.url(), /q=6B07198/);
    assert.match((await page.textContent('main')) ?? '', /KAZSEE-2025-0043-C/);
    await context.close();
  });
});

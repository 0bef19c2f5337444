// The sector council keeps a sectoral framework in the workspace: adds a sub-level and a
// qualification in the spare rows, is told what is wrong next to the field, saves, and the public
// page shows the new version. Real Chromium, axe, kk/ru/en, 360 px and desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addUser } from '../../../test/helpers/factories.ts';
import { sqfInputSchema } from '../../frameworks/sqf.schema.ts';
import { createSqf } from '../../frameworks/sqf.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let sqfId: string;

const tri = (kk: string, ru: string, en: string) => ({ kk, ru, en });

describe('sectoral frameworks in the sector council’s workspace', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      await addUser(ctx, { email: 'council@sqf.test', displayName: 'Sector Council', role: 'sector-council' });
      const created = await createSqf(
        ctx,
        sqfInputSchema.parse({
          code: 'SQF-EN-900',
          name: tri('Энергетика шеңбері', 'Рамка энергетики', 'Energy framework'),
          sector: tri('Энергетика', 'Энергетика', 'Energy'),
          developer: 'Energy sector council',
          okedCodes: ['35.11'],
          levels: [{ level: 5, descriptor: tri('Өз бетінше жұмыс істейді', 'Работает самостоятельно', 'Works independently') }],
          qualifications: [{ code: 'Q-EN-5', name: tri('Электрик', 'Электрик', 'Electrician'), nqfLevel: 5 }],
        }),
      );
      sqfId = created.id;
    });
  });
  after(() => stack?.close());

  test('adds a sub-level and a qualification; a problem shows at its field; the public page shows the new version', async () => {
    const context = await signedInContext(stack, 'council@sqf.test', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace`);
    await page.click('a[href="/en/workspace/sector-frameworks"]');
    await page.click('a[aria-label="New version of SQF-EN-900"]');
    // The spare qualification row, at a sub-level the framework does not declare yet.
    await page.fill('[name="qualifications.1.code"]', 'Q-EN-51');
    await page.fill('[name="qualifications.1.name.kk"]', 'Аға электрик');
    await page.fill('[name="qualifications.1.name.ru"]', 'Старший электрик');
    await page.fill('[name="qualifications.1.name.en"]', 'Senior electrician');
    await page.selectOption('select[name="qualifications.1.nqfLevel"]', '5');
    await page.fill('[name="qualifications.1.sublevel"]', '5.1');
    await page.click('form.ws button[type="submit"]');
    assert.match((await page.textContent('#f-qualifications-1-sublevel-error')) ?? '', /Sub-level 5\.1 is not declared/);
    assert.deepEqual(await axeViolations(page), []);
    // Declare it in the spare level row and save again.
    await page.selectOption('select[name="levels.1.level"]', '5');
    await page.fill('[name="levels.1.sublevel"]', '5.1');
    await page.fill('[name="levels.1.descriptor.kk"]', 'Топты басқарады');
    await page.fill('[name="levels.1.descriptor.ru"]', 'Руководит группой');
    await page.fill('[name="levels.1.descriptor.en"]', 'Leads a team');
    await page.click('form.ws button[type="submit"]');
    await page.waitForURL(/\/saved$/);
    assert.match((await page.textContent('[role="status"]')) ?? '', /Changes saved: this is version 2/);
    assert.deepEqual(await axeViolations(page), []);
    await page.click('text=See the public page');
    await page.waitForURL(new RegExp(`/en/sqfs/${sqfId}$`));
    const shown = (await page.textContent('main')) ?? '';
    assert.match(shown, /Leads a team/);
    assert.match(shown, /Senior electrician/);
    await context.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the list, the forms, a refused form and the saved page have no axe violations, at 360 px and desktop`, async () => {
      for (const width of [360, 1280]) {
        const context = await signedInContext(stack, 'council@sqf.test', TEST_PASSWORD, { lang, width });
        const page = await context.newPage();
        for (const path of ['/workspace/sector-frameworks', `/workspace/sector-frameworks/${sqfId}/edit`, '/workspace/sector-frameworks/new', `/workspace/sector-frameworks/${sqfId}/saved`]) {
          await page.goto(`${stack.base}/${lang}${path}`);
          assert.deepEqual(await axeViolations(page), [], `${path} at ${width}px`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${path} at ${width}px scrolls sideways by ${overflow}px`);
        }
        await page.goto(`${stack.base}/${lang}/workspace/sector-frameworks/new`);
        await page.click('form.ws button[type="submit"]');
        assert.ok(await page.locator('.error-summary').count(), 'the empty form is refused');
        assert.deepEqual(await axeViolations(page), [], `a refused form at ${width}px`);
        await context.close();
      }
    });
  }
});

// The sector council edits an occupational standard in the workspace (a labour function's skills and
// knowledge, a new occupation) and the public page shows the new version. Real Chromium, axe,
// kk/ru/en, 360 px and desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addUser } from '../../../test/helpers/factories.ts';
import { occupationalStandardInputSchema } from '../../frameworks/occupational-standard.schema.ts';
import { createOccupationalStandard } from '../../frameworks/occupational-standard.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let standardId: string;

const tri = (kk: string, ru: string, en: string) => ({ kk, ru, en });

describe('occupational standards in the sector council’s workspace', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      await addUser(ctx, { email: 'council@sector.test', displayName: 'Sector Council', role: 'sector-council' });
      await addUser(ctx, { email: 'editor-only@sector.test', role: 'learner' });
      const created = await createOccupationalStandard(
        ctx,
        occupationalStandardInputSchema.parse({
          code: 'PS-IT-900',
          name: tri('Бағдарламашы', 'Программист', 'Programmer'),
          sector: tri('Ақпараттық технологиялар', 'Информационные технологии', 'Information technology'),
          developer: 'IT sector council',
          occupations: [
            {
              code: 'OCC-1',
              name: tri('Бағдарламашы', 'Программист', 'Programmer'),
              nqfLevel: 6,
              labourFunctions: [
                {
                  code: 'LF-1',
                  name: tri('Бағдарлама жазу', 'Написание программ', 'Writing programs'),
                  skills: [tri('Код жазады', 'Пишет код', 'Writes code')],
                  knowledge: [tri('Алгоритмдер', 'Алгоритмы', 'Algorithms')],
                },
              ],
            },
          ],
        }),
      );
      standardId = created.id;
    });
  });
  after(() => stack?.close());

  test('edits the standard; the saved page says so; the public page shows the new version', async () => {
    const context = await signedInContext(stack, 'council@sector.test', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace`);
    await page.click('a[href="/en/workspace/occupational-standards"]');
    await page.click('a[aria-label="New version of PS-IT-900"]');
    await page.fill('[name="name.en"]', 'Software developer');
    await page.fill('[name="edition"]', '2');
    const f = 'occupations.0.labourFunctions.0';
    await page.fill(`[name="${f}.skills.kk"]`, 'Код жазады\nКодты тексереді');
    await page.fill(`[name="${f}.skills.ru"]`, 'Пишет код\nПроверяет код');
    await page.fill(`[name="${f}.skills.en"]`, 'Writes code\nReviews code');
    // A second occupation in the spare row, with its level missing first.
    await page.fill('[name="occupations.1.code"]', 'OCC-2');
    await page.fill('[name="occupations.1.name.kk"]', 'Тестілеуші');
    await page.fill('[name="occupations.1.name.ru"]', 'Тестировщик');
    await page.fill('[name="occupations.1.name.en"]', 'Tester');
    await page.click('form.ws button[type="submit"]');
    assert.match((await page.textContent('.error-summary')) ?? '', /NQF level of occupation 2/);
    assert.deepEqual(await axeViolations(page), []);
    await page.selectOption('select[name="occupations.1.nqfLevel"]', '5');
    await page.click('form.ws button[type="submit"]');
    await page.waitForURL(/\/saved$/);
    assert.match((await page.textContent('[role="status"]')) ?? '', /Changes saved: this is version 2/);
    assert.deepEqual(await axeViolations(page), []);
    await page.click('text=See the public page');
    await page.waitForURL(new RegExp(`/en/occupational-standards/${standardId}$`));
    const shown = (await page.textContent('main')) ?? '';
    assert.match(shown, /Software developer/);
    assert.match(shown, /Reviews code/);
    assert.match(shown, /Tester/);
    await context.close();
  });

  test('only the sector council may keep standards', async () => {
    const context = await signedInContext(stack, 'editor-only@sector.test', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    const response = await page.goto(`${stack.base}/en/workspace/occupational-standards/${standardId}/edit`);
    assert.equal(response?.status(), 403);
    await context.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the list and the forms have no axe violations, at 360 px and desktop`, async () => {
      const context = await signedInContext(stack, 'council@sector.test', TEST_PASSWORD, { lang });
      const page = await context.newPage();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of ['/workspace/occupational-standards', `/workspace/occupational-standards/${standardId}/edit`, '/workspace/occupational-standards/new']) {
          await page.goto(`${stack.base}/${lang}${path}`);
          assert.deepEqual(await axeViolations(page), [], `${path} at ${width}px`);
        }
      }
      await context.close();
    });
  }
});

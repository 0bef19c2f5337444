// An editor edits a saved draft programme (every passport field, outcomes and courses with their
// mapping), sees "saved", then submits it. Real Chromium, axe, kk/ru/en, 360 px and desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { programmePassport } from '../../registry/programme.fixtures.ts';
import { programmeInputSchema } from '../../registry/programme.schema.ts';
import { createProgramme } from '../../registry/programme.service.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
let programmeId: string;
let otherDraftId: string;

describe('editing a draft programme in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await inTransaction(stack.t.system, async (ctx) => {
      const orgId = await addOrganization(ctx, { kk: 'Дельта университеті', ru: 'Университет Дельта', en: 'Delta University' });
      await addUser(ctx, { email: 'editor@delta.test', role: 'org-editor', organizationId: orgId });
      const draft = await createProgramme(ctx, programmeInputSchema.parse(programmePassport(orgId)));
      programmeId = draft.id;
      const other = await createProgramme(ctx, programmeInputSchema.parse(programmePassport(orgId, { code: '6B06102', name: { kk: 'Желілер', ru: 'Сети', en: 'Networks' } })));
      otherDraftId = other.id;
    });
  });
  after(() => stack?.close());

  test('edits type, form of study, outcomes and a course mapped to them; "saved"; then submits', async () => {
    const context = await signedInContext(stack, 'editor@delta.test', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/programmes/${programmeId}`);
    assert.match((await page.textContent('dl.fields')) ?? '', /Kazakh/, 'languages are names, not codes');
    await page.click('text=Edit the passport');
    await page.selectOption('select[name="programmeType"]', 'innovative');
    await page.uncheck('input[name="studyForms"][value="full-time"]');
    await page.check('input[name="studyForms"][value="part-time"]');
    await page.fill('[name="outcomes.2.code"]', 'LO3');
    await page.fill('[name="outcomes.2.text.kk"]', 'Деректерді талдайды');
    await page.fill('[name="outcomes.2.text.ru"]', 'Анализирует данные');
    await page.fill('[name="outcomes.2.text.en"]', 'Analyses data');
    await page.fill('[name="courses.1.code"]', 'DA201');
    await page.fill('[name="courses.1.name.kk"]', 'Деректерді талдау');
    await page.fill('[name="courses.1.name.ru"]', 'Анализ данных');
    await page.fill('[name="courses.1.name.en"]', 'Data analysis');
    await page.selectOption('select[name="courses.1.cycle"]', 'basic');
    await page.selectOption('select[name="courses.1.component"]', 'elective');
    await page.fill('[name="courses.1.credits"]', '5');
    await page.fill('[name="courses.1.outcomes"]', 'LO9');
    await page.click('form.ws button[type="submit"]');
    assert.match((await page.textContent('.error-summary')) ?? '', /LO9/, 'an outcome the programme lacks is refused, by name');
    assert.deepEqual(await axeViolations(page), []);
    await page.fill('[name="courses.1.outcomes"]', 'LO2, lo3');
    await page.click('form.ws button[type="submit"]');
    await page.waitForURL(/done=saved/);
    assert.match((await page.textContent('[role="status"]')) ?? '', /Changes saved/);
    const facts = (await page.textContent('main')) ?? '';
    assert.match(facts, /Innovative/);
    assert.match(facts, /Part-time/i);
    assert.match(facts, /DA201: Data analysis/);
    assert.deepEqual(await axeViolations(page), []);

    await page.click('form:has(input[name="action"][value="submit"]) button');
    await page.waitForURL(/done=submit/);
    assert.match((await page.textContent('[role="status"]')) ?? '', /submitted to the ministry/);
    assert.equal(await page.locator('text=Edit the passport').count(), 0, 'a submitted passport is no longer editable');
    await context.close();

    const saved = await stack.t.db.selectFrom('programmes').select(['programme_type', 'study_forms', 'courses', 'status']).where('id', '=', programmeId).executeTakeFirstOrThrow();
    assert.equal(saved.programme_type, 'innovative');
    assert.deepEqual(saved.study_forms, ['part-time']);
    assert.equal(saved.status, 'submitted');
    assert.deepEqual((saved.courses as { outcomes: string[] }[])[1]?.outcomes, ['LO2', 'LO3']);
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the programme and its edit form have no axe violations, at 360 px and desktop`, async () => {
      const context = await signedInContext(stack, 'editor@delta.test', TEST_PASSWORD, { lang });
      const page = await context.newPage();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of [`/workspace/programmes/${otherDraftId}`, `/workspace/programmes/${otherDraftId}/edit`, '/workspace/programmes/new']) {
          await page.goto(`${stack.base}/${lang}${path}`);
          assert.deepEqual(await axeViolations(page), [], `${path} at ${width}px`);
        }
      }
      await context.close();
    });
  }
});

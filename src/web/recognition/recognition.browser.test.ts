// The recognition pages in a real browser: an applicant files a foreign diploma from the workspace
// form; the authority's page of a file shows its check and decision forms; the public certificate
// and its lookup. Axe finds nothing in kk, ru and en, at 360 px and desktop.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addUser } from '../../../test/helpers/factories.ts';
import { type Actor, systemActor } from '../../platform/access/roles.ts';
import { actorOfUser } from '../../platform/auth/auth.service.ts';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import * as service from '../../recognition/foreign-recognition.service.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;
const ids = {} as Record<'submitted' | 'decided', string>;
let certificate = '';

describe('recognition of foreign qualifications in the browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    const as = async (actor: Actor, work: (ctx: Ctx) => Promise<void>) => inTransaction({ ...stack.t.system, actor }, work);
    let applicant: Actor = systemActor();
    await inTransaction(stack.t.system, async (ctx) => {
      const a = await addUser(ctx, { email: 'applicant@example.kz', displayName: 'Aigerim Sadykova', role: 'learner' });
      await addUser(ctx, { email: 'enic@gov.kz', role: 'ministry' });
      applicant = await actorOfUser(ctx, a);
    });
    const body = {
      holderName: 'Aigerim Sadykova',
      track: 'higher' as const,
      countryCode: 'DE',
      qualificationTitle: 'Master of Science',
      documentLanguage: 'ru',
      awardedOn: '2024-07-15',
      foreignLevel: 7,
      requestedLevel: 7,
      purpose: 'Employment',
      institutionName: 'TU Beispielstadt',
    };
    await as(applicant, async (ctx) => {
      ids.submitted = (await service.createApplication(ctx, body)).id;
      ids.decided = (await service.createApplication(ctx, { ...body, qualificationTitle: 'Bachelor of Engineering' })).id;
    });
    // Files and steps straight in the database's service calls: documents need the file store, so the
    // decided one goes through with the apostille waived and a document row of the same content.
    for (const id of Object.values(ids)) {
      await stack.t.db.insertInto('files').values({ sha256: 'a'.repeat(64), size: 1, media_type: 'application/pdf', extension: 'pdf', created_by: null }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
      await stack.t.db.insertInto('foreign_recognition_documents').values({ application_id: id, kind: 'document', file_sha256: 'a'.repeat(64), file_name: 'diploma.pdf' }).execute();
      await as(applicant, async (ctx) => void (await service.submitApplication(ctx, id)));
    }
    await as(systemActor(), async (ctx) => {
      await service.checkFile(ctx, ids.decided, { complete: true, apostilleExempt: true });
      // An expert's opinion (the institution is not in DEQAR data, so the decision needs one).
      await ctx.db.updateTable('foreign_recognition_applications').set({ expert_opinion: 'Comparable in part.', expert_recommendation: 'substantial-difference' }).where('id', '=', ids.decided).execute();
      const decided = await service.decide(ctx, ids.decided, { outcome: 'substantial-difference', differenceKind: 'partial', recognizedLevel: 6, reasons: 'No research component.' });
      certificate = decided.decision?.certificateNumber ?? '';
    });
  });
  after(() => stack?.close());

  test('an applicant files a new application from the workspace form, and a wrong field is named', async () => {
    const context = await signedInContext(stack, 'applicant@example.kz', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/recognition/foreign`);
    await page.fill('#f-holderName', 'Aigerim Sadykova');
    await page.fill('#f-countryCode', 'Germany');
    await page.fill('#f-qualificationTitle', 'Diplom-Ingenieur');
    await page.fill('#f-documentLanguage', 'de');
    await page.fill('#f-awardedOn', '2020-06-30');
    await page.fill('#f-foreignLevel', '7');
    await page.fill('#f-requestedLevel', '7');
    await page.fill('#f-purpose', 'Further study');
    await page.fill('#f-institutionName', 'TU Beispielstadt');
    await page.click('button:has-text("Create the application")');
    assert.match((await page.textContent('.error-summary')) ?? '', /Country/);
    await page.fill('#f-countryCode', 'DE');
    await page.click('button:has-text("Create the application")');
    await page.waitForURL(/\/workspace\/recognition\/foreign\/[0-9a-f-]{36}\?done=1/);
    assert.match((await page.textContent('h1')) ?? '', /Diplom-Ingenieur/);
    assert.ok(await page.locator('form[enctype="multipart/form-data"]').count(), 'the applicant can upload files');
    await context.close();
  });

  test('the authority records a complete file from the page; the deadline appears', async () => {
    const context = await signedInContext(stack, 'enic@gov.kz', TEST_PASSWORD, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/en/workspace/recognition/foreign/${ids.submitted}`);
    await page.selectOption('#f-apostilleExempt', 'true');
    await page.click('button:has-text("Record the check")');
    await page.waitForURL(/done=1/);
    assert.match((await page.textContent('main')) ?? '', /Decision due by/);
    assert.ok(await page.locator('button:has-text("Record the decision")').count());
    await context.close();
  });

  for (const lang of LANGUAGES) {
    test(`${lang}: the workspace and public recognition pages have no axe violations, at 360 px and desktop`, async () => {
      for (const [email, paths] of [
        ['applicant@example.kz', ['/workspace/recognition/foreign', `/workspace/recognition/foreign/${ids.decided}`]],
        ['enic@gov.kz', [`/workspace/recognition/foreign/${ids.submitted}`, `/workspace/recognition/foreign/${ids.decided}`]],
      ] as const) {
        const context = await signedInContext(stack, email, TEST_PASSWORD, { lang });
        const page = await context.newPage();
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          for (const path of [...paths, '/recognition/certificates', `/recognition/certificates/${certificate}`]) {
            const response = await page.goto(`${stack.base}/${lang}${path}`);
            assert.equal(response?.status(), 200, path);
            assert.deepEqual(await axeViolations(page), [], `${path} at ${width}px`);
          }
        }
        await context.close();
      }
    });
  }
});

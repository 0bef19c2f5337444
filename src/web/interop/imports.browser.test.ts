// The workspace import pages in Chromium, without JavaScript: upload a qualifications file → the
// preview lists the bad row with its row, column and message and offers no commit → upload the
// corrected file → commit → the result page, and the record is found on the public search. Axe
// finds nothing on the upload and preview (with a problem) pages in kk, ru and en, at 360 px and
// desktop width, nor on the result page; the workspace home links to the imports page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, browserSkip, signedInContext, startBrowserStack } from '../../../test/helpers/browser.ts';
import { TEST_PASSWORD, addUser } from '../../../test/helpers/factories.ts';
import { silentLogger } from '../../../test/helpers/logger.ts';
import { JOBS } from '../../jobs.ts';
import { inTransaction } from '../../platform/context.ts';
import { startJobs, stopJobs } from '../../platform/jobs/jobs.ts';
import { csvLine } from '../../platform/tabular/write-cell.ts';

let stack: Awaited<ReturnType<typeof startBrowserStack>>;

const HEADER = ['Код квалификации', 'Name (Kazakh)', 'Name (Russian)', 'Kind', 'Уровень НРК'];
const file = (code: string, level: string) => ({
  name: 'qualifications.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from([HEADER, [`${code}-1`, 'Бірінші біліктілік', 'Первая квалификация', 'vet', '4'], [`${code}-2`, 'Екінші біліктілік', 'Вторая квалификация', 'vet', level]].map((r) => csvLine(r)).join('')),
});

async function upload(context: BrowserContext, base: string, lang: string, code: string, level: string) {
  const page = await context.newPage();
  await page.goto(`${base}/${lang}/workspace/imports`);
  await page.selectOption('select[name="register"]', 'qualifications');
  await page.setInputFiles('input[name="file"]', file(code, level));
  await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
  await page.waitForURL(/\/workspace\/imports\/[0-9a-f-]{36}$/);
  return page;
}

describe('the workspace import pages in a real browser', { skip: browserSkip }, () => {
  before(async () => {
    stack = await startBrowserStack();
    await startJobs({ jobs: JOBS, connectionString: stack.t.url, db: stack.t.db, log: silentLogger, pollingIntervalSeconds: 0.5 });
    await inTransaction(stack.t.system, (ctx) => addUser(ctx, { email: 'ministry@imports.test', displayName: 'Ministry Officer', role: 'ministry' }));
  });
  after(async () => {
    await stopJobs();
    await stack?.close();
  });

  test('bad row shown with row, column and message → corrected file → commit → the record is public', async () => {
    const context = await signedInContext(stack, 'ministry@imports.test', TEST_PASSWORD, { lang: 'ru' });
    const home = await context.newPage();
    await home.goto(`${stack.base}/ru/workspace`);
    await home.click('a[href="/ru/workspace/imports"]');
    assert.match(home.url(), /\/ru\/workspace\/imports$/);
    assert.ok(await home.locator('a[href="/api/imports/qualifications/template?lang=kk&format=xlsx"]').count());

    const bad = await upload(context, stack.base, 'ru', 'Q-BRW', 'одиннадцать');
    const problems = bad.locator('#error-summary tbody tr');
    assert.equal(await problems.count(), 1);
    assert.deepEqual(await problems.first().locator('th, td').allTextContents(), ['3', 'Уровень НРК', 'Строка 3, столбец «Уровень НРК»: Не целое число.']);
    assert.equal(await bad.locator('form[action$="/commit"]').count(), 0, 'no commit while the file has a problem');
    assert.deepEqual(await axeViolations(bad), []);

    // The corrected file, through the form on the preview page (the register already chosen).
    await bad.setInputFiles('input[name="file"]', file('Q-BRW', '5'));
    await bad.click('main form[enctype="multipart/form-data"] button[type="submit"]');
    await bad.waitForURL(/\/workspace\/imports\/[0-9a-f-]{36}$/);
    assert.equal(await bad.locator('#error-summary').count(), 0);
    await bad.click('form[action$="/commit"] button');
    await bad.waitForURL(/\/result$/);
    // The commit runs as a job: while it runs the page shows its progress and a link to look again.
    while ((await bad.locator('progress').count()) > 0) {
      assert.deepEqual(await axeViolations(bad), [], 'progress page');
      await bad.click('main a[href$="/result"]');
    }
    assert.match((await bad.textContent('[role="status"]')) ?? '', /qualifications\.csv/);
    assert.deepEqual(await axeViolations(bad), []);

    await bad.goto(`${stack.base}/ru/search?q=${encodeURIComponent('Вторая квалификация')}`);
    assert.match((await bad.textContent('main')) ?? '', /Вторая квалификация/);
    await context.close();
  });

  test('axe-clean upload and preview (with a problem) pages in kk, ru and en, at 360 px and desktop width', async () => {
    for (const width of [360, 1280]) {
      for (const lang of ['kk', 'ru', 'en']) {
        const context = await signedInContext(stack, 'ministry@imports.test', TEST_PASSWORD, { lang, width });
        const page = await context.newPage();
        await page.goto(`${stack.base}/${lang}/workspace/imports`);
        assert.deepEqual(await axeViolations(page), [], `${lang} ${width} upload`);
        const preview = await upload(context, stack.base, lang, `Q-${lang}${width}`, '12');
        assert.equal(await preview.locator('#error-summary tbody tr').count(), 1, `${lang} ${width}`);
        assert.deepEqual(await axeViolations(preview), [], `${lang} ${width} preview`);
        await context.close();
      }
    }
  });
});

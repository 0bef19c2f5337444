// The workspace import pages over HTTP: who sees them (and the link on the workspace home), the
// templates linked per register and language, an upload whose preview lists every problem with
// its row and column and offers no commit, a good upload committed once as a job whose progress the
// result page shows (a second click finds the same job and writes nothing more), a commit that fails
// because a record changed since the preview (its problems on the result page), an unreadable file and a missing file refused on the form, and an upload seen by
// its uploader only; the register's XLSX export uploaded back previews with nothing to write.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { JOBS } from '../../jobs.ts';
import { inTransaction } from '../../platform/context.ts';
import { startJobs, stopJobs } from '../../platform/jobs/jobs.ts';
import { csvLine } from '../../platform/tabular/write-cell.ts';
import { TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { silentLogger } from '../../../test/helpers/logger.ts';
import { escaped, sessions, text } from '../page-session.fixtures.ts';

let t: TestApp;
const { as, get } = sessions(() => t, TEST_PASSWORD);

const literal = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const csv = (rows: string[][]) => rows.map((r) => csvLine(r)).join('');
const HEADER = ['Qualification code', 'Name (Kazakh)', 'Name (Russian)', 'Kind', 'NQF level'];

async function uploadFile(email: string, register: string, content: string | Uint8Array, name = 'file.csv') {
  const form = new FormData();
  form.set('register', register);
  if (content !== '') form.set('file', new File([typeof content === 'string' ? content : Buffer.from(content)], name, { type: 'text/csv' }));
  return t.app.request('/en/workspace/imports', { method: 'POST', body: form, headers: { cookie: await as(email) } });
}

async function post(path: string, email: string) {
  return t.app.request(path, { method: 'POST', headers: { cookie: await as(email) } });
}

/** The result page once the commit's job has finished (the page says so without a refresh of its own). */
async function finishedResult(location: string, email: string) {
  for (;;) {
    const result = await get(`${location}/result`, email);
    if (!/<progress /.test(result.html)) return result;
    assert.match(result.html, literal(`href="${location}/result"`), 'a running commit links to its progress');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('workspace import pages', () => {
  before(async () => {
    t = await createTestApp();
    await startJobs({ jobs: JOBS, connectionString: t.url, db: t.db, log: silentLogger, pollingIntervalSeconds: 0.5 });
    await inTransaction(t.system, async (ctx) => {
      const org = await addOrganization(ctx, { kk: 'Дельта университеті', ru: 'Университет Дельта', en: 'Delta University' });
      await addUser(ctx, { email: 'ministry@pages.test', role: 'ministry' });
      await addUser(ctx, { email: 'other@pages.test', role: 'ministry' });
      await addUser(ctx, { email: 'editor@pages.test', role: 'org-editor', organizationId: org });
      await addUser(ctx, { email: 'editor2@pages.test', role: 'org-editor', organizationId: org });
      await addUser(ctx, { email: 'learner@pages.test', role: 'learner' });
    });
  });
  after(async () => {
    await stopJobs();
    await t?.close();
  });

  test('the page, its link and its templates are for those who may import, each register they may', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const home = await get(`/${lang}/workspace`, 'ministry@pages.test');
      assert.match(home.html, literal(`href="/${lang}/workspace/imports">${escaped(text(lang, 'ui.imports.link'))}`));
      const page = await get(`/${lang}/workspace/imports`, 'ministry@pages.test');
      assert.equal(page.status, 200);
      assert.match(page.html, /enctype="multipart\/form-data"/);
      for (const register of ['organizations', 'licences', 'qualifications', 'occupational-standards', 'certification-centres']) {
        assert.match(page.html, new RegExp(`href="/api/imports/${register}/template\\?lang=kk&amp;format=csv"`), register);
      }
    }
    const editor = await get('/en/workspace/imports', 'editor@pages.test');
    assert.match(editor.html, /<option value="programmes"/);
    assert.doesNotMatch(editor.html, /<option value="qualifications"/);
    assert.equal((await get('/en/workspace/imports', 'learner@pages.test')).status, 403);
    assert.doesNotMatch((await get('/en/workspace', 'learner@pages.test')).html, /workspace\/imports/);
    const anonymous = await t.app.request('/en/workspace/imports');
    assert.equal(anonymous.status, 303);
  });

  test('a file with problems: every problem with row and column, nothing stored, no commit', async () => {
    const bad = csv([HEADER, ['Q-PG-1', 'Бір', 'Один', 'vet', '4'], ['Q-PG-2', 'Екі', 'Два', 'vet', 'x'], ['Q-PG-3', 'Үш', 'Три', 'nonsense', '12']]);
    const res = await uploadFile('ministry@pages.test', 'qualifications', bad);
    assert.equal(res.status, 303);
    const preview = await get(res.headers.get('location') as string, 'ministry@pages.test');
    assert.equal(preview.status, 200);
    assert.match(preview.html, /Row 3, column “NQF level”: Not a whole number\./);
    assert.match(preview.html, /Row 4, column “Kind”/);
    assert.match(preview.html, /Row 4, column “NQF level”/);
    assert.doesNotMatch(preview.html, /action="[^"]*\/commit"/);
    const stored = await t.db.selectFrom('qualifications').select('id').where('code', 'like', 'Q-PG-%').execute();
    assert.equal(stored.length, 0);
  });

  test('a good file: preview, commit once (a second click writes nothing), result; only its uploader sees it', async () => {
    const good = csv([HEADER, ['Q-OK-1', 'Бір', 'Один', 'vet', '4'], ['Q-OK-2', 'Екі', 'Два', 'vet', '5']]);
    const location = (await uploadFile('ministry@pages.test', 'qualifications', Buffer.from(good))).headers.get('location') as string;
    const preview = await get(location, 'ministry@pages.test');
    assert.match(preview.html, new RegExp(`action="${location}/commit"`));
    assert.equal((await get(location, 'other@pages.test')).status, 404);
    const malformed = (await get('/en/workspace/imports/not-an-id', 'ministry@pages.test')).status;
    assert.ok(malformed >= 400 && malformed < 500, String(malformed));
    assert.equal((await post(`${location}/commit`, 'other@pages.test')).status, 404);
    const committed = await post(`${location}/commit`, 'ministry@pages.test');
    assert.equal(committed.status, 303);
    assert.equal(committed.headers.get('location'), `${location}/result`);
    const again = await post(`${location}/commit`, 'ministry@pages.test');
    assert.equal(again.status, 303);
    assert.equal((await get(`${location}/result`, 'other@pages.test')).status, 404);
    const result = await finishedResult(location, 'ministry@pages.test');
    assert.equal(result.status, 200);
    assert.match(result.html, literal(`<h1>${escaped(text('en', 'ui.imports.resultTitle'))}</h1>`));
    assert.match(result.html, /role="status"/);
    assert.match(result.html, /href="\/en\/qualifications"/);
    const stored = await t.db.selectFrom('qualifications').select('id').where('code', 'like', 'Q-OK-%').execute();
    assert.equal(stored.length, 2);
    const versions = await t.db.selectFrom('record_versions').select('version').where('entity_type', '=', 'qualification').where('entity_id', 'in', stored.map((s) => s.id)).execute();
    assert.equal(versions.length, 2, 'the second click stored no new version');
    assert.equal((await t.db.selectFrom('import_jobs').select('id').where('register', '=', 'qualifications').where('total', '=', 2).execute()).length, 1, 'one job for two clicks');
    // The register's XLSX export, uploaded back: read, nothing to create or update, no commit needed.
    const xlsx = new Uint8Array(await (await t.app.request('/api/exports/qualifications?format=xlsx&lang=kk')).arrayBuffer());
    const back = await uploadFile('ministry@pages.test', 'qualifications', xlsx, 'qualifications.xlsx');
    const roundTrip = await get(back.headers.get('location') as string, 'ministry@pages.test');
    assert.equal(roundTrip.status, 200);
    assert.doesNotMatch(roundTrip.html, /id="error-summary"/);
    assert.match(roundTrip.html, /<dt>To create<\/dt><dd>0<\/dd><dt>To update<\/dt><dd>0<\/dd>/);
  });

  test('while the commit waits or runs, the result page shows rows done of total in each language, then the outcome', async () => {
    // A runner that queues but does not work: the commit waits.
    await stopJobs();
    await startJobs({ jobs: JOBS, connectionString: t.url, db: t.db, log: silentLogger, work: false });
    const location = (await uploadFile('ministry@pages.test', 'qualifications', Buffer.from(csv([HEADER, ['Q-WAIT-1', 'Бір', 'Один', 'vet', '4']])))).headers.get('location') as string;
    assert.equal((await post(`${location}/commit`, 'ministry@pages.test')).status, 303);
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const waiting = await get(`${location.replace('/en/', `/${lang}/`)}/result`, 'ministry@pages.test');
      assert.equal(waiting.status, 200);
      assert.match(waiting.html, literal(`<h1>${escaped(text(lang, 'ui.imports.runningTitle'))}</h1>`));
      assert.match(waiting.html, /<progress id="commit-progress" max="1" value="0">/);
      assert.match(waiting.html, literal(escaped(text(lang, 'ui.imports.checkAgain'))));
    }
    assert.equal((await t.db.selectFrom('qualifications').select('id').where('code', '=', 'Q-WAIT-1').execute()).length, 0);
    await stopJobs();
    await startJobs({ jobs: JOBS, connectionString: t.url, db: t.db, log: silentLogger, pollingIntervalSeconds: 0.5 });
    assert.match((await finishedResult(location, 'ministry@pages.test')).html, literal(`<h1>${escaped(text('en', 'ui.imports.resultTitle'))}</h1>`));
  });

  test('a commit whose rows changed since the preview fails on the result page with every problem, storing nothing', async () => {
    // Files name an organization by its BIN (the factory's organization has none yet).
    const bin = '990140000181';
    await t.db.updateTable('organizations').set({ bin }).where('name_en', '=', 'Delta University').execute();
    const header = ['Organization (BIN or key)', 'Programme code', 'Name (Kazakh)', 'Name (Russian)', 'Field of education code', 'Direction code', 'NQF level', 'Degree', 'Credits (ECTS)', 'Languages of instruction'];
    const row = (code: string, name: string) => [bin, code, name, name, '06', '061', '6', 'bachelor', '240', 'kk; ru'];
    const rows = csv([header, row('6B06181', 'Жарыс бір'), row('6B06182', 'Жарыс екі')]);
    const uploaded = await uploadFile('editor@pages.test', 'programmes', Buffer.from(rows));
    assert.equal(uploaded.status, 303, await uploaded.clone().text());
    const location = uploaded.headers.get('location') as string;
    assert.match((await get(location, 'editor@pages.test')).html, new RegExp(`action="${location}/commit"`));
    // Between the preview and the commit another file stores a programme of that name at that level.
    const other = (await uploadFile('editor2@pages.test', 'programmes', Buffer.from(csv([header, row('6B06189', 'Жарыс екі')])))).headers.get('location') as string;
    await post(`${other}/commit`, 'editor2@pages.test');
    assert.match((await finishedResult(other, 'editor2@pages.test')).html, /role="status"/);
    const committed = await post(`${location}/commit`, 'editor@pages.test');
    assert.equal(committed.headers.get('location'), `${location}/result`);
    const result = await finishedResult(location, 'editor@pages.test');
    assert.match(result.html, literal(`<h1>${escaped(text('en', 'ui.imports.failedTitle'))}</h1>`));
    assert.match(result.html, /id="error-summary"/);
    assert.match(result.html, /<th scope="row">3<\/th>/, 'the problem names the row of the file');
    assert.equal((await t.db.selectFrom('programmes').select('id').where('code', '=', '6B06181').execute()).length, 0, 'nothing stored');
  });

  test('no file, an unreadable file and a register the person may not import into are refused on the form', async () => {
    const none = await uploadFile('ministry@pages.test', 'qualifications', '');
    assert.equal(none.status, 422);
    assert.match(await none.text(), literal(escaped(text('en', 'errors.interop.noFile'))));
    const notMine = await uploadFile('editor@pages.test', 'qualifications', csv([HEADER]));
    assert.equal(notMine.status, 422);
    const headerOnly = await uploadFile('ministry@pages.test', 'qualifications', csv([HEADER]));
    const preview = await get(headerOnly.headers.get('location') as string, 'ministry@pages.test');
    assert.equal(preview.status, 422);
    assert.match(preview.html, literal(escaped(text('en', 'errors.interop.emptyFile'))));
  });

  test('a file over the ordinary body limit (1 MB) is taken as an upload, by the page and by the API', async () => {
    // One row and a long notes column the importer ignores: a big file that previews quickly.
    const big = csv([[...HEADER, 'Notes'], ['Q-BIG-1', 'Бір', 'Один', 'vet', '4', 'x'.repeat(1_200_000)]]);
    const page = await uploadFile('ministry@pages.test', 'qualifications', big);
    assert.equal(page.status, 303);
    const token = await t.tokenFor('ministry');
    const api = await t.app.request('/api/imports/qualifications', { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body: big });
    assert.equal(api.status, 200);
    assert.equal((await api.json()).create, 1);
  });
});

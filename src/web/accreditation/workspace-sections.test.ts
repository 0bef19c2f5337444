import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { samplePdf, sampleText } from '../../../test/helpers/sample-files.ts';
import { settings, useSettings } from '../../platform/settings.ts';
import { escaped, postForm, sessions, text } from '../page-session.fixtures.ts';
import { accreditationFixture, type Fixture, PASSWORD } from './workspace-fixtures.ts';

let t: TestApp;
let f: Fixture;
let dir: string;
let firstStandard: string;
const form = (path: string, fields: Record<string, string>, cookie: string) => postForm(t, path, fields, cookie);
const { as, get } = sessions(() => t, PASSWORD);

before(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sapa-ws-acc-'));
  useSettings({ ...settings(), FILES_DIR: dir, MAX_UPLOAD_MB: 1 });
  f = await accreditationFixture(t);
  const set = await t.db.selectFrom('standard_sets').select('id').where('key', '=', 'kazsee-programme').executeTakeFirstOrThrow();
  firstStandard = (await t.db.selectFrom('standards').select('code').where('set_id', '=', set.id).orderBy('position').executeTakeFirstOrThrow()).code;
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the self-assessment report on the case page', () => {
  test('the organization starts a version, writes a section in kk, ru and en, and uploads evidence; a wrong file is refused with a localized error and nothing is stored', async () => {
    const base = `/kk/workspace/accreditation/cases/${f.cases.sar}`;
    const cookie = await as('admin@satbayev.test');
    const start = await get(base, 'admin@satbayev.test');
    assert.ok(start.html.includes(escaped(text('kk', 'ui.accreditationPages.sar.start'))));
    assert.equal((await form(`${base}/sar/versions`, {}, cookie)).status, 303);
    const saved = await form(
      `${base}/sar/sections`,
      { version: '1', code: firstStandard, kk: 'Қазақша мәтін', ru: 'Текст по-русски', en: 'Text in English' },
      cookie,
    );
    assert.equal(saved.status, 303);
    const page = await get(base, 'admin@satbayev.test');
    assert.ok(page.html.includes('Текст по-русски'));
    assert.ok(page.html.includes('enctype="multipart/form-data"'));

    const filesBefore = (await t.db.selectFrom('files').select('sha256').execute()).length;
    const wrong = new FormData();
    wrong.append('version', '1');
    wrong.append('file', new File([sampleText()], 'evidence.pdf', { type: 'application/pdf' }));
    const refused = await t.app.request(`${base}/sar/evidence`, { method: 'POST', headers: { cookie }, body: wrong });
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /id="f-evidence-file"[^>]*aria-describedby="f-evidence-file-error"/);
    assert.ok(html.includes(text('kk', 'errors.documents.fileTypeNotAllowed').split('{{')[0] as string));
    assert.equal((await t.db.selectFrom('files').select('sha256').execute()).length, filesBefore);

    const huge = new FormData();
    huge.append('version', '1');
    huge.append('file', new File([new Uint8Array(1_300_000)], 'huge.pdf', { type: 'application/pdf' }));
    const tooLarge = await t.app.request(`${base}/sar/evidence`, {
      method: 'POST',
      headers: { cookie, 'content-length': String((await new Response(huge).arrayBuffer()).byteLength) },
      body: huge,
    });
    assert.equal(tooLarge.status, 422);
    assert.ok((await tooLarge.text()).includes(text('kk', 'errors.documents.fileTooLarge').split('{{')[0] as string));
    assert.equal((await t.db.selectFrom('files').select('sha256').execute()).length, filesBefore);

    const right = new FormData();
    right.append('version', '1');
    right.append('section', firstStandard);
    right.append('title', 'Licence');
    right.append('file', new File([samplePdf('licence')], 'licence.pdf', { type: 'application/pdf' }));
    const stored = await t.app.request(`${base}/sar/evidence`, { method: 'POST', headers: { cookie }, body: right });
    assert.equal(stored.status, 303);
    assert.ok((await get(base, 'admin@satbayev.test')).html.includes('>Licence</a>'));
  });

  test("the body's staff do not see the organization's draft", async () => {
    const page = await get(`/en/workspace/accreditation/cases/${f.cases.sar}`, 'staff@kazsee.test');
    assert.equal(page.status, 200);
    assert.ok(!page.html.includes('Текст по-русски'));
  });
});

describe('the panel, the report and appeals on the case page', () => {
  test('the organization challenges a member in writing; a challenge without a reason is a field error', async () => {
    const base = `/ru/workspace/accreditation/cases/${f.cases.panel}`;
    const cookie = await as('admin@kaznpu.test');
    const page = await get(base, 'admin@kaznpu.test');
    const memberId = /name="memberId"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(page.html)?.[1];
    assert.ok(memberId, 'the challenge form lists the members');
    const missing = await form(`${base}/panel/challenges`, { memberId }, cookie);
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /id="f-challenge-reason"[^>]*aria-describedby="f-challenge-reason-error"/);
    assert.equal((await form(`${base}/panel/challenges`, { memberId, reason: 'Worked with our rector.' }, cookie)).status, 303);
    assert.ok((await get(base, 'admin@kaznpu.test')).html.includes('Worked with our rector.'));
  });

  test("the body's staff reject the challenge with reasons; the challenge shows as rejected", async () => {
    const base = `/en/workspace/accreditation/cases/${f.cases.panel}`;
    const page = await get(base, 'staff@kazsee.test');
    const challengeId = /\/panel\/challenges\/([0-9a-f-]{36})"/.exec(page.html)?.[1];
    assert.ok(challengeId, 'staff get a resolution form');
    const cookie = await as('staff@kazsee.test');
    const short = await form(`${base}/panel/challenges/${challengeId}`, { decision: 'reject', comment: 'No.' }, cookie);
    assert.equal(short.status, 422);
    assert.match(await short.text(), new RegExp(`id="f-resolve-${challengeId}-comment"[^>]*aria-describedby=`));
    const done = await form(`${base}/panel/challenges/${challengeId}`, { decision: 'reject', comment: 'The cooperation ended ten years ago.' }, cookie);
    assert.equal(done.status, 303);
    assert.ok((await get(base, 'admin@kaznpu.test')).html.includes(escaped(text('en', 'ui.accreditationPages.status.challenge.rejected'))));
  });

  test('a panel that breaks the composition rules is refused with every broken rule listed', async () => {
    const base = `/ru/workspace/accreditation/cases/${f.cases.sar}`;
    const page = await get(base, 'staff@kazsee.test');
    const expertId = /name="expert\.0"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(page.html)?.[1];
    assert.ok(expertId, 'the panel form lists the experts');
    const res = await form(`${base}/panel`, { 'expert.0': expertId, 'role.0': 'chair' }, await as('staff@kazsee.test'));
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.ok((html.match(/<li>/g) ?? []).length >= 3, 'several broken rules listed');
    assert.ok(html.includes('role="alert"'));
  });

  test('staff plan the visit (at least 2 days); the chair signs an opinion and the protocol', async () => {
    const base = `/en/workspace/accreditation/cases/${f.cases.panel}`;
    const staff = await as('staff@kazsee.test');
    const oneDay = await form(`${base}/visit/plan`, { mode: 'on-site', startsOn: '2026-12-01', endsOn: '2026-12-01' }, staff);
    assert.equal(oneDay.status, 422);
    assert.match(await oneDay.text(), /id="f-visit-endsOn"[^>]*aria-describedby="f-visit-endsOn-error"/);
    assert.equal((await form(`${base}/visit/plan`, { mode: 'hybrid', startsOn: '2026-12-01', endsOn: '2026-12-02' }, staff)).status, 303);
    const chair = await as('chair@experts.test');
    assert.equal((await form(`${base}/visit/opinions`, { text: 'The programme is well run and documented.' }, chair)).status, 303);
    assert.equal((await form(`${base}/visit/protocol`, { text: 'Protocol of the visit of 1–2 December.' }, chair)).status, 303);
    const page = await get(base, 'staff@kazsee.test');
    assert.ok(page.html.includes('Protocol of the visit of 1–2 December.'));
    assert.ok(page.html.includes('The programme is well run and documented.'));
  });

  test('the chair drafts the report with a grade per standard; the organization does not see the draft', async () => {
    await t.db.updateTable('accreditation_cases').set({ state: 'report-drafting' }).where('id', '=', f.cases.panel).execute();
    const base = `/en/workspace/accreditation/cases/${f.cases.panel}`;
    const page = await get(base, 'chair@experts.test');
    const codes = [...page.html.matchAll(/name="grade\.([^"]+)"/g)].map((m) => m[1] as string);
    assert.ok(codes.length > 1, 'one grade per standard');
    const cookie = await as('chair@experts.test');
    const partial = await form(`${base}/report/versions`, { [`grade.${codes[0]}`]: 'compliant', [`grade.${codes[1]}`]: '' }, cookie);
    assert.equal(partial.status, 422);
    const all = Object.fromEntries(
      codes.flatMap((c) => [
        [`grade.${c}`, 'with-recommendations'],
        [`findings.${c}`, `Drafted finding ${c}`],
      ]),
    );
    assert.equal((await form(`${base}/report/versions`, all, cookie)).status, 303);
    assert.ok((await get(base, 'chair@experts.test')).html.includes(`Drafted finding ${codes[0]}`));
    assert.ok((await get(base, 'staff@kazsee.test')).html.includes(`Drafted finding ${codes[0]}`));
    assert.ok(!(await get(base, 'admin@kaznpu.test')).html.includes('Drafted finding'));
  });

  test('an organization appeals a rejection in writing; the body head forms the commission and decides', async () => {
    await t.db.updateTable('accreditation_cases').set({ state: 'rejected', reject_reason: 'licence-missing' }).where('id', '=', f.cases.other).execute();
    const base = `/en/workspace/accreditation/cases/${f.cases.other}`;
    const org = await as('admin@enu.test');
    const noGrounds = await form(`${base}/appeals`, { subject: 'initial-review-rejection', signedBy: 'Rector', documentRef: 'No. 12' }, org);
    assert.equal(noGrounds.status, 422);
    assert.match(await noGrounds.text(), /id="f-appeal-grounds"[^>]*aria-describedby="f-appeal-grounds-error"/);
    const filed = await form(
      `${base}/appeals`,
      { subject: 'initial-review-rejection', signedBy: 'Rector', documentRef: 'No. 12', grounds: 'The licence was attached.' },
      org,
    );
    assert.equal(filed.status, 303);
    const head = await get(base, 'head@kazsee.test');
    assert.ok(head.html.includes('The licence was attached.'));
    const appealId = /action="\/en\/workspace\/accreditation\/cases\/[0-9a-f-]{36}\/appeals\/([0-9a-f-]{36})"/.exec(head.html)?.[1];
    assert.ok(appealId, 'the head gets a decision form');
    const decided = await form(
      `${base}/appeals/${appealId}`,
      { commission: 'A. Judge — chair\nB. Member — member', outcome: 'upheld', reason: 'The licence was on file.' },
      await as('head@kazsee.test'),
    );
    assert.equal(decided.status, 303);
    const after = await get(base, 'admin@enu.test');
    assert.ok(after.html.includes(escaped(text('en', 'ui.after.appealOutcome.upheld'))));
  });

  test('staff add a condition to a decision; the organization reports on it; staff accept the report', async () => {
    const base = `/en/workspace/accreditation/cases/${f.cases.decided}`;
    const staff = await as('staff@kazsee.test');
    const noTitle = await form(`${base}/follow-ups`, { kind: 'condition', dueOn: '2027-01-15' }, staff);
    assert.equal(noTitle.status, 422);
    assert.match(await noTitle.text(), /id="f-follow-up-title"[^>]*aria-describedby="f-follow-up-title-error"/);
    assert.equal((await form(`${base}/follow-ups`, { kind: 'condition', title: 'Update the curriculum', dueOn: '2027-01-15' }, staff)).status, 303);
    const orgPage = await get(base, 'admin@satbayev.test');
    assert.ok(orgPage.html.includes('Update the curriculum'));
    const itemId = /\/follow-ups\/([0-9a-f-]{36})"/.exec(orgPage.html)?.[1];
    assert.ok(itemId, 'the organization gets a form to report');
    assert.equal((await form(`${base}/follow-ups/${itemId}`, { text: 'Curriculum updated in September.' }, await as('admin@satbayev.test'))).status, 303);
    assert.equal((await form(`${base}/follow-ups/${itemId}`, { result: 'accepted' }, staff)).status, 303);
    assert.ok((await get(base, 'admin@satbayev.test')).html.includes(escaped(text('en', 'ui.accreditationPages.status.followUp.accepted'))));
  });
});

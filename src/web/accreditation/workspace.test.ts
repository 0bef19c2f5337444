import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import { escaped, postForm, sessions, text } from '../page-session.fixtures.ts';
import { accreditationFixture, type Fixture, PASSWORD } from './workspace-fixtures.ts';

let t: TestApp;
let f: Fixture;
const form = (path: string, fields: Record<string, string | string[]>, cookie?: string) => postForm(t, path, fields, cookie);
const { as, get } = sessions(() => t, PASSWORD);

before(async () => {
  t = await createTestApp();
  f = await accreditationFixture(t);
});
after(() => t.close());

describe('the accreditation case lists', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: an organization sees its own cases and the application form, never another organization's case`, async () => {
      const { status, html } = await get(`/${lang}/workspace/accreditation`, 'admin@satbayev.test');
      assert.equal(status, 200);
      assert.match(html, new RegExp(`<html lang="${lang}"`));
      assert.ok(html.includes(f.numbers.council));
      assert.ok(!html.includes(f.numbers.other));
      assert.ok(html.includes(escaped(text(lang, 'ui.accreditationPages.apply.submit'))));
      assert.ok(html.includes(escaped(text(lang, 'ui.case.states.council-scheduled'))));
    });

    test(`${lang}: the body's staff see every case of the body with its state and nearest deadline`, async () => {
      const { status, html } = await get(`/${lang}/workspace/accreditation`, 'staff@kazsee.test');
      assert.equal(status, 200);
      for (const n of Object.values(f.numbers)) assert.ok(html.includes(n), n);
      assert.ok(html.includes(escaped(text(lang, 'ui.accreditationPages.case.nearestDeadline'))));
      const councilRow = html.split(f.numbers.council)[1]?.split('</tr>')[0] ?? '';
      assert.ok(councilRow.includes(escaped(text(lang, 'ui.case.deadlines.overdue'))), 'the overdue deadline is flagged');
      assert.ok(html.includes(escaped(text(lang, 'ui.accreditationPages.list.meetings'))));
    });
  }

  test('an expert sees only the cases of their panels', async () => {
    const chair = await get('/en/workspace/accreditation', 'chair@experts.test');
    assert.equal(chair.status, 200);
    assert.ok(chair.html.includes(f.numbers.council));
    assert.ok(!chair.html.includes(f.numbers.other));
    const outsider = await get('/en/workspace/accreditation', 'outsider@experts.test');
    assert.ok(!outsider.html.includes(f.numbers.council));
  });

  test('a council member sees the meetings; the body head sees the decisions to approve; the ministry sees all cases and Register 1', async () => {
    const member = await get('/ru/workspace/accreditation', 'member@council.test');
    assert.ok(member.html.includes(`/ru/workspace/accreditation/council/${f.meetingId}`));
    const meeting = await get(`/ru/workspace/accreditation/council/${f.meetingId}`, 'member@council.test');
    assert.ok(meeting.html.includes(`/ru/workspace/accreditation/cases/${f.cases.council}`), 'the agenda links the case');
    const decided = await get(`/ru/workspace/accreditation/cases/${f.cases.council}`, 'member@council.test');
    assert.equal(decided.status, 200, 'a council member of the body reads the case it decides on');
    const head = await get('/en/workspace/accreditation', 'head@kazsee.test');
    const approvals = head.html.split(escaped(text('en', 'ui.accreditationPages.list.toApprove')))[2] ?? '';
    assert.ok(approvals.split('<h3')[0]?.includes(f.numbers.toApprove), 'the council-decided case is listed for approval');
    const ministry = await get('/kk/workspace/accreditation', 'ministry@edu.test');
    for (const n of Object.values(f.numbers)) assert.ok(ministry.html.includes(n), n);
    assert.ok(ministry.html.includes(escaped(text('kk', 'ui.accreditationPages.list.registerOne'))));
    const overdue = ministry.html.split(escaped(text('kk', 'ui.accreditationPages.list.overdue')))[2]?.split('<h3')[0] ?? '';
    assert.ok(overdue.includes(f.numbers.council) && !overdue.includes(f.numbers.other), 'only the overdue case is in the overdue list');
  });

  test('anonymous visitors are sent to sign in', async () => {
    const res = await t.app.request('/en/workspace/accreditation');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/sign-in?next=%2Fworkspace%2Faccreditation', 'and come back after signing in');
  });
});

describe('the case page', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: staff see the case's facts, the report grades, the panel and the history`, async () => {
      const { status, html } = await get(`/${lang}/workspace/accreditation/cases/${f.cases.council}`, 'staff@kazsee.test');
      assert.equal(status, 200);
      assert.ok(html.includes(f.numbers.council));
      // The standard set by its title and version, not its key (issue 11: words, not codes).
      assert.ok(!html.includes('kazsee-programme'));
      assert.ok(html.includes(escaped(text(lang, 'ui.portal.versionNumber').replace('{{version}}', '1'))));
      assert.ok(html.includes(escaped(text(lang, 'ui.panel.grade.compliant'))));
      assert.ok(html.includes('Aigerim Chair'));
      assert.ok(html.includes(escaped(text(lang, 'ui.accreditationPages.case.history'))));
      assert.ok(html.includes(escaped(text(lang, 'ui.after.reason.all-compliant'))), "the decision rule's proposal is shown");
      assert.ok(html.includes(escaped(text(lang, 'ui.case.deadlines.overdue'))));
    });
  }

  test('the organization does not see the draft report before the factual check; the panel it does see', async () => {
    const { status, html } = await get(`/en/workspace/accreditation/cases/${f.cases.council}`, 'admin@satbayev.test');
    assert.equal(status, 200);
    assert.ok(!html.includes('Findings on'), 'no grades');
    assert.ok(!html.includes(escaped(text('en', 'ui.accreditationPages.report.title'))));
    assert.ok(html.includes('Aigerim Chair'));
  });

  test("another organization's case is a 404 page; an expert not on the panel gets 404 too", async () => {
    const other = await get(`/en/workspace/accreditation/cases/${f.cases.other}`, 'admin@satbayev.test');
    assert.equal(other.status, 404);
    assert.ok(!other.html.includes(f.numbers.other));
    const outsider = await get(`/ru/workspace/accreditation/cases/${f.cases.council}`, 'outsider@experts.test');
    assert.equal(outsider.status, 404);
    const chair = await get(`/en/workspace/accreditation/cases/${f.cases.council}`, 'chair@experts.test');
    assert.equal(chair.status, 200);
  });

  test('staff at the initial review get the reject form with the 4 reasons; a reject without a reason is a localized field error', async () => {
    const page = await get(`/en/workspace/accreditation/cases/${f.cases.other}`, 'staff@kazsee.test');
    assert.equal(page.status, 200);
    for (const r of ['application-form-incorrect', 'not-in-classifier', 'licence-missing', 'no-website-information'])
      assert.ok(page.html.includes(`value="${r}"`), r);
    const refused = await form(`/ru/workspace/accreditation/cases/${f.cases.other}/actions`, { action: 'reject' }, await as('staff@kazsee.test'));
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /id="f-action-reject-rejectReason"[^>]*aria-describedby="f-action-reject-rejectReason-error"/);
    assert.ok(html.includes(escaped(text('ru', 'errors.field.required'))));
    const done = await form(
      `/en/workspace/accreditation/cases/${f.cases.other}/actions`,
      { action: 'reject', rejectReason: 'licence-missing' },
      await as('staff@kazsee.test'),
    );
    assert.equal(done.status, 303);
    const after = await get(`/en/workspace/accreditation/cases/${f.cases.other}`, 'staff@kazsee.test');
    assert.ok(after.html.includes(escaped(text('en', 'ui.case.states.rejected'))));
    assert.ok(after.html.includes(escaped(text('en', 'ui.case.rejectReasons.licence-missing'))));
  });

  test('an action the state does not allow re-renders the page with 409 and the allowed steps', async () => {
    const res = await form(`/en/workspace/accreditation/cases/${f.cases.toApprove}/actions`, { action: 'register' }, await as('staff@kazsee.test'));
    assert.equal(res.status, 409);
    assert.match(await res.text(), /role="alert"/);
  });

  test('the application form lists every refusal next to its field', async () => {
    const res = await form(
      '/kk/workspace/accreditation/apply',
      { organizationId: f.orgs.satbayev, bodyId: '', kind: 'programme' },
      await as('admin@satbayev.test'),
    );
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /id="f-bodyId"[^>]*aria-describedby="f-bodyId-error"/);
    assert.ok(html.includes(escaped(text('kk', 'errors.field.required'))));
  });
});

describe('the council meeting page', () => {
  test('a member votes once and sees the vote recorded; a conflicted member sees the recusal notice, no form and no tally', async () => {
    const path = `/en/workspace/accreditation/council/${f.meetingId}`;
    const before = await get(path, 'member@council.test');
    assert.equal(before.status, 200);
    assert.ok(before.html.includes('name="choice"'));
    const empty = await form(`${path}/votes`, { caseId: f.cases.council }, await as('member@council.test'));
    assert.equal(empty.status, 422);
    assert.ok((await empty.text()).includes(escaped(text('en', 'ui.accreditationPages.council.chooseOne'))));
    // The vote form asks first: posting it without the confirmation records nothing.
    const unconfirmed = await form(`${path}/votes`, { caseId: f.cases.council, choice: 'for' }, await as('member@council.test'));
    assert.equal(unconfirmed.status, 303);
    assert.equal(unconfirmed.headers.get('location'), `${path}/confirm-vote?caseId=${f.cases.council}&choice=for`);
    assert.ok((await get(path, 'member@council.test')).html.includes('name="choice"'), 'no vote recorded yet');
    const ru = await get(`/ru/workspace/accreditation/council/${f.meetingId}/confirm-vote?caseId=${f.cases.council}&choice=for`, 'member@council.test');
    assert.equal(ru.status, 200);
    assert.ok(ru.html.includes(escaped(text('ru', 'ui.confirm.vote').replace('{{choice}}', text('ru', 'ui.panel.vote.for')).replace('{{number}}', f.numbers.council))));
    assert.match(ru.html, /name="confirmed" value="yes"/);
    const voted = await form(`${path}/votes`, { caseId: f.cases.council, choice: 'for', confirmed: 'yes' }, await as('member@council.test'));
    assert.equal(voted.status, 303);
    const done = await get(voted.headers.get('location') ?? '', 'member@council.test');
    assert.ok(done.html.includes(escaped(text('en', 'ui.confirm.done.vote').replace('{{choice}}', text('en', 'ui.panel.vote.for')).replace('{{number}}', f.numbers.council))));
    assert.ok(done.html.includes(`href="/en/workspace"`), 'the next step: what else waits');
    const afterVote = await get(path, 'member@council.test');
    assert.ok(afterVote.html.includes(escaped(text('en', 'ui.accreditationPages.council.yourVote').replace('{{choice}}', text('en', 'ui.panel.vote.for')))));
    assert.ok(!afterVote.html.includes('name="choice"'));

    const recused = await get(path, 'conflicted@council.test');
    assert.equal(recused.status, 200);
    assert.ok(recused.html.includes(escaped(text('en', 'ui.accreditationPages.council.recused'))));
    assert.ok(!recused.html.includes('name="choice"'));
    assert.ok(!recused.html.includes('class="tally"'));
    const refused = await form(`${path}/votes`, { caseId: f.cases.council, choice: 'against', confirmed: 'yes' }, await as('conflicted@council.test'));
    assert.equal(refused.status, 403);
  });

  test('a member declares a conflict and is recused from then on; staff record the meeting as held', async () => {
    const path = `/kk/workspace/accreditation/council/${f.meetingId}`;
    const member = await as('member@council.test');
    const empty = await form(`${path}/conflicts`, { organizationId: f.orgs.satbayev }, member);
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /id="f-declare-reason"[^>]*aria-describedby="f-declare-reason-error"/);
    assert.equal((await form(`${path}/conflicts`, { organizationId: f.orgs.satbayev, reason: 'My brother was appointed rector.' }, member)).status, 303);
    assert.ok((await get(path, 'member@council.test')).html.includes(escaped(text('kk', 'ui.accreditationPages.council.recused'))));
    assert.equal((await form(`${path}/status`, { status: 'held' }, member)).status, 403);
    assert.equal((await form(`${path}/status`, { status: 'held' }, await as('staff@kazsee.test'))).status, 303);
    assert.ok((await get(path, 'staff@kazsee.test')).html.includes(escaped(text('kk', 'ui.accreditationPages.council.status.held'))));
  });

  test('after the vote, staff record the decision on the case page and the body head approves it', async () => {
    const base = `/en/workspace/accreditation/cases/${f.cases.council}`;
    const staff = await as('staff@kazsee.test');
    const page = await get(base, 'staff@kazsee.test');
    assert.ok(page.html.includes('name="outcome"'), 'the decide form asks for the outcome');
    const noTerm = await form(`${base}/actions`, { action: 'decide', outcome: 'accredited' }, staff);
    assert.equal(noTerm.status, 422);
    assert.match(await noTerm.text(), /id="f-action-decide-termYears"[^>]*aria-describedby="f-action-decide-termYears-error"/);
    // Posting the decide form without its confirmation decides nothing: it goes to the confirmation page.
    const unconfirmed = await form(`${base}/actions`, { action: 'decide', outcome: 'accredited', termYears: '5' }, staff);
    assert.equal(unconfirmed.status, 303);
    assert.equal(unconfirmed.headers.get('location'), `${base}/confirm/decide?outcome=accredited&termYears=5`);
    const state = async () => (await t.db.selectFrom('accreditation_cases').select('state').where('id', '=', f.cases.council).executeTakeFirstOrThrow()).state;
    assert.equal(await state(), 'council-scheduled');
    for (const lang of LANGUAGES) {
      const confirm = await get(`/${lang}/workspace/accreditation/cases/${f.cases.council}/confirm/decide?outcome=accredited&termYears=5`, 'staff@kazsee.test');
      assert.equal(confirm.status, 200, lang);
      const says = text(lang, 'ui.confirm.decide').split('{{number}}')[0] ?? '';
      assert.ok(confirm.html.includes(escaped(says)), `${lang}: says what will happen`);
      assert.ok(confirm.html.includes(f.numbers.council));
      assert.match(confirm.html, /name="confirmed" value="yes"/);
      assert.match(confirm.html, /name="termYears" value="5"/);
    }
    const noTermConfirm = await get(`${base}/confirm/decide?outcome=accredited`, 'staff@kazsee.test');
    assert.equal(noTermConfirm.status, 422, 'the confirmation page shows the form again with what is missing');
    assert.equal(await state(), 'council-scheduled');
    const decided = await form(`${base}/actions`, { action: 'decide', outcome: 'accredited', termYears: '5', confirmed: 'yes' }, staff);
    assert.equal(decided.status, 303, await decided.text());
    assert.equal(await state(), 'council-decided');
    const done = await get(decided.headers.get('location') ?? '', 'staff@kazsee.test');
    assert.ok(done.html.includes(escaped(text('en', 'ui.confirm.done.decide').replace('{{number}}', f.numbers.council).replace('{{outcome}}', text('en', 'ui.accreditationPages.outcome.accredited')))));
    assert.ok(done.html.includes(escaped(text('en', 'ui.confirm.nextCases'))));
    const head = await get(base, 'head@kazsee.test');
    assert.ok(head.html.includes(escaped(text('en', 'ui.case.actions.approve'))));
    assert.equal((await form(`${base}/actions`, { action: 'approve' }, await as('head@kazsee.test'))).status, 303);
    assert.ok((await get(base, 'admin@satbayev.test')).html.includes(escaped(text('en', 'ui.case.states.approved'))));
  });

  test('a malformed id in the path or in the conflict form is a 4xx, never a 500', async () => {
    const bad = '-'.repeat(36);
    assert.equal((await get(`/en/workspace/accreditation/council/${bad}`, 'staff@kazsee.test')).status, 404);
    assert.equal((await get(`/en/workspace/accreditation/cases/${bad}`, 'staff@kazsee.test')).status, 404);
    const path = `/en/workspace/accreditation/council/${f.meetingId}/conflicts`;
    const res = await form(path, { organizationId: 'not-a-uuid', reason: 'My cousin teaches there.' }, await as('member@council.test'));
    assert.equal(res.status, 422);
  });

  test('malformed values in case forms are field errors (4xx), never a 500', async () => {
    const base = (id: string) => `/en/workspace/accreditation/cases/${id}`;
    const staff = await as('staff@kazsee.test');
    const admin = await as('admin@satbayev.test');
    const sent = [
      await form(`${base(f.cases.council)}/council`, { meetsOn: 'soon', proposedOutcome: 'accredited', proposedTermYears: '5' }, staff),
      await form(`${base(f.cases.sar)}/sar/submit`, { version: 'latest' }, admin),
      await form(`${base(f.cases.sar)}/sar/submit`, { version: '99999999999' }, admin),
      await form(`${base(f.cases.sar)}/sar/sections`, { version: 'x', code: '1', kk: 'a' }, admin),
      await form(`${base(f.cases.panel)}/panel/challenges`, { memberId: 'nobody', reason: 'A long enough written reason.' }, await as('admin@kaznpu.test')),
    ];
    assert.deepEqual(sent.map((r) => r.status >= 400 && r.status < 500), [true, true, true, true, true], sent.map((r) => r.status).join(","));
    // A grade outside the four of PRODUCT §3.3 would otherwise be stored and read as "compliant" by the decision rule.
    const standard = await t.db
      .selectFrom('standards as s')
      .innerJoin('standard_sets as ss', 'ss.id', 's.set_id')
      .select('s.code')
      .where('ss.key', '=', 'kazsee-programme')
      .where('s.parent_code', 'is', null)
      .executeTakeFirstOrThrow();
    const bogus = await form(`${base(f.cases.panel)}/report/versions`, { [`grade.${standard.code}`]: 'excellent' }, staff);
    assert.equal(bogus.status, 422);
    const stored = await t.db.selectFrom('panel_reports').select('id').where('case_id', '=', f.cases.panel).execute();
    assert.equal(stored.length, 0);
    // An appeal outcome outside upheld / partially-upheld / rejected must not be taken as "upheld".
    const filed = await t.json('POST', '/api/accreditation/appeals', {
      token: await t.tokenFor('org-admin', f.orgs.satbayev),
      body: { caseId: f.cases.decided, kind: 'complaint', subject: 'service', form: 'written', signedBy: 'Rector', documentRef: 'No 1', grounds: 'Slow answers.' },
    });
    assert.equal(filed.status, 201);
    const head = await as('head@kazsee.test');
    const odd = await form(`${base(f.cases.decided)}/appeals/${filed.body.id}`, { commission: 'A. Chair — chair', outcome: 'maybe', reason: 'x' }, head);
    assert.equal(odd.status, 422);
    const appeal = await t.db.selectFrom('accreditation_appeals').select('status').where('id', '=', filed.body.id).executeTakeFirstOrThrow();
    assert.equal(appeal.status, 'logged');
  });

  test('an organization cannot open the meeting', async () => {
    const res = await get(`/en/workspace/accreditation/council/${f.meetingId}`, 'admin@satbayev.test');
    assert.equal(res.status, 403);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { bachelorIctPassport } from '../../test/helpers/factories.ts';
import { createUser, issueApiToken } from '../platform/auth/auth.service.ts';
import { inTransaction } from '../platform/context.ts';
import { acceptWorkingInternalQa } from './after.fixtures.ts';
import { caseFactSources } from './case.service.ts';
import { panelFacts } from './panel.facts.ts';
import { sarFacts } from './sar.facts.ts';

let t: TestApp;
const ids = {} as Record<'kazsee' | 'naar' | 'satbayev' | 'kaznu' | 'programme', string>;
const tok = {} as Record<'ministry' | 'adminA' | 'editorA' | 'adminB' | 'staffK' | 'headK' | 'staffN' | 'expert', string>;
let coordinatorId: string;
let conflictedStaffId: string;

async function orgId(key: string) {
  const row = await t.db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

async function user(email: string, roles: { role: 'agency-staff' | 'org-admin' | 'expert'; organizationId: string | null }[]) {
  return inTransaction(t.system, async (ctx) => {
    const { id } = await createUser(ctx, { email, displayName: email, password: 'correct horse battery', roles });
    return { id, token: (await issueApiToken(ctx, id, 'test')).token };
  });
}

const passport = (code: string, over: Record<string, unknown> = {}) => ({
  organizationId: ids.satbayev,
  code,
  name: { kk: `Бағдарлама ${code}`, ru: `Программа ${code}`, en: `Programme ${code}` },
  ...bachelorIctPassport(),
  outcomes: [{ code: 'LO1', text: { kk: 'Деректер қорын жобалайды', ru: 'Проектирует базы данных', en: 'Designs databases' } }],
  courses: [{ code: 'DB101', name: { kk: 'Деректер қоры', ru: 'Базы данных', en: 'Databases' }, cycle: 'major', component: 'core', credits: 6, outcomes: ['LO1'] }],
  ...over,
});

async function includedProgramme(code: string, over: Record<string, unknown> = {}): Promise<string> {
  const created = await t.json('POST', '/api/programmes', { token: tok.adminA, body: passport(code, over) });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id as string;
  for (const [action, token] of [['submit', tok.adminA], ['start-review', tok.ministry], ['include', tok.ministry]] as const) {
    const r = await t.json('POST', `/api/programmes/${id}/transitions`, { token, body: { action } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  return id;
}

const act = (caseId: string, action: string, token: string, body?: unknown) => t.json('POST', `/api/accreditation/cases/${caseId}/actions/${action}`, { token, body });

before(async () => {
  t = await createTestApp();
  ids.kazsee = await orgId('kazsee');
  ids.naar = await orgId('naar');
  ids.satbayev = await orgId('satbayev-university');
  // The decision rule needs an accepted working internal QA system (oversight's fact).
  await acceptWorkingInternalQa(t.db, ids.satbayev);
  ids.kaznu = await orgId('kaznu');
  tok.ministry = await t.tokenFor('ministry');
  tok.adminA = await t.tokenFor('org-admin', ids.satbayev);
  tok.editorA = await t.tokenFor('org-editor', ids.satbayev);
  tok.adminB = await t.tokenFor('org-admin', ids.kaznu);
  tok.staffK = await t.tokenFor('agency-staff', ids.kazsee);
  tok.headK = await t.tokenFor('agency-head', ids.kazsee);
  tok.staffN = await t.tokenFor('agency-staff', ids.naar);
  tok.expert = await t.tokenFor('expert');
  coordinatorId = (await user('coordinator@test.sapa.kz', [{ role: 'agency-staff', organizationId: ids.kazsee }])).id;
  conflictedStaffId = (
    await user('conflicted@test.sapa.kz', [
      { role: 'agency-staff', organizationId: ids.kazsee },
      { role: 'org-admin', organizationId: ids.satbayev },
    ])
  ).id;
  ids.programme = await includedProgramme('6B06111');
});
after(async () => {
  caseFactSources.panel = panelFacts;
  caseFactSources.sar = sarFacts;
  await t.close();
});

describe('Register 1', () => {
  test('lists KAZSEE with its order, scope and networks, and filters by network and date', async () => {
    const all = await t.json('GET', '/api/registers/1');
    assert.equal(all.status, 200);
    const kazsee = all.body.items.find((i: { bodyId: string }) => i.bodyId === ids.kazsee);
    assert.ok(kazsee, 'KAZSEE is in Register 1');
    assert.equal(kazsee.orderNumber, '482');
    assert.equal(kazsee.orderDate, '2017-09-27');
    assert.deepEqual(kazsee.scopeTypes, ['institutional', 'programme']);
    assert.ok(kazsee.networks.includes('ENAEE'));
    assert.equal(all.body.items.some((i: { bodyId: string }) => i.bodyId === ids.naar), false);
    assert.equal((await t.json('GET', '/api/registers/1?network=WFME')).body.total, 0);
    assert.equal((await t.json('GET', '/api/registers/1?asOf=2016-01-01')).body.total, 0);
    assert.ok((await t.json('GET', '/api/registers/1?asOf=2020-01-01&scopeType=programme')).body.total >= 1);
  });

  test('only the ministry records and changes a recognition, and both are audited', async () => {
    const input = { orderNumber: '77', orderDate: '2024-02-01', validFrom: '2024-02-01', validTo: '2029-02-01', scopeTypes: ['programme'], scopeFields: ['07'], networks: ['enqa'] };
    assert.equal((await t.json('POST', `/api/accreditation/bodies/${ids.naar}/recognitions`, { token: tok.staffN, body: input })).status, 403);
    const created = await t.json('POST', `/api/accreditation/bodies/${ids.naar}/recognitions`, { token: tok.ministry, body: input });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.networks, ['ENQA']);
    const patched = await t.json('PATCH', `/api/accreditation/bodies/${ids.naar}/recognitions/${created.body.id}`, { token: tok.ministry, body: { status: 'suspended' } });
    assert.equal(patched.body.status, 'suspended');
    const body = await t.json('GET', `/api/accreditation/bodies/${ids.naar}`);
    assert.equal(body.body.recognitions[0].status, 'suspended');
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.body.id).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['accreditation-recognition.create', 'accreditation-recognition.update']);
  });
});

describe('standard sets', () => {
  test("lists KAZSEE's sets and shows the tree of one", async () => {
    const list = await t.json('GET', `/api/accreditation/standard-sets?owner=${ids.kazsee}&scope=programme`);
    assert.equal(list.body.total, 1);
    const set = await t.json('GET', `/api/accreditation/standard-sets/${list.body.items[0].id}`);
    assert.equal(set.body.standards.length, 9);
  });

  test("a new version by the body's staff closes the previous one; another body's staff are refused", async () => {
    const body = {
      key: 'kazsee-programme',
      version: '2',
      ownerOrganizationId: ids.kazsee,
      scope: 'programme',
      title: { kk: 'Стандарттар 2', ru: 'Стандарты 2', en: 'Standards 2' },
      validFrom: '2030-01-01',
      standards: [{ code: 'S1', title: { kk: 'Бір', ru: 'Один', en: 'One' }, criteria: [{ code: 'S1.1', title: { kk: 'а', ru: 'а', en: 'a' } }] }],
    };
    assert.equal((await t.json('POST', '/api/accreditation/standard-sets', { token: tok.staffN, body })).status, 403);
    const created = await t.json('POST', '/api/accreditation/standard-sets', { token: tok.staffK, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.standards[0].criteria.map((c: { code: string }) => c.code), ['S1.1']);
    const v1 = await t.json('GET', '/api/accreditation/standard-sets?key=kazsee-programme&inForceOn=2029-12-31');
    assert.equal(v1.body.items[0].version, '1');
    assert.equal(v1.body.items[0].validTo, '2030-01-01');
    assert.equal((await t.json('GET', '/api/accreditation/standard-sets?key=kazsee-programme&inForceOn=2030-01-01')).body.items[0].version, '2');
  });
});

describe('opening a case', () => {
  test('a body recognized for the scope opens a draft case pinned to its standards in force', async () => {
    const res = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, body: { bodyId: ids.kazsee, kind: 'programme', programmeIds: [ids.programme], eurAce: true } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.state, 'draft');
    assert.match(res.body.number, /^KAZSEE-\d{4}-\d{4}$/);
    const set = await t.db.selectFrom('standard_sets').select('version').where('id', '=', res.body.standardSetId).executeTakeFirstOrThrow();
    assert.equal(set.version, '1');
  });

  test('a body without recognition is refused with the reason', async () => {
    const res = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, lang: 'en', body: { bodyId: await orgId('iqaa'), kind: 'institutional' } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { key: string }) => e.key), ['errors.case.coverage.notRecognized']);
    assert.match(res.body.detail, /Register 1/);
  });

  test('a recognized body outside its scope is refused with every reason (type, field, WFME)', async () => {
    const medicine = await includedProgramme('6B10111', { fieldCode: '10', directionCode: '101', name: { kk: 'Жалпы медицина', ru: 'Общая медицина', en: 'General medicine' } });
    // NAAR is recognized only for programmes in field 07, and that recognition is suspended above;
    // KAZSEE covers field 10 but is not a WFME member.
    const res = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, body: { bodyId: ids.kazsee, kind: 'programme', programmeIds: [medicine] } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { key: string }) => e.key), ['errors.case.coverage.wfmeRequired']);
    const ru = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, lang: 'ru', body: { bodyId: ids.naar, kind: 'programme', programmeIds: [ids.programme] } });
    assert.equal(ru.status, 422);
    assert.deepEqual(ru.body.errors.map((e: { key: string }) => e.key), ['errors.case.coverage.notActive']);
    assert.match(ru.body.errors[0].message, /Признание/);
  });

  test("refuses another organization's programme and a case opened for someone else", async () => {
    const foreign = await t.json('POST', '/api/accreditation/cases', { token: tok.adminB, body: { bodyId: ids.kazsee, kind: 'programme', programmeIds: [ids.programme] } });
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.errors[0].key, 'errors.case.programmeNotOwned');
    const forOther = await t.json('POST', '/api/accreditation/cases', { token: tok.adminB, body: { bodyId: ids.kazsee, organizationId: ids.satbayev, kind: 'institutional' } });
    assert.equal(forOther.status, 403);
    const editor = await t.json('POST', '/api/accreditation/cases', { token: tok.editorA, body: { bodyId: ids.kazsee, organizationId: ids.satbayev, kind: 'institutional' } });
    assert.equal(editor.status, 403);
  });
});

describe('walking a programme case', () => {
  let caseId: string;

  test('from draft to SAR review through the API, with deadlines and events', async () => {
    caseFactSources.sar = async () => ({ versions: 0, latestSubmitted: false, languagesComplete: false, evidenceFiles: 0 });
    // No panel yet: the panel module's own facts are its helper's to test.
    caseFactSources.panel = async () => ({
      panelRuleViolations: [],
      panelExists: false,
      panelAccepted: false,
      openChallenges: 0,
      visitPlanned: false,
      protocolSigned: false,
      reportComplete: false,
      grades: [],
      templateChecked: false,
      factualCommentsReceived: false,
      reportFinal: false,
      councilMeetingScheduled: false,
      votes: { for: 0, against: 0, abstain: 0, recused: 0 },
    });
    const created = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, body: { bodyId: ids.kazsee, kind: 'programme', programmeIds: [ids.programme] } });
    caseId = created.body.id;
    const steps: [string, string, unknown?][] = [
      ['apply', tok.adminA],
      ['register', tok.staffK],
      ['start-initial-review', tok.staffK],
      ['reject', tok.staffK, { rejectReason: 'no-website-information', comment: 'Нет сведений на сайте' }],
      ['resubmit', tok.adminA],
      ['start-initial-review', tok.staffK],
      ['accept', tok.staffK],
      ['start-contracting', tok.headK],
      ['sign-contract', tok.staffK, { contractNumber: 'Д-12', signedOn: '2026-01-15' }],
      ['assign-coordinator', tok.headK, { coordinatorUserId: coordinatorId }],
      ['start-sar', tok.staffK],
    ];
    for (const [action, token, body] of steps) {
      const r = await act(caseId, action, token, body);
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
    }
    const inPrep = await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: tok.adminA });
    assert.equal(inPrep.body.state, 'sar-in-preparation');
    assert.deepEqual(inPrep.body.allowedActions, ['submit-sar', 'withdraw']);
    const contract = inPrep.body.deadlines.find((d: { step: string }) => d.step === 'contract');
    assert.equal(contract.met, true);
    const sar = inPrep.body.deadlines.find((d: { step: string }) => d.step === 'sar');
    assert.equal(sar.met, false);
    assert.equal(sar.overdue, false);
    assert.ok(sar.dueOn > sar.startsOn);

    const unmet = await act(caseId, 'submit-sar', tok.adminA);
    assert.equal(unmet.status, 409);
    assert.deepEqual(unmet.body.unmet, ['sar-exists', 'sar-languages-complete']);
    caseFactSources.sar = async () => ({ versions: 1, latestSubmitted: true, languagesComplete: true, evidenceFiles: 2 });
    assert.equal((await act(caseId, 'submit-sar', tok.adminA)).status, 200);
    const review = await act(caseId, 'start-sar-review', tok.staffK);
    assert.equal(review.status, 200);
    assert.equal(review.body.state, 'sar-review');
    assert.deepEqual(review.body.allowedActions, ['request-sar-revision', 'accept-sar']);
    assert.deepEqual(
      review.body.events.map((e: { action: string }) => e.action),
      ['create', 'apply', 'register', 'start-initial-review', 'reject', 'resubmit', 'start-initial-review', 'accept', 'start-contracting', 'sign-contract', 'assign-coordinator', 'start-sar', 'submit-sar', 'start-sar-review'],
    );
    assert.equal(review.body.coordinatorUserId, coordinatorId);
    assert.ok(review.body.startedOn);
    const history = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', caseId).orderBy('seq').execute();
    assert.equal(history.length, 14);
    assert.equal(history[4]?.action, 'accreditation-case.reject');
  });

  test('an out-of-order step is a 409 listing the allowed next steps', async () => {
    const r = await act(caseId, 'approve', tok.headK);
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'invalid_transition');
    assert.deepEqual(r.body.allowedNext, ['request-sar-revision', 'terminate-noncompliant', 'accept-sar', 'withdraw']);
    assert.match(r.body.detail, /sar-review/);
  });

  test('stopping as non-compliant needs a written opinion (422), and only the head may do it (403)', async () => {
    assert.equal((await act(caseId, 'terminate-noncompliant', tok.staffK, { writtenOpinion: 'x' })).status, 403);
    const missing = await act(caseId, 'terminate-noncompliant', tok.headK, {});
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.body.errors.map((e: { path: string }) => e.path), ['writtenOpinion']);
  });

  test('scheduling the visit needs a valid panel (409 listing what is missing)', async () => {
    assert.equal((await act(caseId, 'accept-sar', tok.staffK)).status, 200);
    const r = await act(caseId, 'schedule-visit', tok.staffK, { visitStart: '2026-03-02', visitEnd: '2026-03-03', visitFormat: 'hybrid' });
    assert.equal(r.status, 409);
    assert.deepEqual(r.body.unmet, ['panel-exists', 'panel-rules-met', 'panel-accepted', 'visit-planned']);
    const short = await act(caseId, 'schedule-visit', tok.staffK, { visitStart: '2026-03-02', visitEnd: '2026-03-02', visitFormat: 'hybrid' });
    assert.equal(short.status, 409); // preconditions come before the visit length
  });

  test('each role is refused outside its scope, for reading and for acting', async () => {
    for (const who of ['adminB', 'staffN', 'expert'] as const) {
      assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: tok[who] })).status, 404, who);
      assert.equal((await act(caseId, 'withdraw', tok[who], { comment: 'x' })).status, 404, who);
      const list = await t.json('GET', '/api/accreditation/cases', { token: tok[who] });
      assert.equal(list.body.items.some((c: { id: string }) => c.id === caseId), false, who);
    }
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}`)).status, 404);
    // Readers in scope who may not act get 403.
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: tok.editorA })).status, 200);
    assert.equal((await act(caseId, 'withdraw', tok.editorA, { comment: 'x' })).status, 403);
    assert.equal((await act(caseId, 'withdraw', tok.ministry, { comment: 'x' })).status, 403);
    assert.equal((await act(caseId, 'withdraw', tok.staffK, { comment: 'x' })).status, 403);
    const ministryList = await t.json('GET', '/api/accreditation/cases', { token: tok.ministry });
    assert.ok(ministryList.body.items.some((c: { id: string }) => c.id === caseId));
    const staffList = await t.json('GET', `/api/accreditation/cases?state=sar-accepted`, { token: tok.staffK });
    assert.deepEqual(staffList.body.items.map((c: { id: string }) => c.id), [caseId]);
    assert.deepEqual(staffList.body.items[0].overdueSteps, []);
    // An open deadline past its day flags the case in the list and on the case.
    await t.db.insertInto('accreditation_deadlines').values({ case_id: caseId, step: 'council', starts_on: '2019-11-01', due_on: '2020-01-01' }).execute();
    const overdue = await t.json('GET', '/api/accreditation/cases?overdue=true', { token: tok.staffK });
    assert.deepEqual(overdue.body.items.map((c: { id: string }) => c.id), [caseId]);
    assert.deepEqual(overdue.body.items[0].overdueSteps, ['council']);
    const detail = await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: tok.adminA });
    assert.equal(detail.body.deadlines.find((d: { step: string }) => d.step === 'council').overdue, true);
    await t.db.deleteFrom('accreditation_deadlines').where('case_id', '=', caseId).where('step', '=', 'council').execute();
  });

  test("an expert reads only the cases of their panel, and the panel's chair takes the chair's steps", async () => {
    const chair = await user('chair@test.sapa.kz', [{ role: 'expert', organizationId: null }]);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: chair.token })).status, 404);
    await t.db.insertInto('panel_members').values({ case_id: caseId, user_id: chair.id, role: 'chair', conflicts: '[]' }).execute();
    const seen = await t.json('GET', `/api/accreditation/cases/${caseId}`, { token: chair.token });
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.yourRoles, ['expert-chair']);
    assert.deepEqual(seen.body.allowedActions, []);
    const list = await t.json('GET', '/api/accreditation/cases', { token: chair.token });
    assert.deepEqual(list.body.items.map((c: { id: string }) => c.id), [caseId]);
    // The chair may not take the coordinator's steps.
    assert.equal((await act(caseId, 'schedule-visit', chair.token, { visitStart: '2026-03-02', visitEnd: '2026-03-03', visitFormat: 'hybrid' })).status, 403);
  });

  test('the coordinator must be body staff with no role at the applicant', async () => {
    const c = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, body: { bodyId: ids.kazsee, kind: 'institutional' } });
    const id = c.body.id;
    for (const [a, token] of [['apply', tok.adminA], ['register', tok.staffK], ['start-initial-review', tok.staffK], ['accept', tok.staffK], ['start-contracting', tok.headK]] as const) {
      assert.equal((await act(id, a, token)).status, 200, a);
    }
    assert.equal((await act(id, 'sign-contract', tok.staffK, { contractNumber: 'Д-13', signedOn: '2026-02-01' })).status, 200);
    const conflicted = await act(id, 'assign-coordinator', tok.headK, { coordinatorUserId: conflictedStaffId });
    assert.equal(conflicted.status, 422);
    assert.equal(conflicted.body.errors[0].key, 'errors.case.coordinatorConflict');
    // Another id than the coordinator's (its last digit changed): nobody's.
    const notStaff = await act(id, 'assign-coordinator', tok.headK, { coordinatorUserId: coordinatorId.replace(/.$/, (d) => (d === '0' ? '1' : '0')) });
    assert.equal(notStaff.status, 422);
    assert.equal(notStaff.body.errors[0].key, 'errors.case.coordinatorNotStaff');
    const withdrawn = await act(id, 'withdraw', tok.adminA, { comment: 'Передумали' });
    assert.equal(withdrawn.body.state, 'withdrawn');
    assert.deepEqual(withdrawn.body.allowedActions, []);
  });

  const ready = {
    panelRuleViolations: [],
    panelExists: true,
    panelAccepted: true,
    openChallenges: 0,
    visitPlanned: true,
    protocolSigned: true,
    reportComplete: true,
    grades: ['compliant' as const],
    templateChecked: true,
    factualCommentsReceived: true,
    reportFinal: true,
    councilMeetingScheduled: true,
    votes: { for: 5, against: 0, abstain: 0, recused: 1 },
  };

  /** Opens a case and takes it to the approved decision, with the panel's facts all in place. */
  async function walkToApproved(body: Record<string, unknown>, chairEmail: string) {
    caseFactSources.panel = async () => ready;
    const chair = await user(chairEmail, [{ role: 'expert', organizationId: null }]);
    const c = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, body: { bodyId: ids.kazsee, ...body } });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    const id = c.body.id as string;
    await t.db.insertInto('panel_members').values({ case_id: id, user_id: chair.id, role: 'chair', conflicts: '[]' }).execute();
    const steps: [string, string, unknown?][] = [
      ['apply', tok.adminA],
      ['register', tok.staffK],
      ['start-initial-review', tok.staffK],
      ['accept', tok.headK],
      ['start-contracting', tok.headK],
      ['sign-contract', tok.staffK, { contractNumber: `Д-${id.slice(0, 4)}`, signedOn: '2026-02-01' }],
      ['assign-coordinator', tok.headK, { coordinatorUserId: coordinatorId }],
      ['start-sar', tok.staffK],
      ['submit-sar', tok.adminA],
      ['start-sar-review', tok.staffK],
      ['request-sar-revision', tok.staffK, { comment: 'Добавить английскую версию раздела 3' }],
      ['submit-sar', tok.adminA],
      ['start-sar-review', tok.staffK],
      ['accept-sar', tok.staffK],
      ['schedule-visit', tok.staffK, { visitStart: '2026-04-06', visitEnd: '2026-04-08', visitFormat: 'on-site' }],
      ['start-visit', tok.staffK],
      ['complete-visit', chair.token],
      ['start-report', chair.token],
      ['submit-draft-report', chair.token],
      ['return-to-chair', tok.staffK, { comment: 'Не по шаблону' }],
      ['submit-draft-report', chair.token],
      ['send-for-factual-check', tok.staffK],
      ['finalise-report', chair.token],
      ['schedule-council', tok.staffK],
      ['decide', tok.staffK, { outcome: 'accredited', termYears: 5, departureReason: 'Совет согласился с комиссией' }],
      ['approve', tok.headK],
    ];
    for (const [action, token, payload] of steps) {
      const r = await act(id, action, token, payload);
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
    }
    return id;
  }

  test('walks an institutional case on to publication, with the decision recorded, approved and published', async () => {
    const id = await walkToApproved({ kind: 'institutional' }, 'chair2@test.sapa.kz');
    const last = await act(id, 'publish', tok.staffK);
    assert.equal(last.status, 200, JSON.stringify(last.body));
    assert.equal(last.body.state, 'published');
    const own = ['contract', 'sar', 'sar-review', 'sar-revision', 'draft-report', 'factual-comments', 'council'];
    for (const step of own) assert.equal(last.body.deadlines.find((d: { step: string }) => d.step === step)?.met, true, step);
    const decision = await t.db.selectFrom('accreditation_decisions').select(['id', 'outcome', 'term_years', 'status']).where('case_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(decision.outcome, 'accredited');
    assert.equal(decision.term_years, 5);
    assert.equal(decision.status, 'active');
    assert.deepEqual(last.body.decision, { id: decision.id, outcome: 'accredited', status: 'active' }, 'the case links its decision');
  });

  test('a EUR-ACE® case passes ENAEE before publication', async () => {
    const id = await walkToApproved({ kind: 'programme', programmeIds: [ids.programme], eurAce: true }, 'chair3@test.sapa.kz');
    const early = await act(id, 'publish', tok.staffK);
    assert.equal(early.status, 409);
    assert.deepEqual(early.body.allowedNext, ['submit-to-enaee']);
    assert.equal((await act(id, 'submit-to-enaee', tok.staffK)).status, 200);
    assert.equal((await act(id, 'record-enaee-approval', tok.staffK)).status, 200);
    const done = await act(id, 'publish-eur-ace', tok.staffK);
    assert.equal(done.body.state, 'published');
    const decision = await t.db.selectFrom('accreditation_decisions').select(['enaee_status']).where('case_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(decision.enaee_status, 'approved');
  });

  test('publishes the workflow as data', async () => {
    const w = await t.json('GET', '/api/accreditation/case-workflow');
    assert.equal(w.body.rejectReasons.length, 4);
    assert.deepEqual(w.body.actions.find((a: { action: string }) => a.action === 'approve'), {
      action: 'approve',
      from: ['council-decided'],
      to: 'approved',
      by: ['agency-head', 'system'],
      payload: [],
      requires: [],
      eurAce: null,
    });
  });
});

describe('a step from a stale read', () => {
  test('a step with an old ETag is refused with 412 and the case stays; of two steps fired at once from one version, one is taken', async () => {
    const created = await t.json('POST', '/api/accreditation/cases', { token: tok.adminA, body: { bodyId: ids.kazsee, kind: 'institutional' } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.equal(created.headers.get('etag'), '"1"');
    const read = await t.json('GET', `/api/accreditation/cases/${id}`, { token: tok.adminA });
    assert.equal(read.headers.get('etag'), '"1"');
    const applied = await t.json('POST', `/api/accreditation/cases/${id}/actions/apply`, { token: tok.adminA, headers: { 'if-match': '"1"' } });
    assert.equal(applied.status, 200, JSON.stringify(applied.body));
    assert.equal(applied.headers.get('etag'), '"2"');
    const stale = await t.json('POST', `/api/accreditation/cases/${id}/actions/register`, { token: tok.staffK, lang: 'kk', headers: { 'if-match': '"1"' } });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.code, 'precondition_failed');
    assert.match(stale.body.detail, /2 нұсқа/);
    assert.equal((await t.json('GET', `/api/accreditation/cases/${id}`, { token: tok.staffK })).body.state, 'submitted');
    const both = await Promise.all(
      [1, 2].map(() => t.json('POST', `/api/accreditation/cases/${id}/actions/register`, { token: tok.staffK, headers: { 'if-match': '"2"' } })),
    );
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 412]);
    const events = await t.db.selectFrom('accreditation_case_events').select('action').where('case_id', '=', id).orderBy('at').execute();
    assert.deepEqual(events.map((e) => e.action), ['create', 'apply', 'register']);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { createUser, issueApiToken } from '../platform/auth/auth.service.ts';
import { inTransaction } from '../platform/context.ts';
import { insertApprovedDecision, insertCase, insertProgramme, orgByKey } from './after.fixtures.ts';

describe('appeals and complaints', () => {
  let t: TestApp;
  const id = {} as Record<'case' | 'decision' | 'enu' | 'kazsee' | 'p' | 'satbayev', string>;
  const tok = {} as Record<'head' | 'orgAdmin' | 'otherAdmin' | 'staff', string>;
  const written = {
    kind: 'appeal',
    subject: 'council-decision',
    form: 'written',
    signedBy: 'Б. Жәкенов, ректор',
    documentRef: 'Шығ. № 01-12/345',
    grounds: 'Factual errors in the report on standard 5.',
  };

  before(async () => {
    t = await createTestApp();
    id.kazsee = await orgByKey(t.db, 'kazsee');
    id.satbayev = await orgByKey(t.db, 'satbayev-university');
    id.enu = await orgByKey(t.db, 'enu');
    id.p = await insertProgramme(t.db, id.satbayev, { code: '6B07201', nameRu: 'Горное дело' });
    const refusal = await insertApprovedDecision(t.db, {
      bodyId: id.kazsee,
      organizationId: id.satbayev,
      programmeIds: [id.p],
      outcome: 'refused',
      decidedOn: '2025-03-01',
    });
    id.case = refusal.caseId;
    id.decision = refusal.decisionId;
    tok.orgAdmin = await t.tokenFor('org-admin', id.satbayev);
    tok.otherAdmin = await t.tokenFor('org-admin', id.enu);
    tok.staff = await t.tokenFor('agency-staff', id.kazsee);
    tok.head = await t.tokenFor('agency-head', id.kazsee);
  });
  after(() => t.close());

  const file = (body: object, token = tok.orgAdmin, lang = 'en') => t.json('POST', '/api/accreditation/appeals', { token, body, lang });

  test('an oral, unsigned appeal is refused with every missing element listed', async () => {
    const res = await file({ caseId: id.case, kind: 'appeal', subject: 'council-decision', form: 'oral', grounds: 'We disagree' });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path).sort(), ['documentRef', 'form', 'signedBy']);
    const oral = res.body.errors.find((e: { path: string }) => e.path === 'form');
    assert.equal(oral.key, 'errors.after.oralAppeal');
    assert.match(oral.message, /Oral appeals are not accepted/);
    const ru = await file({ caseId: id.case, kind: 'appeal', subject: 'council-decision', form: 'oral', grounds: 'x' }, tok.orgAdmin, 'ru');
    assert.match(ru.body.errors.find((e: { path: string }) => e.path === 'form').message, /Устные апелляции не принимаются/);
  });

  test('another organization cannot appeal the decision', async () => {
    assert.equal((await file({ caseId: id.case, ...written }, tok.otherAdmin)).status, 403);
  });

  test('an upheld appeal overturns the refusal from its date: registers, history and certificate follow', async () => {
    const filed = await file({ caseId: id.case, ...written, receivedOn: '2025-03-20' });
    assert.equal(filed.status, 201);
    assert.equal(filed.body.number, 'APL-2025-0001');
    assert.equal(filed.body.status, 'logged');
    assert.equal(filed.body.decisionId, id.decision);
    const appealId = filed.body.id;

    const early = await t.json('POST', `/api/accreditation/appeals/${appealId}/decision`, { token: tok.head, body: { outcome: 'upheld', reason: 'x' } });
    assert.equal(early.status, 409, 'no decision before the commission is formed');
    const members = [
      { name: 'А. Сейітов', role: 'chair' },
      { name: 'М. Иванова', role: 'member' },
    ];
    assert.equal((await t.json('PUT', `/api/accreditation/appeals/${appealId}/commission`, { token: tok.staff, body: { members } })).status, 403);
    const formed = await t.json('PUT', `/api/accreditation/appeals/${appealId}/commission`, { token: tok.head, body: { members } });
    assert.equal(formed.status, 200);
    assert.equal(formed.body.status, 'under-review');

    const decided = await t.json('POST', `/api/accreditation/appeals/${appealId}/decision`, {
      token: tok.head,
      body: {
        outcome: 'upheld',
        reason: 'The report misread the graduates’ employment data.',
        decidedOn: '2025-04-15',
        newOutcome: 'accredited',
        newTermYears: 3,
      },
    });
    assert.equal(decided.status, 200);
    assert.equal(decided.body.outcome, 'upheld');
    assert.deepEqual(decided.body.effect, { decisionStatus: 'active', outcome: 'accredited', termYears: 3, validFrom: '2025-04-15', validTo: '2028-04-14' });

    const page = await t.json('GET', `/api/accreditation/decisions/${id.decision}`);
    assert.equal(page.body.status, 'active');
    assert.equal(page.body.outcome, 'accredited');
    assert.equal(page.body.certificateNumber, 'KAZSEE-2025-0001-C');
    assert.match(page.body.statusReason, /^APL-2025-0001: /);
    assert.deepEqual(
      page.body.history.map((h: { status: string; source: string; effectiveFrom: string; effectiveTo: string | null }) => [
        h.status,
        h.source,
        h.effectiveFrom,
        h.effectiveTo,
      ]),
      [
        ['refused', 'approval', '2025-03-01', '2025-04-15'],
        ['active', 'appeal', '2025-04-15', null],
      ],
    );
    assert.deepEqual(
      page.body.appeals.map((a: { number: string; outcome: string }) => [a.number, a.outcome]),
      [['APL-2025-0001', 'upheld']],
    );

    const now = await t.json('GET', '/api/registers/3');
    assert.deepEqual(
      now.body.items.map((i: { decisionId: string }) => i.decisionId),
      [id.decision],
    );
    const before = await t.json('GET', '/api/registers/3?asOf=2025-04-01&outcome=refused');
    assert.deepEqual(
      before.body.items.map((i: { decisionId: string; status: string }) => [i.decisionId, i.status]),
      [[id.decision, 'refused']],
    );
    assert.equal((await t.json('GET', '/api/registers/3?asOf=2025-04-01')).body.total, 0);

    const versions = await t.json('GET', `/api/accreditation/decisions/${id.decision}/versions`);
    assert.ok(versions.body.some((v: { action: string }) => v.action === 'appeal-upheld'));

    const again = await t.json('POST', `/api/accreditation/appeals/${appealId}/decision`, { token: tok.head, body: { outcome: 'rejected', reason: 'again' } });
    assert.equal(again.status, 409);
  });

  test('an upheld appeal without a new outcome withdraws the decision for a new council vote', async () => {
    const p = await insertProgramme(t.db, id.satbayev, { code: '6B07202' });
    const d = await insertApprovedDecision(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, programmeIds: [p], termYears: 1, decidedOn: '2025-06-02' });
    const filed = await file({ caseId: d.caseId, ...written, receivedOn: '2025-06-20' });
    assert.equal(filed.body.number, 'APL-2025-0002');
    await t.json('PUT', `/api/accreditation/appeals/${filed.body.id}/commission`, {
      token: tok.head,
      body: { members: [{ name: 'К. Омаров', role: 'chair' }] },
    });
    const decided = await t.json('POST', `/api/accreditation/appeals/${filed.body.id}/decision`, {
      token: tok.head,
      body: { outcome: 'partially-upheld', reason: 'Procedure breached at the visit; the council must vote again.', decidedOn: '2025-07-01' },
    });
    assert.equal(decided.status, 200);
    assert.equal(decided.body.effect.decisionStatus, 'withdrawn');
    const reg = await t.json('GET', `/api/registers/3?outcome=any&organization=${id.satbayev}&q=6B07202`);
    assert.deepEqual(
      reg.body.items.map((i: { status: string }) => i.status),
      ['withdrawn'],
    );
    const then = await t.json('GET', '/api/registers/3?asOf=2025-06-15&q=6B07202');
    assert.equal(then.body.total, 1, 'still in force before the appeal was decided');
  });

  test('a rejected appeal leaves the decision unchanged and cannot carry a new outcome', async () => {
    const p = await insertProgramme(t.db, id.satbayev, { code: '6B07203' });
    const d = await insertApprovedDecision(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, programmeIds: [p], termYears: 3, decidedOn: '2025-09-01' });
    const filed = await file({ caseId: d.caseId, ...written });
    await t.json('PUT', `/api/accreditation/appeals/${filed.body.id}/commission`, {
      token: tok.head,
      body: { members: [{ name: 'К. Омаров', role: 'chair' }] },
    });
    const wrong = await t.json('POST', `/api/accreditation/appeals/${filed.body.id}/decision`, {
      token: tok.head,
      body: { outcome: 'rejected', reason: 'No factual error', newOutcome: 'accredited', newTermYears: 5 },
    });
    assert.equal(wrong.status, 422);
    const ok = await t.json('POST', `/api/accreditation/appeals/${filed.body.id}/decision`, {
      token: tok.head,
      body: { outcome: 'rejected', reason: 'No factual error' },
    });
    assert.equal(ok.status, 200);
    const page = await t.json('GET', `/api/accreditation/decisions/${d.decisionId}`);
    assert.equal(page.body.status, 'active');
    assert.equal(page.body.history.length, 1);
  });

  test('an appeal against an initial-review rejection needs a rejected application', async () => {
    const accepted = await insertCase(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, state: 'contracting' });
    const notRejected = await file({ caseId: accepted, ...written, subject: 'initial-review-rejection' });
    assert.equal(notRejected.status, 409);
    const rejected = await insertCase(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, state: 'rejected', rejectReason: 'licence-missing' });
    const ok = await file({ caseId: rejected, ...written, subject: 'initial-review-rejection' });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.decisionId, null);
    const stateOf = async () => (await t.db.selectFrom('accreditation_cases').select('state').where('id', '=', rejected).executeTakeFirstOrThrow()).state;
    assert.equal(await stateOf(), 'appealed', 'the case engine records the appeal');
    await t.json('PUT', `/api/accreditation/appeals/${ok.body.id}/commission`, { token: tok.head, body: { members: [{ name: 'К. Омаров', role: 'chair' }] } });
    const withTerm = await t.json('POST', `/api/accreditation/appeals/${ok.body.id}/decision`, {
      token: tok.head,
      body: { outcome: 'upheld', reason: 'The licence was on file', newOutcome: 'accredited', newTermYears: 5 },
    });
    assert.equal(withTerm.status, 422, 'an application appeal does not decide accreditation');
    const upheld = await t.json('POST', `/api/accreditation/appeals/${ok.body.id}/decision`, {
      token: tok.head,
      body: { outcome: 'upheld', reason: 'The licence was on file' },
    });
    assert.equal(upheld.status, 200);
    assert.equal(upheld.body.effect.caseState, 'accepted');
    assert.equal(await stateOf(), 'accepted');
  });

  test('a complaint is logged with its own numbering and decided without touching the decision', async () => {
    const bad = await file({ caseId: id.case, ...written, kind: 'complaint', subject: 'council-decision' });
    assert.equal(bad.status, 422, 'a complaint is about service, coordinator, panel or report');
    const filed = await file({ caseId: id.case, ...written, kind: 'complaint', subject: 'coordinator', receivedOn: '2025-05-05' });
    assert.equal(filed.status, 201);
    assert.equal(filed.body.number, 'CMP-2025-0001');
    await t.json('PUT', `/api/accreditation/appeals/${filed.body.id}/commission`, { token: tok.head, body: { members: [{ name: 'Д. Ли', role: 'chair' }] } });
    const decided = await t.json('POST', `/api/accreditation/appeals/${filed.body.id}/decision`, {
      token: tok.head,
      body: { outcome: 'upheld', reason: 'The coordinator will be replaced.' },
    });
    assert.equal(decided.status, 200);
    assert.deepEqual(decided.body.effect, {});
  });

  test('appeals are visible to the organization and the body only', async () => {
    const mine = await t.json('GET', `/api/accreditation/appeals?case=${id.case}`, { token: tok.orgAdmin });
    assert.equal(mine.status, 200);
    assert.ok(mine.body.total >= 2);
    const theirs = await t.json('GET', `/api/accreditation/appeals?case=${id.case}`, { token: tok.otherAdmin });
    assert.equal(theirs.body.total, 0);
    const one = mine.body.items[0].id;
    assert.equal((await t.json('GET', `/api/accreditation/appeals/${one}`, { token: tok.otherAdmin })).status, 404);
    assert.equal((await t.json('GET', `/api/accreditation/appeals/${one}`, { token: tok.staff })).status, 200);
    assert.equal((await t.json('GET', '/api/accreditation/appeals')).status, 401);
  });

  test("another organization's admin who is also an expert of the body does not see the body's appeals", async () => {
    const token = await inTransaction(t.system, async (ctx) => {
      const { id: userId } = await createUser(ctx, {
        email: 'enu-admin-expert@test.sapa.kz',
        displayName: 'ENU admin, KAZSEE expert',
        password: 'correct horse battery',
        roles: [
          { role: 'org-admin', organizationId: id.enu },
          { role: 'expert', organizationId: id.kazsee },
        ],
      });
      return (await issueApiToken(ctx, userId, 'test')).token;
    });
    const list = await t.json('GET', `/api/accreditation/appeals?case=${id.case}`, { token });
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 0);
  });

  test("a filing cannot point at another case's decision or an unknown one (422, not 500)", async () => {
    const enuCase = await insertApprovedDecision(t.db, { bodyId: id.kazsee, organizationId: id.enu, outcome: 'refused', decidedOn: '2025-04-01' });
    const foreign = await file({ caseId: id.case, ...written, kind: 'complaint', subject: 'report', decisionId: enuCase.decisionId });
    assert.equal(foreign.status, 422);
    assert.equal(foreign.body.errors[0].path, 'decisionId');
    const unknown = await file({ caseId: id.case, ...written, kind: 'complaint', subject: 'report', decisionId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(unknown.status, 422);
  });

  test('a calendar day that does not exist is a 422, not a failed date cast in SQL', async () => {
    for (const receivedOn of ['2025-02-30', '0000-01-01']) {
      const res = await file({ caseId: id.case, ...written, kind: 'complaint', subject: 'report', receivedOn });
      assert.equal(res.status, 422, receivedOn);
    }
    const stats = await t.json('GET', '/api/accreditation/statistics?from=2025-13-45');
    assert.equal(stats.status, 422);
  });
});

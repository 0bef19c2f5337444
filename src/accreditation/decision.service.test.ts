import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { AppError } from '../platform/errors.ts';
import { inTransaction } from '../platform/context.ts';
import { insertApprovedDecision, insertCase, insertProgramme, orgByKey } from './after.fixtures.ts';
import * as decisionRepo from './decision.repository.ts';
import { proposalFor } from './decision.service.ts';
import { approveDecision, publishDecision, recordDecision } from './decision.internal.ts';

describe('a decision from the council to the registers (recordDecision → approveDecision → publishDecision)', () => {
  let t: TestApp;
  const id = {} as Record<'case' | 'decision' | 'kazsee' | 'p' | 'satbayev' | 'secondStandard', string>;
  const tok = {} as Record<'orgAdmin' | 'staff', string>;

  before(async () => {
    t = await createTestApp();
    id.kazsee = await orgByKey(t.db, 'kazsee');
    id.satbayev = await orgByKey(t.db, 'satbayev-university');
    id.p = await insertProgramme(t.db, id.satbayev, { code: '6B07401', nameRu: 'Металлургия' });
    const set = await t.db
      .selectFrom('standard_sets')
      .select('id')
      .where('key', '=', 'kazsee-programme')
      .orderBy('valid_from', 'desc')
      .executeTakeFirstOrThrow();
    id.case = await insertCase(t.db, {
      bodyId: id.kazsee,
      organizationId: id.satbayev,
      programmeIds: [id.p],
      standardSetId: set.id,
      state: 'council-scheduled',
    });
    // The panel's final report: every standard compliant but one with recommendations → 3 years.
    const report = await t.db
      .insertInto('panel_reports')
      .values({ case_id: id.case, version: 1, status: 'final', summary: 'The programme meets the standards.', created_by: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const standards = await t.db
      .selectFrom('standards')
      .select(['id', 'code'])
      .where('set_id', '=', set.id)
      .where('parent_code', 'is', null)
      .orderBy('position')
      .execute();
    assert.ok(standards.length >= 2);
    await t.db
      .insertInto('panel_report_grades')
      .values(
        standards.map((s, i) => ({
          report_id: report.id,
          standard_id: s.id,
          grade: i === 1 ? 'with-recommendations' : 'compliant',
          findings: i === 1 ? 'Few employers on the advisory board.' : null,
          recommendations: i === 1 ? 'Involve employers in programme design.' : null,
          good_practice: null,
        })),
      )
      .execute();
    id.secondStandard = standards[1]?.code as string;
    tok.staff = await t.tokenFor('agency-staff', id.kazsee);
    tok.orgAdmin = await t.tokenFor('org-admin', id.satbayev);
    const someone = await t.db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    const member = await t.db
      .insertInto('panel_members')
      .values({ case_id: id.case, user_id: someone.id, role: 'member', expert_id: null, override_justification: null, removed_at: null, conflicts: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('panel_report_dissents')
      .values({ report_id: report.id, member_id: member.id, standard_id: standards[1]?.id ?? null, text: 'Employers are involved enough: compliant.' })
      .execute();
  });
  after(() => t.close());

  const tx = <T>(work: (ctx: typeof t.system) => Promise<T>) => inTransaction(t.system, work);
  const issuesOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof AppError) return { status: e.status, issues: (e.details.issues ?? []).map((i) => i.messageKey) };
      throw e;
    }
    return { status: 200, issues: [] };
  };

  test("another organization's 5-year decision named as the previous one does not open the 7-year term", async () => {
    const enu = await orgByKey(t.db, 'enu');
    const theirs = await insertApprovedDecision(t.db, { bodyId: id.kazsee, organizationId: enu, termYears: 5, decidedOn: '2019-03-01' });
    const mine = await insertApprovedDecision(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, termYears: 5, decidedOn: '2019-03-02' });
    const factsOf = async (previousDecisionId: string) => {
      const caseId = await insertCase(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, kind: 'institutional', previousDecisionId });
      const c = await decisionRepo.findCase(t.db, caseId);
      return (await proposalFor(t.system, c as decisionRepo.CaseFacts, [])).ruleFacts.reaccreditationAfterFiveYears;
    };
    assert.equal(await factsOf(theirs.decisionId), false);
    assert.equal(await factsOf(mine.decisionId), true);
  });

  test('departing from the proposed term needs a reason; terms above the limits are refused', async () => {
    const noReason = await issuesOf(tx((ctx) => recordDecision(ctx, id.case, { outcome: 'accredited', termYears: 5, decidedOn: '2026-03-02' })));
    assert.deepEqual(noReason, { status: 422, issues: ['errors.after.departureReasonRequired'] });
    const seven = await issuesOf(
      tx((ctx) => recordDecision(ctx, id.case, { outcome: 'accredited', termYears: 7, departureReason: 'x', decidedOn: '2026-03-02' })),
    );
    assert.deepEqual(seven, { status: 422, issues: ['errors.after.council.term-above-limit'] });
    const count = await t.db
      .selectFrom('accreditation_decisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', id.case)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0, 'nothing stored');
  });

  test('the council decision is recorded with the proposal, the reason and the grades, awaiting approval', async () => {
    const { id: decisionId } = await tx((ctx) =>
      recordDecision(ctx, id.case, {
        outcome: 'accredited',
        termYears: 5,
        departureReason: 'The council finds the employer involvement sufficient.',
        decidedOn: '2026-03-02',
      }),
    );
    id.decision = decisionId;
    const row = await t.db.selectFrom('accreditation_decisions').selectAll().where('id', '=', decisionId).executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending-approval');
    assert.equal(row.proposed_outcome, 'accredited');
    assert.equal(row.proposed_term_years, 3);
    assert.equal(row.term_years, 5);
    assert.equal(row.departure_reason, 'The council finds the employer involvement sufficient.');
    const programmes = await t.db.selectFrom('accreditation_decision_programmes').select('programme_id').where('decision_id', '=', decisionId).execute();
    assert.deepEqual(
      programmes.map((p) => p.programme_id),
      [id.p],
    );
    const again = await issuesOf(
      tx((ctx) => recordDecision(ctx, id.case, { outcome: 'refused', termYears: null, departureReason: 'x', decidedOn: '2026-03-03' })),
    );
    assert.equal(again.status, 409);
    assert.equal((await t.json('GET', '/api/registers/3')).body.total, 0, 'not in the register before approval');
  });

  test('approval sets the validity and the certificate number; publication starts the 3/10/30 working-day deadlines', async () => {
    await tx((ctx) => approveDecision(ctx, id.case, '2026-03-04'));
    await tx((ctx) => publishDecision(ctx, id.case, '2026-03-05'));
    const page = await t.json('GET', `/api/accreditation/decisions/${id.decision}`);
    assert.equal(page.status, 200);
    assert.equal(page.body.status, 'active');
    assert.equal(page.body.validFrom, '2026-03-04');
    assert.equal(page.body.validTo, '2031-03-03');
    assert.equal(page.body.certificateNumber, 'KAZSEE-2026-0001-C');
    assert.equal(page.body.publishedOn, '2026-03-05');
    assert.deepEqual(page.body.proposal, { outcome: 'accredited', termYears: 3, reasons: ['standard-with-recommendations'] });
    assert.equal(page.body.report.summary, 'The programme meets the standards.');
    assert.deepEqual(page.body.report.dissents, [{ standardCode: id.secondStandard, text: 'Employers are involved enough: compliant.' }]);
    const graded = page.body.grades.find((g: { standardCode: string }) => g.standardCode === id.secondStandard);
    assert.equal(graded.grade, 'with-recommendations');
    assert.equal(graded.recommendations, 'Involve employers in programme design.');
    assert.deepEqual(
      page.body.history.map((h: { status: string; source: string }) => [h.status, h.source]),
      [['active', 'approval']],
    );

    const register = await t.json('GET', '/api/registers/3');
    assert.deepEqual(
      register.body.items.map((i: { decisionId: string; termYears: number }) => [i.decisionId, i.termYears]),
      [[id.decision, 5]],
    );

    // Decided Monday 2 March 2026; 8 March (Sunday) moves to Monday 9 March.
    const pubs = await t.json('GET', `/api/accreditation/cases/${id.case}/publications`, { token: tok.staff });
    assert.equal(pubs.status, 200);
    const due = Object.fromEntries(pubs.body.map((p: { channel: string; dueOn: string }) => [p.channel, p.dueOn]));
    assert.equal(due.ueis, '2026-03-05');
    assert.equal(due.ministry, '2026-03-17');
    assert.ok(due.website > '2026-04-10' && due.website < '2026-04-20', due.website);
    assert.ok(pubs.body.every((p: { overdue: boolean; doneAt: string | null }) => p.overdue && p.doneAt === null));

    const url = `/api/accreditation/cases/${id.case}/publications/ueis`;
    assert.equal((await t.json('POST', url, { token: tok.orgAdmin, body: {} })).status, 403);
    const done = await t.json('POST', url, { token: tok.staff, body: { doneOn: '2026-03-04' } });
    assert.equal(done.status, 200);
    const ueis = done.body.find((p: { channel: string }) => p.channel === 'ueis');
    assert.equal(ueis.overdue, false);
    assert.ok(ueis.doneAt);
    assert.equal((await t.json('POST', url, { token: tok.staff })).status, 409);
    const bad = await t.json('POST', `/api/accreditation/cases/${id.case}/publications/telegram`, { token: tok.staff });
    assert.equal(bad.status, 422);
  });

  test('a EUR-ACE® decision goes to ENAEE after approval and counts as a label once ENAEE approves', async () => {
    const p = await insertProgramme(t.db, id.satbayev, { code: '6B07402' });
    const caseId = await insertCase(t.db, { bodyId: id.kazsee, organizationId: id.satbayev, programmeIds: [p], eurAce: true, hasGraduates: false });
    // No report: the rule proposes no positive outcome, so a positive decision departs from it.
    const { id: decisionId } = await tx((ctx) =>
      recordDecision(ctx, caseId, { outcome: 'accredited', termYears: 3, departureReason: 'Grades recorded on paper', decidedOn: '2026-05-04' }),
    );
    await tx((ctx) => approveDecision(ctx, caseId, '2026-05-05'));
    const submitted = await t.json('GET', `/api/accreditation/decisions/${decisionId}`);
    assert.equal(submitted.body.enaeeStatus, 'submitted');
    assert.equal(submitted.body.certificateNumber, 'KAZSEE-2026-0002-C');
    const before = await t.json('GET', `/api/accreditation/statistics?body=${id.kazsee}&from=2026&to=2026`);
    assert.equal(before.body.items[0].eurAce, 0);
    const approved = await t.json('POST', `/api/accreditation/decisions/${decisionId}/enaee`, { token: tok.staff, body: { status: 'approved' } });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.enaeeStatus, 'approved');
    const stats = await t.json('GET', `/api/accreditation/statistics?body=${id.kazsee}&from=2026&to=2026`);
    assert.deepEqual(
      stats.body.items.map((i: { year: number; programme: number; eurAce: number }) => [i.year, i.programme, i.eurAce]),
      [[2026, 2, 1]],
    );
    const eurAce = await t.json('GET', '/api/registers/3?eurAce=true');
    assert.deepEqual(
      eurAce.body.items.map((i: { decisionId: string }) => i.decisionId),
      [decisionId],
    );
  });
});

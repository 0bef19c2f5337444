// End to end (issue 16): a university's quality office assesses its internal QA system against the
// ten higher-education standards of the Guidelines, the ministry returns it with comments, the
// university corrects and resubmits, the ministry accepts; an accreditation case then reads that
// result (a positive decision is allowed), while a university without an accepted working internal
// QA system gets no positive decision. Defect reproduced: the rule's fact was a case flag nobody
// could set, defaulting to "working", so every university passed it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { insertCase, insertProgramme, orgByKey } from '../accreditation/after.fixtures.ts';
import { recordDecision } from '../accreditation/decision.internal.ts';
import * as decisionRepo from '../accreditation/decision.repository.ts';
import { proposalFor } from '../accreditation/decision.service.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';

const PATH = '/api/oversight/internal-qa-assessments';

describe('internal QA self-assessment → the authority accepts → the accreditation rule reads it', () => {
  let t: TestApp;
  const id = {} as Record<'kazsee' | 'satbayev' | 'kaznu' | 'assessment', string>;
  const tok = {} as Record<'satbayevAdmin' | 'satbayevEditor' | 'kaznuAdmin' | 'ministry', string>;
  const today = todayInAlmaty();

  /** A case at the council with a final report grading every standard compliant (the rule proposes 5 years). */
  async function councilCase(organizationId: string, code: string): Promise<string> {
    const p = await insertProgramme(t.db, organizationId, { code, nameRu: 'Программа' });
    const set = await t.db.selectFrom('standard_sets').select('id').where('key', '=', 'kazsee-programme').orderBy('valid_from', 'desc').executeTakeFirstOrThrow();
    // internalQaWorking: false — the fixture adds no internal QA result of its own; this test makes them.
    const caseId = await insertCase(t.db, { bodyId: id.kazsee, organizationId, programmeIds: [p], standardSetId: set.id, state: 'council-scheduled', internalQaWorking: false });
    const report = await t.db
      .insertInto('panel_reports')
      .values({ case_id: caseId, version: 1, status: 'final', summary: 'Meets the standards.', created_by: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const standards = await t.db.selectFrom('standards').select('id').where('set_id', '=', set.id).where('parent_code', 'is', null).execute();
    await t.db
      .insertInto('panel_report_grades')
      .values(standards.map((s) => ({ report_id: report.id, standard_id: s.id, grade: 'compliant', findings: null, recommendations: null, good_practice: null })))
      .execute();
    return caseId;
  }

  const decide = (caseId: string) =>
    inTransaction(t.system, (ctx) => recordDecision(ctx, caseId, { outcome: 'accredited', termYears: 5, decidedOn: today }));

  const ratingsAll = (rating: string) =>
    Array.from({ length: 10 }, (_, i) => ({ standardCode: String(i + 1), rating, narrative: `Standard ${i + 1}: the policy, its minutes and the survey results.` }));

  before(async () => {
    t = await createTestApp();
    id.kazsee = await orgByKey(t.db, 'kazsee');
    id.satbayev = await orgByKey(t.db, 'satbayev-university');
    id.kaznu = await orgByKey(t.db, 'kaznu');
    tok.satbayevAdmin = await t.tokenFor('org-admin', id.satbayev);
    tok.satbayevEditor = await t.tokenFor('org-editor', id.satbayev);
    tok.kaznuAdmin = await t.tokenFor('org-admin', id.kaznu);
    tok.ministry = await t.tokenFor('ministry');
  });
  after(() => t.close());

  test('a university starts a self-assessment against the ten higher-education standards, criteria and seed lines included', async () => {
    const res = await t.json('POST', PATH, { token: tok.satbayevAdmin, body: { organizationId: id.satbayev } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    id.assessment = res.body.id;
    assert.equal(res.body.level, 'higher');
    assert.equal(res.body.standardSet.key, 'guidelines-internal-higher');
    assert.equal(res.body.standards.length, 10);
    assert.ok(res.body.standards.every((s: { criteria: unknown[] }) => s.criteria.length > 0));
    assert.equal(res.body.standards[0].criteria[0].source.document, '002_7f880bfa253cfac4.txt');
    const again = await t.json('POST', PATH, { token: tok.satbayevAdmin, body: { organizationId: id.satbayev } });
    assert.equal(again.status, 409, 'one self-assessment in progress at a time');
  });

  test('only its own staff and the ministry see it; another university learns nothing; an editor cannot change it', async () => {
    assert.equal((await t.json('GET', `${PATH}/${id.assessment}`, { token: tok.kaznuAdmin })).status, 404);
    assert.equal((await t.json('GET', `${PATH}/${id.assessment}`, { token: tok.satbayevEditor })).status, 200);
    assert.equal((await t.json('GET', `${PATH}/${id.assessment}`, { token: tok.ministry })).status, 200);
    assert.equal((await t.json('PUT', `${PATH}/${id.assessment}`, { token: tok.satbayevEditor, body: { ratings: [] } })).status, 403);
    assert.equal((await t.json('POST', PATH, { token: tok.kaznuAdmin, body: { organizationId: id.satbayev } })).status, 403);
    const mine = await t.json('GET', PATH, { token: tok.kaznuAdmin });
    assert.equal(mine.body.total, 0);
  });

  test('bad entries are refused naming the field; submitting needs every standard rated and an action for each one not fully met', async () => {
    const bad = await t.json('PUT', `${PATH}/${id.assessment}`, {
      token: tok.satbayevAdmin,
      lang: 'ru',
      body: { ratings: [{ standardCode: '11', rating: 'met', narrative: 'x' }], actions: [] },
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path), ['ratings.0.standardCode']);
    assert.match(bad.body.errors[0].message, /нет такого стандарта/);
    const ratings = ratingsAll('met');
    ratings[6] = { standardCode: '7', rating: 'partially-met', narrative: 'Surveys are collected but not analysed by programme.' };
    const saved = await t.json('PUT', `${PATH}/${id.assessment}`, { token: tok.satbayevAdmin, body: { summary: 'Second cycle of self-assessment.', ratings, actions: [] } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const early = await t.json('POST', `${PATH}/${id.assessment}/submit`, { token: tok.satbayevAdmin });
    assert.equal(early.status, 422);
    assert.deepEqual(early.body.errors.map((e: { path: string }) => e.path), ['actions.7']);
    const withAction = await t.json('PUT', `${PATH}/${id.assessment}`, {
      token: tok.satbayevAdmin,
      body: { ratings, actions: [{ standardCode: '7', action: 'Analyse the surveys per programme each semester', owner: 'Head of the quality office', dueOn: '2027-02-01' }] },
    });
    assert.equal(withAction.body.standards[6].actions[0].owner, 'Head of the quality office');
    const submitted = await t.json('POST', `${PATH}/${id.assessment}/submit`, { token: tok.satbayevAdmin });
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    assert.equal(submitted.body.state, 'submitted');
    assert.equal((await t.json('PUT', `${PATH}/${id.assessment}`, { token: tok.satbayevAdmin, body: { ratings } })).status, 409, 'no edits after submission');
  });

  test('the ministry returns it with comments (a comment is required), the university corrects and resubmits', async () => {
    assert.equal((await t.json('POST', `${PATH}/${id.assessment}/review`, { token: tok.satbayevAdmin, body: { result: 'accepted' } })).status, 403, 'no self-acceptance');
    const bare = await t.json('POST', `${PATH}/${id.assessment}/review`, { token: tok.ministry, body: { result: 'returned' } });
    assert.equal(bare.status, 422);
    assert.deepEqual(bare.body.errors.map((e: { path: string }) => e.path), ['comment']);
    const returned = await t.json('POST', `${PATH}/${id.assessment}/review`, {
      token: tok.ministry,
      body: { result: 'returned', comment: 'Standard 8: name where the programme information is published.' },
    });
    assert.equal(returned.body.state, 'returned');
    assert.equal(returned.body.reviewComment, 'Standard 8: name where the programme information is published.');
    const current = await t.json('GET', `${PATH}/${id.assessment}`, { token: tok.satbayevAdmin });
    const ratings = current.body.standards.map((s: { code: string; rating: string; narrative: string }) => ({
      standardCode: s.code,
      rating: s.rating,
      narrative: s.code === '8' ? 'Published on satbayev.university/programmes and in the annual report.' : s.narrative,
    }));
    const actions = current.body.standards.flatMap((s: { code: string; actions: { action: string; owner: string; dueOn: string }[] }) => s.actions.map((a) => ({ standardCode: s.code, ...a })));
    assert.equal((await t.json('PUT', `${PATH}/${id.assessment}`, { token: tok.satbayevAdmin, body: { ratings, actions } })).status, 200);
    assert.equal((await t.json('POST', `${PATH}/${id.assessment}/submit`, { token: tok.satbayevAdmin })).status, 200);
  });

  test('before acceptance the accreditation rule sees no working system: no positive decision', async () => {
    const caseId = await councilCase(id.satbayev, '6B07402');
    const c = await decisionRepo.findCase(t.db, caseId);
    const { proposal } = await proposalFor(t.system, c as NonNullable<typeof c>, [], today);
    assert.equal(proposal.outcome, 'refused');
    assert.deepEqual(proposal.reasons, ['no-internal-qa']);
  });

  test('the ministry accepts: the system works since today, and a Satbayev case gets its positive decision', async () => {
    const accepted = await t.json('POST', `${PATH}/${id.assessment}/review`, { token: tok.ministry, body: { result: 'accepted', comment: 'Accepted.' } });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.state, 'accepted');
    assert.equal(accepted.body.working, true, 'one standard partly met with an action still works');
    assert.equal(accepted.body.reviewedOn, today);
    assert.deepEqual(
      accepted.body.history.map((h: { action: string }) => h.action),
      ['internal-qa.start', 'internal-qa.save', 'internal-qa.save', 'internal-qa.submit', 'internal-qa.return', 'internal-qa.save', 'internal-qa.submit', 'internal-qa.accept'],
    );
    const caseId = await councilCase(id.satbayev, '6B07403');
    const { id: decisionId } = await decide(caseId);
    const d = await decisionRepo.findDecisionById(t.db, decisionId);
    assert.equal(d?.outcome, 'accredited');
    assert.equal(d?.proposed_outcome, 'accredited');
    assert.deepEqual((d?.summary as { internalQa: unknown } | undefined)?.internalQa, { basis: 'self-assessment', working: true, acceptedOn: today, assessmentId: id.assessment });
  });

  test('a university without an accepted working internal QA system gets no positive decision', async () => {
    const caseId = await councilCase(id.kaznu, '6B07404');
    await assert.rejects(decide(caseId), (e) => e instanceof AppError && e.status === 422 && (e.details.issues ?? []).some((i) => i.messageKey === 'errors.after.council.no-internal-qa'));
    const refusal = await inTransaction(t.system, (ctx) => recordDecision(ctx, caseId, { outcome: 'refused', termYears: null, decidedOn: today }));
    const d = await decisionRepo.findDecisionById(t.db, refusal.id);
    assert.deepEqual((d?.summary as { proposal: { reasons: string[] } } | undefined)?.proposal.reasons, ['no-internal-qa']);
  });
});

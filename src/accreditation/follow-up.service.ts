// Follow-up after a decision (PRODUCT §3.3, digest 004 §3.11): conditions and recommendations
// with due dates, corrective action plans, interim reports and monitoring visits (the organization
// submits, the body's staff review); reminders from 1 year before expiry; extension or
// postponement of the term (state of emergency) with a reason, audited and in the history.
import { actorLabel, canEverywhere, organizationsOf } from '../platform/access/roles.ts';
import { addMonths, todayInAlmaty } from '../platform/calendar/calendar.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { AppError, conflict, notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import * as decisions from './decision.repository.ts';
import { DECISION, getDecision } from './decision.service.ts';
import * as repo from './follow-up.repository.ts';
import type { FollowUpInput, StatusChangeInput, TermChangeInput } from './follow-up.schema.ts';
import { columnsOf } from '../platform/db/fields.ts';

export const FOLLOW_UP = 'accreditation-follow-up';

export function presentFollowUp(f: repo.FollowUpRow, today = todayInAlmaty()) {
  return {
    id: f.id,
    decisionId: f.decision_id,
    kind: f.kind,
    title: f.title,
    description: f.description,
    standardCode: f.standard_code,
    dueOn: f.due_on,
    status: f.status,
    overdue: (f.status === 'open' || f.status === 'returned') && f.due_on < today,
    submissions: f.submissions,
    reviewComment: f.review_comment,
    reviewedOn: f.reviewed_on,
  };
}

async function decisionOrFail(ctx: Ctx, id: string) {
  const d = await decisions.findDecisionById(ctx.db, id);
  if (!d) throw notFound(DECISION, id);
  return d;
}

export async function createFollowUp(ctx: Ctx, decisionId: string, input: FollowUpInput) {
  const d = await decisionOrFail(ctx, decisionId);
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [d.body_id] });
  if (d.status === 'pending-approval') throw conflict('errors.after.notApproved');
  const row = await repo.insertFollowUp(ctx.db, {
    decision_id: d.id,
    ...columnsOf(input, ['kind', 'title', 'description', 'standardCode', 'dueOn']),
  });
  await recordChange(ctx, { entityType: FOLLOW_UP, entityId: row.id, action: 'create', before: null, after: row });
  return presentFollowUp(row);
}

export async function listFollowUps(ctx: Ctx, decisionId: string) {
  const d = await decisionOrFail(ctx, decisionId);
  requirePermission(ctx, 'accreditation.read-case', { organizationIds: [d.organization_id, d.body_id] });
  const rows = await repo.followUpsOf(ctx.db, decisionId);
  const items = rows.map((r) => presentFollowUp(r));
  return { items, total: items.length };
}

async function itemWithDecision(ctx: Ctx, id: string) {
  const f = await repo.findFollowUp(ctx.db, id);
  if (!f) throw notFound(FOLLOW_UP, id);
  return { f, d: await decisionOrFail(ctx, f.decision_id) };
}

/** The organization submits its plan, interim report or visit material. */
export async function submitFollowUp(ctx: Ctx, id: string, input: { text: string; documentRef?: string; submittedOn?: string }) {
  const { f, d } = await itemWithDecision(ctx, id);
  requirePermission(ctx, 'accreditation.apply', { organizationIds: [d.organization_id] });
  if (f.status !== 'open' && f.status !== 'returned') throw conflict('errors.after.followUpNotOpen', { status: f.status });
  const submission = { text: input.text, documentRef: input.documentRef ?? null, submittedOn: input.submittedOn ?? todayInAlmaty(), by: actorLabel(ctx.actor) };
  const after = await repo.updateFollowUp(ctx.db, id, { status: 'submitted', submissions: [...f.submissions, submission] });
  await recordChange(ctx, { entityType: FOLLOW_UP, entityId: id, action: 'submit', before: f, after });
  return presentFollowUp(after);
}

/** The body's staff accept the submission or return it with a comment. */
export async function reviewFollowUp(ctx: Ctx, id: string, input: { result: 'accepted' | 'returned'; comment?: string; reviewedOn?: string }) {
  const { f, d } = await itemWithDecision(ctx, id);
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [d.body_id] });
  if (f.status !== 'submitted') throw conflict('errors.after.followUpNotSubmitted', { status: f.status });
  if (input.result === 'returned' && !input.comment?.trim()) {
    throw validationFailed([{ path: 'comment', messageKey: 'errors.after.commentRequired' }]);
  }
  const after = await repo.updateFollowUp(ctx.db, id, {
    status: input.result,
    review_comment: input.comment?.trim() || null,
    reviewed_on: input.reviewedOn ?? todayInAlmaty(),
  });
  await recordChange(ctx, { entityType: FOLLOW_UP, entityId: id, action: `review-${input.result}`, before: f, after });
  return presentFollowUp(after);
}

/** The body head extends or postpones the end of an accreditation (e.g. during a state of emergency). */
export async function changeTerm(ctx: Ctx, decisionId: string, input: TermChangeInput) {
  const d = await decisionOrFail(ctx, decisionId);
  requirePermission(ctx, 'accreditation.approve', { organizationIds: [d.body_id] });
  if (d.outcome !== 'accredited' || !['active', 'extended'].includes(d.status) || !d.valid_to) {
    throw conflict('errors.after.notInForce', { status: d.status });
  }
  if (input.newValidTo <= d.valid_to) {
    throw validationFailed([{ path: 'newValidTo', messageKey: 'errors.after.termNotLater', params: { validTo: d.valid_to } }]);
  }
  const on = input.effectiveOn ?? todayInAlmaty();
  const reason = input.reason.trim();
  const after = await decisions.updateDecision(ctx.db, d.id, { status: 'extended', valid_to: input.newValidTo, status_reason: reason });
  await decisions.openState(ctx.db, {
    decision_id: d.id,
    status: 'extended',
    outcome: after.outcome,
    term_years: after.term_years,
    valid_from: after.valid_from,
    valid_to: input.newValidTo,
    effective_from: on,
    source: input.kind,
    reason,
    details: { previousValidTo: d.valid_to, legalBasis: input.legalBasis ?? null },
  });
  await recordChange(ctx, { entityType: DECISION, entityId: d.id, action: input.kind, before: d, after });
  return getDecision(ctx, d.id);
}

const STATUS_MOVES: Record<string, readonly string[]> = {
  active: ['suspended', 'withdrawn'],
  extended: ['suspended', 'withdrawn'],
  suspended: ['reinstated', 'withdrawn'],
};

/**
 * The body head suspends or withdraws an accreditation (e.g. after monitoring), or reinstates a
 * suspended one; from `effectiveOn` the registers show the new status, and the history keeps both.
 */
export async function changeStatus(ctx: Ctx, decisionId: string, input: StatusChangeInput) {
  const d = await decisionOrFail(ctx, decisionId);
  requirePermission(ctx, 'accreditation.approve', { organizationIds: [d.body_id] });
  const allowed = d.outcome === 'accredited' ? (STATUS_MOVES[d.status] ?? []) : [];
  if (!allowed.includes(input.status)) {
    throw new AppError('invalid_transition', 409, 'errors.after.statusChange', {
      params: { from: d.status, to: input.status },
      extra: { allowedNext: allowed },
    });
  }
  // Reinstating returns to the status held before the suspension (active or extended).
  let status: string = input.status;
  if (input.status === 'reinstated') {
    const periods = await decisions.statesOf(ctx.db, d.id);
    status = periods.filter((p) => p.status === 'active' || p.status === 'extended').at(-1)?.status ?? 'active';
  }
  const on = input.effectiveOn ?? todayInAlmaty();
  const reason = input.reason.trim();
  const after = await decisions.updateDecision(ctx.db, d.id, { status, status_reason: reason });
  await decisions.openState(ctx.db, {
    decision_id: d.id,
    status,
    outcome: after.outcome,
    term_years: after.term_years,
    valid_from: after.valid_from,
    valid_to: after.valid_to,
    effective_from: on,
    source: input.status === 'reinstated' ? 'reinstatement' : input.status === 'suspended' ? 'suspension' : 'withdrawal',
    reason,
  });
  await recordChange(ctx, {
    entityType: DECISION,
    entityId: d.id,
    action: input.status === 'reinstated' ? 'reinstate' : input.status === 'suspended' ? 'suspend' : 'withdraw',
    before: d,
    after,
  });
  return getDecision(ctx, d.id);
}

/**
 * Positive decisions ending within a year of `today` whose organization has not started a new case:
 * re-accreditation must start at least 1 year before expiry (digest 004 §4.1 step 0).
 */
export async function expiryReminders(ctx: Ctx, today = todayInAlmaty()) {
  const everything = ctx.actor.kind === 'system' || canEverywhere(ctx.actor, 'accreditation.read-case');
  if (!everything) requirePermission(ctx, 'accreditation.read-case', { organizationIds: organizationsOf(ctx.actor) });
  const rows = await repo.expiringWithoutNewCase(ctx.db, today, addMonths(today, 12), everything ? undefined : organizationsOf(ctx.actor));
  const dayMs = 86_400_000;
  return rows.map((r) => ({
    decisionId: r.id,
    caseId: r.case_id,
    kind: r.kind,
    organization: { id: r.organization_id, name: { kk: r.org_name_kk, ru: r.org_name_ru, en: r.org_name_en } },
    bodyId: r.body_id,
    bodyShortName: r.body_short_name,
    certificateNumber: r.certificate_number,
    validTo: r.valid_to as string,
    daysLeft: Math.round((Date.parse(r.valid_to as string) - Date.parse(today)) / dayMs),
  }));
}

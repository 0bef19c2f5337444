// Appeals and complaints (digest 004 §3.12–3.13, §8.5): written and signed by the organization's
// head (oral ones refused), logged with a number, examined by a commission, decided by the body
// head. An upheld appeal against a council decision changes the decision from the day it is
// decided, so Registers 2 and 3 and the decision's history show the change.
import { can, canEverywhere, organizationsOf } from '../platform/access/roles.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { type FieldIssue, conflict, notFound, unknownReferences, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import type { AppealEffect, CommissionMember } from './after.table.ts';
import * as repo from './appeal.repository.ts';
import { APPEAL_SUBJECTS, type AppealDecisionInput, type AppealInput, COMPLAINT_SUBJECTS } from './appeal.schema.ts';
import { TERMS } from './decision-rule.ts';
import * as decisions from './decision.repository.ts';
import { takeAction } from './case.service.ts';
import { DECISION, termEnd } from './decision.service.ts';
import { nextCertificateNumber } from './decision.internal.ts';

export const APPEAL = 'accreditation-appeal';

/** Initial-review rejections the case engine records (its states 'rejected' and 'appealed'). */
const REJECTED_STATES = ['rejected', 'appealed'];

export function presentAppeal(a: repo.AppealRow) {
  return {
    id: a.id,
    number: a.number,
    kind: a.kind,
    subject: a.subject,
    caseId: a.case_id,
    decisionId: a.decision_id,
    organizationId: a.organization_id,
    bodyId: a.body_id,
    signedBy: a.signed_by,
    signatoryPosition: a.signatory_position,
    documentRef: a.document_ref,
    grounds: a.grounds,
    receivedOn: a.received_on,
    status: a.status,
    commission: a.commission,
    outcome: a.outcome,
    outcomeReason: a.outcome_reason,
    effect: a.effect as Record<string, unknown>,
    decidedOn: a.decided_on,
  };
}

/** Every reason the filing is not acceptable, listed together (422). */
function filingIssues(input: AppealInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.form === 'oral') issues.push({ path: 'form', messageKey: 'errors.after.oralAppeal' });
  if (!input.signedBy?.trim()) issues.push({ path: 'signedBy', messageKey: 'errors.after.signatureRequired' });
  if (!input.documentRef?.trim()) issues.push({ path: 'documentRef', messageKey: 'errors.after.documentRequired' });
  if (!input.grounds?.trim()) issues.push({ path: 'grounds', messageKey: 'errors.after.groundsRequired' });
  const subjects: readonly string[] = input.kind === 'complaint' ? COMPLAINT_SUBJECTS : APPEAL_SUBJECTS;
  if (!subjects.includes(input.subject)) issues.push({ path: 'subject', messageKey: 'errors.after.subjectNotForKind', params: { kind: input.kind } });
  return issues;
}

export async function fileAppeal(ctx: Ctx, input: AppealInput) {
  const c = await decisions.findCase(ctx.db, input.caseId);
  if (!c) throw notFound('accreditation-case', input.caseId);
  requirePermission(ctx, 'accreditation.apply', { organizationIds: [c.organization_id] });
  const issues = filingIssues(input);
  if (issues.length) throw validationFailed(issues);

  let decisionId: string | null = null;
  if (input.kind === 'appeal' && input.subject === 'council-decision') {
    const d = input.decisionId ? await decisions.findDecisionById(ctx.db, input.decisionId) : await decisions.latestDecisionOfCase(ctx.db, c.id);
    if (!d || d.case_id !== c.id || d.status === 'pending-approval') throw conflict('errors.after.nothingToAppeal');
    decisionId = d.id;
  } else if (input.kind === 'appeal' && !REJECTED_STATES.includes(c.state)) {
    throw conflict('errors.after.notRejected', { state: c.state });
  } else if (input.decisionId) {
    // Only a decision of this very case: another organization's decision must not be reachable through it.
    const d = await decisions.findDecisionById(ctx.db, input.decisionId);
    if (!d || d.case_id !== c.id)
      throw unknownReferences([{ path: 'decisionId', messageKey: 'errors.field.unknownId', params: { entity: 'accreditation-decision', id: input.decisionId } }]);
    decisionId = d.id;
  }

  const receivedOn = input.receivedOn ?? todayInAlmaty();
  const row = await repo.insertAppeal(ctx.db, {
    number: await repo.nextNumber(ctx.db, input.kind === 'appeal' ? 'APL' : 'CMP', Number(receivedOn.slice(0, 4))),
    kind: input.kind,
    subject: input.subject,
    case_id: c.id,
    decision_id: decisionId,
    organization_id: c.organization_id,
    body_id: c.body_id,
    signed_by: (input.signedBy as string).trim(),
    signatory_position: input.signatoryPosition?.trim() || null,
    document_ref: (input.documentRef as string).trim(),
    grounds: (input.grounds as string).trim(),
    received_on: receivedOn,
    filed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
  await recordChange(ctx, { entityType: APPEAL, entityId: row.id, action: 'file', before: null, after: row });
  // The case engine records the appeal against the rejection as its own step (rejected → appealed).
  if (input.subject === 'initial-review-rejection' && c.state === 'rejected') {
    await takeAction(ctx, c.id, 'appeal', { comment: `${row.number}: ${row.grounds}` });
  }
  return presentAppeal(row);
}

async function appealOrFail(ctx: Ctx, id: string) {
  const a = await repo.findAppeal(ctx.db, id);
  if (!a) throw notFound(APPEAL, id);
  return a;
}

export async function getAppeal(ctx: Ctx, id: string) {
  const a = await appealOrFail(ctx, id);
  // Appeals are between the organization and the body (and the ministry that oversees both).
  if (!can(ctx.actor, 'accreditation.read-case', { organizationIds: [a.organization_id, a.body_id] })) throw notFound(APPEAL, id);
  return presentAppeal(a);
}

export async function listAppeals(ctx: Ctx, q: { caseId?: string; kind?: string; status?: string; limit: number; offset: number }) {
  requirePermission(ctx, 'accreditation.read-case', { organizationIds: organizationsOf(ctx.actor) });
  // Only where the caller reads cases: an expert, council or learner role elsewhere must not widen the list.
  const visibleTo = canEverywhere(ctx.actor, 'accreditation.read-case')
    ? undefined
    : organizationsOf(ctx.actor, ['org-admin', 'org-editor', 'agency-staff', 'agency-head']);
  const { items, total } = await repo.listAppeals(ctx.db, { ...q, visibleTo }, q);
  return { items: items.map(presentAppeal), total };
}

/** The body head forms the commission; the appeal is then under review. */
export async function setCommission(ctx: Ctx, id: string, members: CommissionMember[]) {
  const a = await appealOrFail(ctx, id);
  requirePermission(ctx, 'appeal.decide', { organizationIds: [a.body_id] });
  if (a.status === 'decided') throw conflict('errors.after.appealDecided');
  const after = await repo.updateAppeal(ctx.db, id, { commission: members, status: 'under-review' });
  await recordChange(ctx, { entityType: APPEAL, entityId: id, action: 'set-commission', before: a, after });
  return presentAppeal(after);
}

export async function decideAppeal(ctx: Ctx, id: string, input: AppealDecisionInput) {
  const a = await appealOrFail(ctx, id);
  requirePermission(ctx, 'appeal.decide', { organizationIds: [a.body_id] });
  if (a.status === 'decided') throw conflict('errors.after.appealDecided');
  if (a.status !== 'under-review' || a.commission.length === 0) throw conflict('errors.after.commissionRequired');
  const decidedOn = input.decidedOn ?? todayInAlmaty();
  const changesDecision = a.kind === 'appeal' && a.decision_id !== null && input.outcome !== 'rejected';

  const issues: FieldIssue[] = [];
  if (!changesDecision && (input.newOutcome || input.newTermYears !== undefined)) {
    issues.push({ path: 'newOutcome', messageKey: 'errors.after.noDecisionEffect' });
  }
  if (changesDecision && input.newOutcome === 'accredited' && !(TERMS as readonly number[]).includes(input.newTermYears ?? -1)) {
    issues.push({ path: 'newTermYears', messageKey: 'errors.after.council.term-invalid' });
  }
  if (changesDecision && input.newOutcome === 'refused' && input.newTermYears !== undefined) {
    issues.push({ path: 'newTermYears', messageKey: 'errors.after.council.term-not-allowed' });
  }
  if (issues.length) throw validationFailed(issues);

  const effect: AppealEffect = {};
  if (changesDecision) Object.assign(effect, await applyToDecision(ctx, a, input, decidedOn));
  if (a.kind === 'appeal' && a.subject === 'initial-review-rejection') {
    // Upheld: the application is accepted after all; rejected: the rejection stands.
    const c = await decisions.findCase(ctx.db, a.case_id);
    if (c?.state === 'appealed') {
      const action = input.outcome === 'rejected' ? 'dismiss-appeal' : 'uphold-appeal';
      const moved = await takeAction(ctx, c.id, action, { comment: `${a.number}: ${input.reason}` });
      effect.caseState = (moved as { state?: string }).state ?? (action === 'uphold-appeal' ? 'accepted' : 'rejected');
    }
  }
  const after = await repo.updateAppeal(ctx.db, id, {
    status: 'decided',
    outcome: input.outcome,
    outcome_reason: input.reason,
    decided_on: decidedOn,
    effect,
  });
  await recordChange(ctx, { entityType: APPEAL, entityId: id, action: `decide-${input.outcome}`, before: a, after });
  return presentAppeal(after);
}

/**
 * An upheld appeal replaces the decision from the day it is decided: with a new outcome (and term)
 * the accreditation runs from that day; without one the decision is withdrawn for a new council vote.
 */
async function applyToDecision(ctx: Ctx, a: repo.AppealRow, input: AppealDecisionInput, on: string): Promise<AppealEffect> {
  const d = await decisions.findDecisionById(ctx.db, a.decision_id as string);
  if (!d) throw notFound(DECISION, a.decision_id as string);
  const reason = `${a.number}: ${input.reason}`;
  let patch: decisions.DecisionPatch;
  if (input.newOutcome === 'accredited') {
    const term = input.newTermYears as number;
    patch = { outcome: 'accredited', term_years: term, status: 'active', valid_from: on, valid_to: termEnd(on, term), status_reason: reason };
    if (!d.certificate_number) patch.certificate_number = await nextCertificateNumber(ctx, d.body_id, on);
  } else if (input.newOutcome === 'refused') {
    patch = { outcome: 'refused', term_years: null, status: 'refused', valid_from: null, valid_to: null, status_reason: reason };
  } else {
    patch = { status: 'withdrawn', status_reason: reason };
  }
  const after = await decisions.updateDecision(ctx.db, d.id, patch);
  await decisions.openState(ctx.db, {
    decision_id: d.id,
    status: after.status,
    outcome: after.outcome,
    term_years: after.term_years,
    valid_from: after.valid_from,
    valid_to: after.valid_to,
    effective_from: on,
    source: 'appeal',
    source_id: a.id,
    reason,
    details: { appealNumber: a.number, appealOutcome: input.outcome },
  });
  await recordChange(ctx, { entityType: DECISION, entityId: d.id, action: 'appeal-upheld', before: d, after });
  return {
    decisionStatus: after.status,
    outcome: after.outcome as 'accredited' | 'refused',
    termYears: after.term_years,
    validFrom: after.valid_from,
    validTo: after.valid_to,
  };
}

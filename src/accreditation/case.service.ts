// The accreditation case engine: opening a case (only with a body recognized for its scope),
// reading it within the caller's scope, and taking every step of case-states.ts with its checks
// (role 403, state 409 with allowedNext, payload 422, preconditions 409), event, audit and deadlines.
import { submitLatestSarVersion } from './sar.service.ts';
import { type Actor, actorId, actorLabel, canEverywhere, organizationsOf } from '../platform/access/roles.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { AppError, type FieldIssue, forbidden, notFound } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { type ExpectedVersion, refuseStale, updatedOrStale } from '../platform/records/versioned.ts';
import { organizationsByIds, programmesByIds } from '../registry/registry.api.ts';
import {
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseFacts,
  type CaseRole,
  type CaseState,
  PRECONDITIONS,
  type Precondition,
  REJECT_REASONS,
  TRANSITIONS,
  allowedActions,
  checkAction,
  isCaseState,
  missingPayload,
} from './case-states.ts';
import type { ActionPayload, CaseInput } from './case.schema.ts';
import { caseAccess } from './case.access.ts';
import { tellCaseStep } from './case-notifications.ts';
import * as repo from './case.repository.ts';
import { approveDecision, publishDecision, recordDecision, recordEnaeeStep } from './decision.internal.ts';
import { VISIT_MIN_DAYS, deadlineChanges, presentDeadline } from './deadlines.ts';
import { type PanelFacts, panelFacts } from './panel.facts.ts';
import { caseIdsOfExpertUser } from './panel.repository.ts';
import { recognitionsOfBody } from './recognition.service.ts';
import { type CoverageReason, recognitionCovers } from './recognition.rules.ts';
import { type SarFacts, sarFacts } from './sar.facts.ts';
import { setInForce } from './standards.repository.ts';

export const CASE = 'accreditation-case';

/** Where the engine reads panel and SAR facts; tests may replace them to drive a case alone. */
export const caseFactSources: { panel: typeof panelFacts; sar: typeof sarFacts } = { panel: panelFacts, sar: sarFacts };

export function presentCase(r: repo.CaseRow, programmeIds: string[]) {
  return {
    id: r.id,
    number: r.number,
    bodyId: r.body_id,
    organizationId: r.organization_id,
    kind: r.kind,
    eurAce: r.eur_ace,
    crossBorder: r.cross_border,
    standardSetId: r.standard_set_id,
    state: r.state as CaseState,
    stateSince: r.state_since.toISOString(),
    coordinatorUserId: r.coordinator_user_id,
    rejectReason: r.reject_reason,
    appliedOn: r.applied_on,
    startedOn: r.started_on,
    programmeIds,
    isSynthetic: r.is_synthetic,
    version: r.row_version,
  };
}
export type CaseSummary = ReturnType<typeof presentCase>;

const issue = (path: string, key: string, params?: Record<string, string | number>): FieldIssue => ({ path, messageKey: key, ...(params && { params }) });
const invalid = (issues: FieldIssue[]) => new AppError('validation_failed', 422, 'errors.validationFailed', { issues });

/** The case roles an actor holds on one case (the state machine's `by`). */
export async function caseRolesOf(ctx: Ctx, c: Pick<repo.CaseRow, 'id' | 'organization_id' | 'body_id'>): Promise<CaseRole[]> {
  return (await caseAccess(ctx, c)).roles;
}

/** A case the caller may read, else 404 (a case outside one's scope does not exist for them). */
async function readableCase(ctx: Ctx, id: string): Promise<repo.CaseRow> {
  const row = await repo.findCase(ctx.db, id);
  if (!row || !(await caseAccess(ctx, row)).can('read')) throw notFound(CASE, id);
  return row;
}

function applicantOrganization(actor: Actor, given?: string): string {
  if (given) return given;
  const own = [...new Set(organizationsOf(actor, ['org-admin']))];
  if (own.length === 1) return own[0] as string;
  throw invalid([issue('organizationId', 'errors.field.required')]);
}

const coverageIssue = (r: CoverageReason): FieldIssue => {
  switch (r.code) {
    case 'not-recognized':
      return issue('bodyId', 'errors.case.coverage.notRecognized');
    case 'not-active':
      return issue('bodyId', 'errors.case.coverage.notActive', { status: r.status });
    case 'expired':
      return issue('bodyId', 'errors.case.coverage.expired', { validTo: r.validTo });
    case 'not-yet-valid':
      return issue('bodyId', 'errors.case.coverage.notYetValid', { validFrom: r.validFrom });
    case 'scope-type':
      return issue('kind', 'errors.case.coverage.scopeType', { kind: r.kind });
    case 'level':
      return issue('programmeIds', 'errors.case.coverage.level', { level: r.level });
    case 'field':
      return issue('programmeIds', 'errors.case.coverage.field', { field: r.field });
    case 'enaee-required':
      return issue('eurAce', 'errors.case.coverage.enaeeRequired');
    case 'wfme-required':
      return issue('programmeIds', 'errors.case.coverage.wfmeRequired', { field: r.field });
  }
};

export async function createCase(ctx: Ctx, input: CaseInput, meta: { at?: Date; isSynthetic?: boolean } = {}) {
  const organizationId = applicantOrganization(ctx.actor, input.organizationId);
  requirePermission(ctx, 'accreditation.apply', { organizationIds: [organizationId] });
  const at = meta.at ?? new Date();
  const today = todayInAlmaty(at);
  const [body, org] = await Promise.all([organizationsByIds(ctx.db, [input.bodyId]), organizationsByIds(ctx.db, [organizationId])]);
  const bodyRow = body[0];
  const refIssues: FieldIssue[] = [];
  if (bodyRow?.kind !== 'accreditation-body') refIssues.push(issue('bodyId', 'errors.field.unknownId', { entity: 'accreditation-body', id: input.bodyId }));
  if (!org[0]) refIssues.push(issue('organizationId', 'errors.field.unknownId', { entity: 'organization', id: organizationId }));
  if (refIssues.length) throw new AppError('unknown_reference', 422, 'errors.unknownReference', { issues: refIssues });

  const issues: FieldIssue[] = [];
  const programmeIds = [...new Set(input.programmeIds)];
  const programmes = await programmesByIds(ctx.db, programmeIds);
  if (input.kind === 'programme' && !programmeIds.length) issues.push(issue('programmeIds', 'errors.case.programmesRequired'));
  if (input.kind === 'institutional' && programmeIds.length) issues.push(issue('programmeIds', 'errors.case.programmesNotAllowed'));
  if (input.kind === 'institutional' && input.eurAce) issues.push(issue('eurAce', 'errors.case.eurAceProgrammeOnly'));
  programmeIds.forEach((id, i) => {
    const p = programmes.find((x) => x.id === id);
    if (!p || p.organization_id !== organizationId) issues.push(issue(`programmeIds.${i}`, 'errors.case.programmeNotOwned', { id }));
    else if (p.status !== 'included' && p.status !== 'update') issues.push(issue(`programmeIds.${i}`, 'errors.case.programmeNotIncluded', { code: p.code }));
  });
  if (issues.length) throw invalid(issues);

  const coverage = recognitionCovers(await recognitionsOfBody(ctx, input.bodyId), {
    kind: input.kind,
    nqfLevels: programmes.map((p) => p.nqf_level),
    fieldCodes: programmes.map((p) => p.narrow_field_code ?? p.field_code),
    eurAce: input.eurAce,
    onDate: today,
  });
  if (!coverage.ok) {
    throw new AppError('validation_failed', 422, 'errors.case.notCovered', {
      params: { body: bodyRow?.short_name ?? bodyRow?.name_ru ?? input.bodyId },
      issues: coverage.reasons.map(coverageIssue),
      extra: { reasons: coverage.reasons },
    });
  }

  const set = await setInForce(ctx.db, input.bodyId, input.kind, today);
  const prefix = `${(bodyRow?.short_name ?? bodyRow?.key ?? 'CASE').toUpperCase().replace(/[^A-Z0-9]+/g, '')}-${today.slice(0, 4)}`;
  const row = await repo.insertCase(
    ctx.db,
    {
      number: await repo.nextNumber(ctx.db, prefix),
      body_id: input.bodyId,
      organization_id: organizationId,
      kind: input.kind,
      eur_ace: input.eurAce,
      cross_border: input.crossBorder,
      standard_set_id: set?.id ?? null,
      state: 'draft',
      has_students: input.hasStudents,
      has_graduates: input.hasGraduates,
      previous_decision_id: input.previousDecisionId ?? null,
      is_synthetic: meta.isSynthetic ?? false,
    },
    programmeIds,
    at,
  );
  const after = presentCase(row, programmeIds);
  await repo.insertEvent(ctx.db, { case_id: row.id, action: 'create', from_state: null, to_state: 'draft', actor_id: actorId(ctx.actor), actor_label: actorLabel(ctx.actor), at, comment: null, payload: {} });
  await recordChange(ctx, { entityType: CASE, entityId: row.id, action: 'accreditation-case.create', before: null, after, at });
  return after;
}

export async function listCases(
  ctx: Ctx,
  q: { state?: string; kind?: string; bodyId?: string; organizationId?: string; overdue?: boolean; limit: number; offset: number; sort?: repo.CaseSort; desc?: boolean },
) {
  const today = todayInAlmaty();
  let visible: repo.CaseFilters['visible'];
  if (!canEverywhere(ctx.actor, 'accreditation.read-case')) {
    const actor = ctx.actor;
    visible = {
      organizationIds: organizationsOf(actor, ['org-admin', 'org-editor']),
      bodyIds: organizationsOf(actor, ['agency-staff', 'agency-head']),
      caseIds: actor.kind === 'user' ? await caseIdsOfExpertUser(ctx.db, actor.userId) : [],
    };
  }
  const { items, total } = await repo.listCases(ctx.db, { ...q, overdueOn: q.overdue ? today : undefined, visible }, q);
  const caseIds = items.map((r) => r.id);
  const [programmes, overdue] = await Promise.all([repo.programmeIdsOf(ctx.db, caseIds), repo.overdueStepsOf(ctx.db, caseIds, today)]);
  return { items: items.map((r) => ({ ...presentCase(r, programmes.get(r.id) ?? []), overdueSteps: overdue.get(r.id) ?? [] })), total };
}

export async function getCase(ctx: Ctx, id: string) {
  const row = await readableCase(ctx, id);
  const programmeIds = (await repo.programmeIdsOf(ctx.db, [id])).get(id) ?? [];
  const [orgs, programmes, deadlines, events, roles, decision] = await Promise.all([
    organizationsByIds(ctx.db, [row.organization_id, row.body_id]),
    programmesByIds(ctx.db, programmeIds),
    repo.deadlinesOf(ctx.db, id),
    repo.eventsOf(ctx.db, id),
    caseRolesOf(ctx, row),
    repo.latestDecision(ctx.db, id),
  ]);
  const named = (oid: string) => {
    const o = orgs.find((x) => x.id === oid);
    return { id: oid, name: { kk: o?.name_kk ?? '', ru: o?.name_ru ?? '', en: o?.name_en ?? null } };
  };
  const today = todayInAlmaty();
  return {
    ...presentCase(row, programmeIds),
    body: named(row.body_id),
    organization: named(row.organization_id),
    programmes: programmes.map((p) => ({ id: p.id, code: p.code, name: { kk: p.name_kk, ru: p.name_ru, en: p.name_en }, nqfLevel: p.nqf_level })),
    details: row.details,
    yourRoles: roles,
    allowedActions: isCaseState(row.state) ? allowedActions(row.state, await branchFacts(ctx, row), roles) : [],
    deadlines: deadlines.map((d) => presentDeadline(d, today)),
    events: events.map((e) => ({
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      actor: e.actor_label,
      at: e.at.toISOString(),
      comment: e.comment,
      payload: e.payload,
    })),
    decision: decision ? { id: decision.id, outcome: decision.outcome, status: decision.status } : null,
  };
}

/** The precondition facts of a case, from the panel and SAR modules and the case's own deadlines. */
export function preconditionFacts(panel: PanelFacts, sar: SarFacts, factualPeriodOver: boolean): Record<Precondition, boolean> {
  const votes = panel.votes.for + panel.votes.against + panel.votes.abstain;
  return {
    'sar-exists': sar.versions > 0,
    'sar-languages-complete': sar.languagesComplete,
    'panel-exists': panel.panelExists,
    'panel-rules-met': panel.panelExists && panel.panelRuleViolations.length === 0,
    'panel-accepted': panel.panelAccepted,
    'no-open-challenges': panel.openChallenges === 0,
    'visit-planned': panel.visitPlanned,
    'protocol-signed': panel.protocolSigned,
    'report-complete': panel.reportComplete,
    'template-checked': panel.templateChecked,
    'factual-comments-or-period-over': panel.factualCommentsReceived || factualPeriodOver,
    'report-final': panel.reportFinal,
    'council-meeting-scheduled': panel.councilMeetingScheduled,
    'votes-recorded': votes > 0,
  };
}

/** The EUR-ACE® branch applies to a EUR-ACE® case unless its decision is a refusal (no label to approve). */
async function branchFacts(ctx: Ctx, row: repo.CaseRow): Promise<{ eurAce: boolean }> {
  if (!row.eur_ace) return { eurAce: false };
  const decision = await repo.latestDecision(ctx.db, row.id);
  return { eurAce: decision?.outcome !== 'refused' };
}

async function factsFor(ctx: Ctx, row: repo.CaseRow, action: CaseAction, today: string): Promise<CaseFacts> {
  const base = await branchFacts(ctx, row);
  if (!TRANSITIONS[action].requires.length) return base;
  const [panel, sar, deadlines] = await Promise.all([caseFactSources.panel(ctx.db, row.id), caseFactSources.sar(ctx.db, row.id), repo.deadlinesOf(ctx.db, row.id)]);
  const factual = deadlines.find((d) => d.step === 'factual-comments');
  return { ...base, ...preconditionFacts(panel, sar, !!factual && today > factual.due_on) };
}

/** Checks of the payload beyond presence: the coordinator's independence, visit length, term. */
async function payloadIssues(ctx: Ctx, row: repo.CaseRow, action: CaseAction, p: ActionPayload): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (action === 'assign-coordinator' && p.coordinatorUserId) {
    const roles = (await repo.userExists(ctx.db, p.coordinatorUserId)) ? await repo.userRoles(ctx.db, p.coordinatorUserId) : null;
    if (!roles?.some((r) => r.role === 'agency-staff' && r.organization_id === row.body_id)) {
      issues.push(issue('coordinatorUserId', 'errors.case.coordinatorNotStaff'));
    } else if (roles.some((r) => r.organization_id === row.organization_id)) {
      issues.push(issue('coordinatorUserId', 'errors.case.coordinatorConflict'));
    }
  }
  return [...issues, ...payloadRuleIssues(action, p)];
}

/**
 * What is wrong with a step's payload by itself, before any record is read: a missing field, a
 * visit too short, a term that does not fit the outcome. A confirmation page checks these first.
 */
export function payloadRuleIssues(action: CaseAction, p: ActionPayload): FieldIssue[] {
  const issues: FieldIssue[] = missingPayload(action, p).map((f) => issue(f, 'errors.field.required'));
  if (action === 'schedule-visit' && p.visitStart && p.visitEnd) {
    const days = (Date.parse(p.visitEnd) - Date.parse(p.visitStart)) / 86_400_000 + 1;
    if (days < 1) issues.push(issue('visitEnd', 'errors.field.dateOrder', { from: 'visitStart', to: 'visitEnd' }));
    else if (days < VISIT_MIN_DAYS) issues.push(issue('visitEnd', 'errors.case.visitTooShort', { min: VISIT_MIN_DAYS }));
  }
  if (action === 'decide' && p.outcome === 'accredited' && (p.termYears === undefined || p.termYears === null)) issues.push(issue('termYears', 'errors.case.termRequired'));
  if (action === 'decide' && p.outcome === 'refused' && p.termYears) issues.push(issue('termYears', 'errors.case.termNotAllowed'));
  if (action === 'reject' && p.rejectReason && !REJECT_REASONS.includes(p.rejectReason)) issues.push(issue('rejectReason', 'errors.case.rejectReason'));
  return issues;
}

/** One step of the case. Order of checks: role (403), state (409 + allowedNext), payload (422), preconditions (409). */
export async function takeAction(ctx: Ctx, id: string, action: CaseAction, payload: ActionPayload = {}, meta: { at?: Date; expected?: ExpectedVersion } = {}) {
  const row = await repo.lockCase(ctx.db, id);
  if (!row || !(await caseAccess(ctx, row)).can('read')) throw notFound(CASE, id);
  refuseStale(meta.expected, row.row_version);
  if (!isCaseState(row.state)) throw new AppError('conflict', 409, 'errors.case.unknownState', { params: { state: row.state } });
  const at = meta.at ?? new Date();
  const today = todayInAlmaty(at);
  const roles = await caseRolesOf(ctx, row);
  const facts = await factsFor(ctx, row, action, today);
  const check = checkAction(row.state, action, { roles, facts, payload });
  if (!check.ok) {
    if (check.reason === 'role') throw forbidden(`accreditation-case.${action}`);
    if (check.reason === 'state') {
      throw new AppError('invalid_transition', 409, 'errors.case.transition', {
        params: { from: row.state, action, allowed: check.allowedNext.join(', ') || '—' },
        extra: { allowedNext: check.allowedNext, allowedNextForYou: check.allowedNext.filter((a) => TRANSITIONS[a].by.some((r) => roles.includes(r))) },
      });
    }
    if (check.reason === 'payload') throw invalid(check.missing.map((f) => issue(f, 'errors.field.required')));
    throw new AppError('conflict', 409, 'errors.case.preconditions', { params: { action, unmet: check.unmet.join(', ') }, extra: { unmet: check.unmet } });
  }
  const more = await payloadIssues(ctx, row, action, payload);
  if (more.length) throw invalid(more);
  // Submitting the case's SAR freezes its latest draft, so the body and panel see what was submitted.
  if (action === 'submit-sar') await submitLatestSarVersion(ctx, id);

  const programmeIds = (await repo.programmeIdsOf(ctx.db, [id])).get(id) ?? [];
  const before = presentCase(row, programmeIds);
  const details = { ...row.details };
  const update: repo.CaseUpdate = { state: check.to, state_since: at, updated_at: at };
  switch (action) {
    case 'apply':
      update.applied_on = today;
      break;
    case 'register': {
      // The procedure legally begins at registration: the standards in force today apply to the case.
      update.started_on = today;
      const set = await setInForce(ctx.db, row.body_id, row.kind, today);
      if (set) update.standard_set_id = set.id;
      break;
    }
    case 'reject':
      update.reject_reason = payload.rejectReason ?? null;
      break;
    case 'accept':
    case 'uphold-appeal':
      update.reject_reason = null;
      break;
    case 'assign-coordinator':
      update.coordinator_user_id = payload.coordinatorUserId ?? null;
      break;
    case 'sign-contract':
      details.contract = { number: payload.contractNumber, signedOn: payload.signedOn };
      break;
    case 'schedule-visit':
      details.visit = { start: payload.visitStart, end: payload.visitEnd, format: payload.visitFormat };
      break;
    case 'terminate-noncompliant':
      details.writtenOpinion = payload.writtenOpinion;
      break;
    default:
      break;
  }
  update.details = details;
  // The row is locked, so this only re-states the check above where the UPDATE happens.
  const from: ExpectedVersion = meta.expected ?? { versions: [row.row_version], from: 'body' };
  const updated = await updatedOrStale(await repo.updateCase(ctx.db, id, update, from), from, () => repo.findCase(ctx.db, id));

  // Decisions are the decision service's records; they follow the case's new state.
  if (action === 'decide') {
    await recordDecision(ctx, id, {
      outcome: payload.outcome as 'accredited' | 'refused',
      termYears: payload.termYears ?? null,
      departureReason: payload.departureReason ?? null,
      decidedOn: today,
    });
  } else if (action === 'approve') {
    await approveDecision(ctx, id, today);
  } else if (action === 'publish' || action === 'publish-eur-ace') {
    await publishDecision(ctx, id, today);
  } else if (action === 'submit-to-enaee') {
    await recordEnaeeStep(ctx, id, 'submitted');
  } else if (action === 'record-enaee-approval' || action === 'record-enaee-rejection') {
    await recordEnaeeStep(ctx, id, action === 'record-enaee-approval' ? 'approved' : 'rejected');
  }

  const changes = deadlineChanges(action, today);
  await repo.meetDeadlines(ctx.db, id, changes.meet, at);
  for (const d of changes.start) await repo.startDeadline(ctx.db, id, d.step, d.startsOn, d.dueOn);

  const { comment, writtenOpinion, ...rest } = payload;
  await repo.insertEvent(ctx.db, {
    case_id: id,
    action,
    from_state: row.state,
    to_state: check.to,
    actor_id: actorId(ctx.actor),
    actor_label: actorLabel(ctx.actor),
    at,
    comment: comment ?? writtenOpinion ?? null,
    payload: rest,
  });
  const after = presentCase(updated, programmeIds);
  await recordChange(ctx, { entityType: CASE, entityId: id, action: `accreditation-case.${action}`, before, after, at });
  await tellCaseStep(ctx, updated, action, payload, String(updated.row_version));
  return getCase(ctx, id);
}

/** The state machine as data, for clients and pages. */
export function workflow() {
  return {
    states: [...CASE_STATES],
    rejectReasons: [...REJECT_REASONS],
    preconditions: [...PRECONDITIONS],
    actions: CASE_ACTIONS.map((a) => {
      const tr = TRANSITIONS[a] as (typeof TRANSITIONS)[CaseAction] & { eurAce?: boolean };
      return { action: a, from: [...tr.from], to: tr.to, by: [...tr.by], payload: [...tr.payload], requires: [...tr.requires], eurAce: tr.eurAce ?? null };
    }),
  };
}

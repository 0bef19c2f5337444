// QA-system failure ("bankruptcy") and recovery (issue 16 item 4, seed 002 L1459-1487, L2027-2055,
// L2626-2656). The authority (the ministry) declares a failure of an organization's internal QA
// system when its latest risk score is high; the organization (its admin) declares its own, or
// records that its founders declared it (founders are not users of Sapa: the organization records
// their declaration with their name; decision 153). A recovery plan of measures (risk management,
// financial, advisory, regulatory assistance), each with an owner, a deadline and a status, is
// kept by either side; both report progress (reports are appended, never changed); the authority
// closes it as recovered or, with a reason, otherwise. Every step is a version in the history.
import { actorId, can, canEverywhere, holdsAnywhere, organizationsOf } from '../platform/access/roles.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { conflict, type FieldIssue, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors.ts';
import { historyOf, recordChange } from '../platform/history/history.ts';
import { organizationById } from '../registry/registry.api.ts';
import { levelOfOrganizationKind } from './internal-qa.rules.ts';
import {
  type FAILURE_LEVELS,
  FAILURE_SOURCES,
  type FailureIssue,
  type FailureRefusal,
  type Measure,
  type MeasureKind,
  type MeasureStatus,
  closingIssues,
  failureDeclarationRefusal,
  planDeadline,
  planIssues,
} from './qa-failure.rules.ts';
import * as repo from './qa-failure.repository.ts';
import type { CloseInput, FailureDeclare, PlanSave, ReportInput } from './qa-failure.schema.ts';
import * as riskRepo from './risk.repository.ts';

export const FAILURE = 'qa-failure';
type Level = (typeof FAILURE_LEVELS)[number];
type Declarant = FailureDeclare['declarant'];

/**
 * The module's access policy for failures: the authority is whoever reviews self-assessments (the
 * ministry, everywhere); the organization is whoever assesses its own internal QA (its admin);
 * both read, as does the organization's editor.
 */
export function qaFailureAccess(ctx: Ctx, organizationId: string) {
  const scope = { organizationIds: [organizationId] };
  return {
    read: can(ctx.actor, 'internal-qa.read', scope),
    authority: can(ctx.actor, 'internal-qa.review', scope),
    organization: can(ctx.actor, 'internal-qa.assess', scope),
  };
}

function deny(ctx: Ctx, action: string): never {
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(action);
}

const issueKey: Record<FailureIssue['code'], string> = {
  'due-before-declaration': 'errors.oversight.failure.dueBeforeDeclaration',
  'measures-open': 'errors.oversight.failure.measuresOpen',
  'no-measures': 'errors.oversight.failure.noMeasures',
  'reason-required': 'errors.oversight.failure.reasonRequired',
};
const refusalIssue: Record<FailureRefusal, FieldIssue> = {
  'level-without-failure': { path: 'organizationId', messageKey: 'errors.oversight.failure.level' },
  'authority-needs-high-risk': { path: 'declarant', messageKey: 'errors.oversight.failure.needsHighRisk' },
};
const toFieldIssues = (issues: FailureIssue[]): FieldIssue[] => issues.map((i) => ({ path: i.path, messageKey: issueKey[i.code] }));

/** The day a step happens: today, or a past day for the demo seed only (routes never pass one). */
export type StepDay = { on: string };
const dayOf = (step?: StepDay) => step?.on ?? todayInAlmaty();
const atOf = (step?: StepDay) => (step ? new Date(`${step.on}T12:00:00+05:00`) : undefined);

const measureOf = (m: repo.MeasureRow): Measure => ({ kind: m.kind as MeasureKind, description: m.description, owner: m.owner, dueOn: m.due_on, status: m.status as MeasureStatus });

export function presentSummary(row: repo.FailureRow, measures: readonly Measure[]) {
  return {
    id: row.id,
    organizationId: row.organization_id,
    level: row.level as Level,
    declarant: row.declarant as Declarant,
    foundersName: row.founders_name,
    declaredOn: row.declared_on,
    state: row.state as 'active' | 'recovered' | 'closed',
    closedOn: row.closed_on,
    planDeadline: planDeadline(measures),
  };
}

/** The failure as a version of its history records it: the row and its plan (reports are their own table). */
async function snapshot(ctx: Ctx, row: repo.FailureRow) {
  const measures = (await repo.measuresOf(ctx.db, [row.id])).map(measureOf);
  const { created_at: _c, updated_at: _u, ...rest } = row;
  return { ...rest, measures };
}

async function present(ctx: Ctx, row: repo.FailureRow) {
  const [measureRows, reports, history] = await Promise.all([repo.measuresOf(ctx.db, [row.id]), repo.reportsOf(ctx.db, row.id), historyOf(ctx.db, FAILURE, row.id)]);
  const measures = measureRows.map(measureOf);
  return {
    ...presentSummary(row, measures),
    grounds: row.grounds,
    risk: row.risk_assessed_on && row.risk_score !== null ? { assessedOn: row.risk_assessed_on, score: row.risk_score } : null,
    closingReason: row.closing_reason,
    measures,
    reports: reports.map((r) => ({ id: r.id, reportedOn: r.reported_on, author: r.author as 'authority' | 'organization', text: r.text })),
    source: FAILURE_SOURCES[row.level as Level],
    history,
  };
}
export type QaFailure = Awaited<ReturnType<typeof present>>;

async function readable(ctx: Ctx, id: string): Promise<repo.FailureRow> {
  const row = await repo.findFailure(ctx.db, id);
  // The grounds and reports are internal: others learn nothing here (the public page has its own read).
  if (!row || !qaFailureAccess(ctx, row.organization_id).read) throw notFound(FAILURE, id);
  return row;
}

export async function getFailure(ctx: Ctx, id: string) {
  return present(ctx, await readable(ctx, id));
}

export async function listFailures(ctx: Ctx, q: { organizationId?: string; state?: string; limit: number; offset: number }) {
  if (!holdsAnywhere(ctx.actor, 'internal-qa.read')) deny(ctx, 'internal-qa.read');
  const everywhere = canEverywhere(ctx.actor, 'internal-qa.read');
  const own = organizationsOf(ctx.actor).filter((o) => can(ctx.actor, 'internal-qa.read', { organizationIds: [o] }));
  let organizationIds = everywhere ? undefined : own;
  if (q.organizationId) organizationIds = everywhere || own.includes(q.organizationId) ? [q.organizationId] : [];
  const { items, total } = await repo.listFailures(ctx.db, { organizationIds, state: q.state }, q);
  const measures = await repo.measuresOf(
    ctx.db,
    items.map((i) => i.id),
  );
  return { items: items.map((row) => presentSummary(row, measures.filter((m) => m.failure_id === row.id).map(measureOf))), total };
}

/**
 * Declares a failure: the authority only on a high latest risk score; the organization's admin for
 * itself or for its founders. Only for the levels the seed gives (secondary, TVET, higher).
 */
export async function declareFailure(ctx: Ctx, input: FailureDeclare, step?: StepDay) {
  const access = qaFailureAccess(ctx, input.organizationId);
  const allowed = input.declarant === 'authority' ? access.authority : access.organization;
  if (!allowed) deny(ctx, input.declarant === 'authority' ? 'internal-qa.review' : 'internal-qa.assess');
  const org = await organizationById(ctx.db, input.organizationId);
  if (!org) throw notFound('organization', input.organizationId);
  const foundersName = input.foundersName?.trim() || null;
  if (input.declarant === 'founders' && !foundersName) throw validationFailed([{ path: 'foundersName', messageKey: 'errors.oversight.failure.foundersName' }]);
  const level = levelOfOrganizationKind(org.kind);
  const latest = (await riskRepo.scoresOf(ctx.db, input.organizationId))[0];
  const refusal = level ? failureDeclarationRefusal(level, input.declarant, latest?.level === 'high') : 'level-without-failure';
  if (refusal) throw validationFailed([refusalIssue[refusal]]);
  if (await repo.activeFailureOf(ctx.db, input.organizationId)) throw conflict('errors.oversight.failure.activeExists');
  const row = await repo.insertFailure(ctx.db, {
    organization_id: input.organizationId,
    level: level as Level,
    declarant: input.declarant,
    founders_name: input.declarant === 'founders' ? foundersName : null,
    declared_by_user_id: actorId(ctx.actor),
    declared_on: dayOf(step),
    grounds: input.grounds.trim(),
    risk_assessed_on: input.declarant === 'authority' ? (latest?.assessed_on ?? null) : null,
    risk_score: input.declarant === 'authority' ? (latest?.score ?? null) : null,
  });
  await recordChange(ctx, { entityType: FAILURE, entityId: row.id, action: 'qa-failure.declare', before: null, after: await snapshot(ctx, row), at: atOf(step) });
  return present(ctx, row);
}

/** An active failure the caller may act on as the authority or as the organization. */
async function forChange(ctx: Ctx, id: string, who: 'either' | 'authority'): Promise<repo.FailureRow> {
  const row = await repo.lockFailure(ctx.db, id);
  if (!row) throw notFound(FAILURE, id);
  const access = qaFailureAccess(ctx, row.organization_id);
  const allowed = who === 'authority' ? access.authority : access.authority || access.organization;
  if (!allowed) {
    if (!access.read) throw notFound(FAILURE, id);
    deny(ctx, who === 'authority' ? 'internal-qa.review' : 'internal-qa.assess');
  }
  if (row.state !== 'active') throw conflict('errors.oversight.failure.notActive');
  return row;
}

/** Saves the whole recovery plan: its measures replace the previous ones; the history keeps each version. */
export async function savePlan(ctx: Ctx, id: string, input: PlanSave, step?: StepDay) {
  const row = await forChange(ctx, id, 'either');
  const issues = planIssues(row.declared_on, input.measures);
  if (issues.length) throw validationFailed(toFieldIssues(issues));
  const before = await snapshot(ctx, row);
  await repo.replaceMeasures(
    ctx.db,
    id,
    input.measures.map((m) => ({ kind: m.kind, description: m.description, owner: m.owner, due_on: m.dueOn, status: m.status })),
  );
  const saved = await repo.updateFailure(ctx.db, id, {});
  await recordChange(ctx, { entityType: FAILURE, entityId: id, action: 'qa-failure.plan', before, after: await snapshot(ctx, saved), at: atOf(step) });
  return present(ctx, saved);
}

/**
 * Appends a progress report. Its author is the side the caller acts for: the authority when it may
 * act as one, else the organization; the demo seed (a system actor, both) says which.
 */
export async function addReport(ctx: Ctx, id: string, input: ReportInput, step?: StepDay & { author?: 'authority' | 'organization' }) {
  const row = await forChange(ctx, id, 'either');
  const author = step?.author ?? (qaFailureAccess(ctx, row.organization_id).authority ? 'authority' : 'organization');
  const before = await snapshot(ctx, row);
  const report = await repo.insertReport(ctx.db, { failure_id: id, reported_on: dayOf(step), author, author_user_id: actorId(ctx.actor), text: input.text.trim() });
  await recordChange(ctx, { entityType: FAILURE, entityId: id, action: 'qa-failure.report', before, after: { ...before, report: { id: report.id, reportedOn: report.reported_on, author } }, at: atOf(step) });
  return present(ctx, row);
}

/** The authority closes it: recovered (every measure done or dropped) or closed otherwise with the reason. */
export async function closeFailure(ctx: Ctx, id: string, input: CloseInput, step?: StepDay) {
  const row = await forChange(ctx, id, 'authority');
  const measures = (await repo.measuresOf(ctx.db, [id])).map(measureOf);
  const issues = closingIssues(input.outcome, input.reason, measures);
  if (issues.length) throw validationFailed(toFieldIssues(issues));
  const before = await snapshot(ctx, row);
  const saved = await repo.updateFailure(ctx.db, id, { state: input.outcome, closed_on: dayOf(step), closing_reason: input.reason?.trim() || null });
  await recordChange(ctx, { entityType: FAILURE, entityId: id, action: `qa-failure.${input.outcome === 'recovered' ? 'recover' : 'close'}`, before, after: await snapshot(ctx, saved), at: atOf(step) });
  return present(ctx, saved);
}

/** Which failures the workspace offers to declare: the organizations the caller may self-declare for. */
export const selfDeclarableOrganizations = (ctx: Ctx): string[] =>
  [...new Set(organizationsOf(ctx.actor))].filter((o) => can(ctx.actor, 'internal-qa.assess', { organizationIds: [o] }));

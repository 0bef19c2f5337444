// The site visit (digest 004 §3.8): the body plans it (at least 2 days; on-site, online or hybrid),
// each expert signs an individual opinion, and the chair signs the protocol.
import type { Ctx } from '../platform/context.ts';
import { type FieldIssue, conflict, forbidden, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import type { InterviewGroup, ScheduleItem } from './panels.table.ts';
import { loadCase, requireManager, requireMember, viewerOf } from './panel-access.ts';
import * as panels from './panel.repository.ts';
import type { VisitInput } from './visit.schema.ts';
import * as repo from './visit.repository.ts';

export const MIN_VISIT_DAYS = 2;

/** Calendar days of a visit, both ends included. */
export function visitDays(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(endsOn) - Date.parse(startsOn)) / 86_400_000) + 1;
}

export function visitPlanIssues(input: VisitInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const days = visitDays(input.startsOn, input.endsOn);
  if (days < MIN_VISIT_DAYS)
    issues.push({ path: 'endsOn', messageKey: 'errors.panel.visit.tooShort', params: { days: Math.max(days, 0), minimum: MIN_VISIT_DAYS } });
  const outside = (day: string) => day < input.startsOn || day > input.endsOn;
  input.schedule.forEach((s, i) => {
    if (outside(s.day)) issues.push({ path: `schedule.${i}.day`, messageKey: 'errors.panel.visit.dayOutside', params: { day: s.day } });
  });
  input.interviewGroups.forEach((g, i) => {
    if (outside(g.day)) issues.push({ path: `interviewGroups.${i}.day`, messageKey: 'errors.panel.visit.dayOutside', params: { day: g.day } });
  });
  return issues;
}

export async function planVisit(ctx: Ctx, caseId: string, input: VisitInput) {
  const c = await loadCase(ctx, caseId);
  requireManager(ctx, c);
  const issues = visitPlanIssues(input);
  if (issues.length) throw validationFailed(issues);
  if (!(await panels.findPanel(ctx.db, caseId))) throw conflict('errors.panel.notFormed');
  const before = await repo.findVisit(ctx.db, caseId);
  if (before?.protocol_signed_at) throw conflict('errors.panel.visit.protocolSigned');
  await repo.upsertVisit(ctx.db, caseId, input);
  const after = await getVisit(ctx, caseId);
  await recordChange(ctx, {
    entityType: 'accreditation-visit',
    entityId: caseId,
    action: 'visit.plan',
    before: before ? { mode: before.mode, startsOn: before.starts_on, endsOn: before.ends_on } : null,
    after: input,
  });
  return after;
}

export async function getVisit(ctx: Ctx, caseId: string) {
  const c = await loadCase(ctx, caseId);
  const who = await viewerOf(ctx, c);
  const [v, opinions] = await Promise.all([repo.findVisit(ctx.db, caseId), repo.listOpinions(ctx.db, caseId)]);
  const internal = who.kind === 'agency' || who.kind === 'expert';
  return {
    caseId,
    planned: v !== undefined,
    mode: v?.mode ?? null,
    startsOn: v?.starts_on ?? null,
    endsOn: v?.ends_on ?? null,
    days: v ? visitDays(v.starts_on, v.ends_on) : 0,
    schedule: (v?.schedule ?? []) as ScheduleItem[],
    interviewGroups: (v?.interview_groups ?? []) as InterviewGroup[],
    protocol: v?.protocol ?? null,
    protocolSignedAt: v?.protocol_signed_at?.toISOString() ?? null,
    protocolSignedBy: v?.protocol_signed_by ?? null,
    ...(internal && { opinions: opinions.map((o) => ({ memberId: o.member_id, name: o.full_name ?? '', text: o.text, signedAt: o.signed_at.toISOString() })) }),
    opinionsSigned: opinions.length,
    version: v?.row_version ?? 0,
  };
}

/** An expert signs their own individual opinion, once. */
export async function signOpinion(ctx: Ctx, caseId: string, text: string) {
  const c = await loadCase(ctx, caseId);
  const member = await requireMember(ctx, c);
  if (!(await repo.findVisit(ctx.db, caseId))) throw conflict('errors.panel.visit.notPlanned');
  const id = await repo.insertOpinion(ctx.db, caseId, member.id, text);
  if (!id) throw conflict('errors.panel.visit.opinionSigned');
  await recordChange(ctx, { entityType: 'visit-opinion', entityId: id, action: 'visit.opinion', before: null, after: { caseId, memberId: member.id, text } });
  return getVisit(ctx, caseId);
}

/** The chair signs the protocol; nobody else can. */
export async function signProtocol(ctx: Ctx, caseId: string, text: string) {
  const c = await loadCase(ctx, caseId);
  const member = await requireMember(ctx, c);
  if (member.role !== 'chair') throw forbidden('visit.sign-protocol');
  const v = await repo.findVisit(ctx.db, caseId);
  if (!v) throw conflict('errors.panel.visit.notPlanned');
  if (v.protocol_signed_at) throw conflict('errors.panel.visit.protocolSigned');
  await repo.signProtocol(ctx.db, caseId, text, member.id);
  const after = await getVisit(ctx, caseId);
  await recordChange(ctx, {
    entityType: 'accreditation-visit',
    entityId: caseId,
    action: 'visit.protocol',
    before: { protocolSignedAt: null },
    after: { protocol: text, signedBy: member.id },
  });
  return after;
}

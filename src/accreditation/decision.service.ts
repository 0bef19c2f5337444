// Accreditation decisions: recorded by the council step of the case engine,
// approved by the body head, published with their three publication deadlines. Registers 2 and 3
// are computed from them (registers.*.ts); appeals and term changes add status periods.
import { can } from '../platform/access/roles.ts';
import { addDays, addMonths, todayInAlmaty } from '../platform/calendar/calendar.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { AppError, conflict, notFound } from '../platform/errors.ts';
import { historyOf, recordChange } from '../platform/history/history.ts';
import { organizationsByIds } from '../registry/registry.api.ts';
import { appealsOfDecision } from './appeal.repository.ts';
import { proposeDecision } from './decision-rule.ts';
import { internalQaOn } from './internal-qa-source.ts';
import * as repo from './decision.repository.ts';
import { decisionStatusOn } from './decision-status.ts';
import { panelFacts } from './panel.facts.ts';

export const DECISION = 'accreditation-decision';

export type DecisionInput = {
  /** What the council decided; may depart from the decision rule's proposal with a reason. */
  outcome: 'accredited' | 'refused';
  termYears: number | null;
  departureReason?: string | null;
  decidedOn: string;
};

/** The last day of a term of `years` starting on `from` (15 June 2026 + 5 years → 14 June 2031). */
export function termEnd(from: string, years: number): string {
  return addDays(addMonths(from, 12 * years), -1);
}

/**
 * The proposal of the decision rule for a case on a day (the council's decision day; today for the
 * workspace), with the facts it used. The internal QA fact is oversight's accepted self-assessment.
 */
export async function proposalFor(ctx: Ctx, c: repo.CaseFacts, programmeIds: string[], on: string = todayInAlmaty()) {
  const [facts, previous, internalQa] = await Promise.all([
    panelFacts(ctx.db, c.id),
    repo.previousDecision(ctx.db, c, programmeIds),
    internalQaOn(ctx.db, c.organization_id, on),
  ]);
  const ruleFacts = {
    grades: facts.grades,
    kind: c.kind,
    hasStudents: c.has_students,
    hasGraduates: c.has_graduates,
    internalQaWorking: internalQa?.working === true,
    reaccreditationAfterFiveYears:
      previous !== undefined &&
      // An applicant-given previous decision counts only when it is this organization's own.
      previous.organization_id === c.organization_id &&
      previous.body_id === c.body_id &&
      previous.outcome === 'accredited' &&
      previous.term_years === 5,
  };
  return { proposal: proposeDecision(ruleFacts), ruleFacts, facts, previous, internalQa };
}

/** A decision as its audit entries record it (without the summary and timestamps). */
export function snapshot(row: repo.DecisionRow, programmeIds?: string[]) {
  const { summary: _s, created_at: _c, updated_at: _u, ...rest } = row;
  return programmeIds ? { ...rest, programme_ids: programmeIds } : rest;
}

function mayReadCase(ctx: Ctx, organizationId: string, bodyId: string): boolean {
  return can(ctx.actor, 'accreditation.read-case', { organizationIds: [organizationId, bodyId] });
}

/** A decision awaiting approval is internal; once approved (positive or negative) it is public. */
async function readableDecision(ctx: Ctx, id: string): Promise<repo.DecisionRow> {
  const d = await repo.findDecisionById(ctx.db, id);
  if (!d || (d.status === 'pending-approval' && !mayReadCase(ctx, d.organization_id, d.body_id))) throw notFound(DECISION, id);
  return d;
}

const nameOf = (o: { name_kk: string; name_ru: string; name_en: string | null }) => ({ kk: o.name_kk, ru: o.name_ru, en: o.name_en });

export async function getDecision(ctx: Ctx, id: string) {
  const d = await readableDecision(ctx, id);
  const [orgs, programmes, states, report, appeals, number] = await Promise.all([
    organizationsByIds(ctx.db, [d.organization_id, d.body_id]),
    repo.decisionProgrammes(ctx.db, d.id),
    repo.statesOf(ctx.db, d.id),
    repo.latestReport(ctx.db, d.case_id),
    appealsOfDecision(ctx.db, d.id),
    repo.caseNumber(ctx.db, d.case_id),
  ]);
  const org = (oid: string) => {
    const o = orgs.find((x) => x.id === oid);
    return {
      id: oid,
      name: o ? nameOf(o) : { kk: '', ru: '', en: null },
      shortName: o?.short_name ?? null,
      regionCode: o?.region_code ?? null,
    };
  };
  const summary = d.summary as { proposal?: { reasons?: string[] }; grades?: { standardCode: string | null; grade: string }[]; votes?: Record<string, number> };
  const grades = report?.grades.length
    ? report.grades.map((g) => ({
        standardCode: g.code,
        title: g.title_kk || g.title_ru ? { kk: g.title_kk ?? '', ru: g.title_ru ?? '', en: g.title_en } : null,
        grade: g.grade,
        findings: g.findings,
        recommendations: g.recommendations,
        goodPractice: g.good_practice,
      }))
    : (summary.grades ?? []).map((g) => ({
        standardCode: g.standardCode,
        title: null,
        grade: g.grade,
        findings: null,
        recommendations: null,
        goodPractice: null,
      }));
  return {
    id: d.id,
    caseId: d.case_id,
    caseNumber: number,
    kind: d.kind,
    eurAce: d.eur_ace,
    enaeeStatus: d.enaee_status,
    crossBorder: d.cross_border,
    organization: org(d.organization_id),
    body: org(d.body_id),
    programmes: programmes.map((p) => ({ id: p.id, code: p.code, name: nameOf(p), fieldCode: p.field_code, nqfLevel: p.nqf_level, degree: p.degree })),
    outcome: d.outcome,
    termYears: d.term_years,
    proposal: { outcome: d.proposed_outcome, termYears: d.proposed_term_years, reasons: summary.proposal?.reasons ?? [] },
    departureReason: d.departure_reason,
    decidedOn: d.decided_on,
    approvedOn: d.approved_on,
    publishedOn: d.published_on,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    status: decisionStatusOn(d.status, d.valid_to, todayInAlmaty()),
    statusReason: d.status_reason,
    certificateNumber: d.certificate_number,
    votes: summary.votes ?? null,
    grades,
    report: report
      ? {
          id: report.id,
          version: report.version,
          status: report.status,
          summary: report.summary,
          recommendedOutcome: report.recommended_outcome,
          recommendedTermYears: report.recommended_term_years,
          dissents: report.dissents.map((x) => ({ standardCode: x.code, text: x.text })),
        }
      : null,
    appeals: appeals.map((a) => ({ id: a.id, number: a.number, kind: a.kind, status: a.status, outcome: a.outcome, decidedOn: a.decided_on })),
    history: states.map(presentState),
  };
}

export function presentState(s: Awaited<ReturnType<typeof repo.statesOf>>[number]) {
  return {
    status: s.status,
    outcome: s.outcome,
    termYears: s.term_years,
    validFrom: s.valid_from,
    validTo: s.valid_to,
    effectiveFrom: s.effective_from,
    effectiveTo: s.effective_to,
    source: s.source,
    reason: s.reason,
    details: s.details,
  };
}

/** Every version of the decision record, with actor and time (the audit view of its history). */
export async function decisionVersions(ctx: Ctx, id: string) {
  await readableDecision(ctx, id);
  return historyOf(ctx.db, DECISION, id);
}

async function caseOrFail(ctx: Ctx, caseId: string) {
  const c = await repo.findCase(ctx.db, caseId);
  if (!c) throw notFound('accreditation-case', caseId);
  return c;
}

export async function listPublications(ctx: Ctx, caseId: string, today = todayInAlmaty()) {
  const c = await caseOrFail(ctx, caseId);
  requirePermission(ctx, 'accreditation.read-case', { organizationIds: [c.organization_id, c.body_id] });
  const rows = await repo.publicationDeadlines(ctx.db, caseId);
  const channelOf = Object.fromEntries(Object.entries(repo.PUBLICATION_STEPS).map(([k, v]) => [v, k])) as Record<string, repo.PublicationChannel>;
  return rows.map((r) => ({
    channel: channelOf[r.step] as repo.PublicationChannel,
    startsOn: r.starts_on,
    dueOn: r.due_on,
    doneAt: r.met_at?.toISOString() ?? null,
    overdue: r.met_at === null && r.due_on < today,
  }));
}

/** Agency staff of the body mark one publication channel done. */
export async function markPublicationDone(ctx: Ctx, caseId: string, channel: repo.PublicationChannel, doneOn?: string) {
  const c = await caseOrFail(ctx, caseId);
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [c.body_id] });
  const step = repo.PUBLICATION_STEPS[channel];
  const existing = (await repo.publicationDeadlines(ctx.db, caseId)).find((r) => r.step === step);
  if (!existing) throw conflict('errors.after.notPublished');
  if (existing.met_at) throw conflict('errors.after.publicationAlreadyDone', { channel });
  const at = doneOn ? new Date(`${doneOn}T12:00:00+05:00`) : new Date();
  const after = await repo.markDeadlineMet(ctx.db, caseId, step, at);
  await recordChange(ctx, {
    entityType: 'accreditation-deadline',
    entityId: existing.id,
    action: `publication-${channel}`,
    before: existing,
    after,
    versioned: false,
  });
  return listPublications(ctx, caseId);
}

/** ENAEE's answer on a EUR-ACE® decision: approval awards the label (and counts in statistics). */
export async function recordEnaeeDecision(ctx: Ctx, id: string, status: 'approved' | 'rejected') {
  const d = await repo.findDecisionById(ctx.db, id);
  if (!d) throw notFound(DECISION, id);
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [d.body_id] });
  if (!d.eur_ace || d.outcome !== 'accredited' || d.status === 'pending-approval') {
    throw new AppError('conflict', 409, 'errors.after.notEurAce');
  }
  const after = await repo.updateDecision(ctx.db, id, { enaee_status: status });
  await recordChange(ctx, { entityType: DECISION, entityId: id, action: `enaee-${status}`, before: snapshot(d), after: snapshot(after) });
  return getDecision(ctx, id);
}

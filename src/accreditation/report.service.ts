// The panel's report (digest 004 §3.9): draft versions with a grade per standard, dissenting
// opinions, the coordinator's template check, the organization's factual comments, the final
// report. Nobody sees a draft before its step: the organization only from the factual check on,
// the ministry only the final report; the public reads it once A2 publishes the decision.
import { actorLabel } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { type FieldIssue, conflict, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { CASE_STATES } from './case-states.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { caseAccess } from './case.access.ts';
import { type CaseViewer, loadCase, membershipOf, requireApplicant, requireManager, viewerOf } from './panel-access.ts';
import * as panels from './panel.repository.ts';
import * as repo from './report.repository.ts';
import type { ReportVersionInput, StandardGrade } from './report.schema.ts';

type ReportRow = Awaited<ReturnType<typeof repo.listReports>>[number];

/**
 * Report versions come from the panel alone: its chair drafts, submits and finalizes them. The
 * body's staff check the template and run the case, but never write the panel's findings.
 */
async function requireChair(ctx: Ctx, c: panels.CaseRow): Promise<void> {
  if (ctx.actor.kind === 'system') return;
  const seat = (await caseAccess(ctx, c)).member;
  if (seat?.role === 'chair') return;
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden('report.draft');
}

async function gradeValues(db: Db, c: panels.CaseRow, grades: ReportVersionInput['grades']): Promise<repo.GradeValues[]> {
  const standards = await repo.standardsOfSet(db, c.standard_set_id);
  const byCode = new Map(standards.map((s) => [s.code, s]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  grades.forEach((g, i) => {
    if (!byCode.has(g.standardCode))
      issues.push({ path: `grades.${i}.standardCode`, messageKey: 'errors.panel.report.unknownStandard', params: { code: g.standardCode } });
    if (seen.has(g.standardCode)) issues.push({ path: `grades.${i}.standardCode`, messageKey: 'errors.field.duplicateCode', params: { code: g.standardCode } });
    seen.add(g.standardCode);
  });
  if (issues.length) throw validationFailed(issues);
  return grades.map((g) => ({
    standardId: (byCode.get(g.standardCode) as { id: string }).id,
    grade: g.grade,
    findings: g.findings ?? null,
    recommendations: g.recommendations ?? null,
    goodPractice: g.goodPractice ?? null,
  }));
}

async function missingStandards(db: Db, c: panels.CaseRow, reportId: string): Promise<string[]> {
  const [standards, grades] = await Promise.all([repo.standardsOfSet(db, c.standard_set_id), repo.gradesOf(db, reportId)]);
  const graded = new Set(grades.map((g) => g.standard_id));
  return standards.filter((s) => !graded.has(s.id)).map((s) => s.code);
}

function title(lang: Lang, t: { title_kk: string | null; title_ru: string | null; title_en: string | null }): string | null {
  return (lang === 'kk' ? t.title_kk : lang === 'ru' ? t.title_ru : t.title_en) ?? t.title_en ?? t.title_ru;
}

async function presentVersion(db: Db, lang: Lang, c: panels.CaseRow, r: ReportRow) {
  const [grades, dissents, missing] = await Promise.all([repo.gradesOf(db, r.id), repo.dissentsOf(db, r.id), missingStandards(db, c, r.id)]);
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    summary: r.summary,
    recommendedOutcome: r.recommended_outcome,
    recommendedTermYears: r.recommended_term_years,
    grades: grades.map((g) => ({
      standardId: g.standard_id,
      standardCode: g.code,
      title: title(lang, g),
      grade: g.grade,
      findings: g.findings,
      recommendations: g.recommendations,
      goodPractice: g.good_practice,
    })),
    missingStandards: missing,
    dissents: dissents.map((d) => ({ memberId: d.member_id, name: d.full_name ?? '', standardCode: d.code, text: d.text, at: d.created_at.toISOString() })),
    templateCheck: r.template_check,
    templateComments: r.template_comments,
    templateCheckedAt: r.template_checked_at?.toISOString() ?? null,
    sentToOrganizationAt: r.sent_to_organization_at?.toISOString() ?? null,
    finalizedAt: r.finalized_at?.toISOString() ?? null,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

// The organization's step starts when the case reaches the factual check (and lasts to publication).
const FROM_FACTUAL_CHECK = new Set<string>(CASE_STATES.slice(CASE_STATES.indexOf('report-factual-check'), CASE_STATES.indexOf('published') + 1));

/** Which versions a viewer may see: drafts stay inside the body and the panel. */
function visibleTo(who: CaseViewer, caseState: string, r: ReportRow): boolean {
  if (who.kind === 'agency' || who.kind === 'expert') return true;
  if (who.kind === 'organization') return r.sent_to_organization_at !== null && FROM_FACTUAL_CHECK.has(caseState);
  return r.status === 'final';
}

export async function getReport(ctx: Ctx, caseId: string) {
  const c = await loadCase(ctx, caseId);
  const who = await viewerOf(ctx, c);
  const all = await repo.listReports(ctx.db, caseId);
  const visible = all.filter((r) => visibleTo(who, c.state, r));
  if (who.kind !== 'agency' && who.kind !== 'expert' && visible.length === 0) throw notFound('panel-report', caseId);
  const latest = visible.at(-1);
  const comments = who.kind === 'ministry' ? [] : await repo.factualCommentsOf(ctx.db, caseId);
  return {
    caseId,
    current: latest ? await presentVersion(ctx.db, ctx.lang, c, latest) : null,
    versions: visible.map((r) => ({ version: r.version, status: r.status, createdAt: r.created_at.toISOString() })),
    factualComments: comments.map((f) => ({ reportVersion: f.version, text: f.text, by: f.submitted_by, at: f.submitted_at.toISOString() })),
  };
}

/** The final report of a case without a permission check: for publication (A2) once the decision is public. */
export async function finalReportOf(db: Db, lang: Lang, caseId: string) {
  const c = await panels.findCase(db, caseId);
  if (!c) return null;
  const final = (await repo.listReports(db, caseId)).filter((r) => r.status === 'final').at(-1);
  return final ? presentVersion(db, lang, c, final) : null;
}

export async function createVersion(ctx: Ctx, caseId: string, input: ReportVersionInput) {
  const c = await loadCase(ctx, caseId);
  await requireChair(ctx, c);
  const latest = await repo.latestReport(ctx.db, caseId);
  if (latest && (latest.status === 'factual-check' || latest.status === 'final')) throw conflict('errors.panel.report.locked', { status: latest.status });
  const grades = await gradeValues(ctx.db, c, input.grades);
  const id = await repo.insertReport(ctx.db, caseId, {
    version: (latest?.version ?? 0) + 1,
    status: 'draft',
    summary: input.summary ?? null,
    outcome: input.recommendedOutcome ?? null,
    term: input.recommendedTermYears ?? null,
    by: actorLabel(ctx.actor),
  });
  await repo.insertGrades(ctx.db, id, grades);
  await recordChange(ctx, {
    entityType: 'panel-report',
    entityId: caseId,
    action: 'report.draft',
    before: latest ? { version: latest.version, status: latest.status } : null,
    after: { version: (latest?.version ?? 0) + 1, ...input },
  });
  return getReport(ctx, caseId);
}

async function requireComplete(ctx: Ctx, c: panels.CaseRow, reportId: string): Promise<void> {
  const missing = await missingStandards(ctx.db, c, reportId);
  if (missing.length) throw validationFailed(missing.map((code) => ({ path: 'grades', messageKey: 'errors.panel.report.missingGrade', params: { code } })));
}

export async function submitReport(ctx: Ctx, caseId: string) {
  const c = await loadCase(ctx, caseId);
  await requireChair(ctx, c);
  const latest = await repo.latestReport(ctx.db, caseId);
  if (latest?.status !== 'draft') throw conflict('errors.panel.report.notDraft', { status: latest?.status ?? '-' });
  await requireComplete(ctx, c, latest.id);
  await repo.updateReport(ctx.db, latest.id, { status: 'submitted' });
  await recordChange(ctx, {
    entityType: 'panel-report',
    entityId: caseId,
    action: 'report.submit',
    before: { version: latest.version, status: 'draft' },
    after: { version: latest.version, status: 'submitted' },
  });
  return getReport(ctx, caseId);
}

/** The coordinator checks the submitted draft against the template: pass sends it to the organization. */
export async function checkTemplate(ctx: Ctx, caseId: string, input: { result: 'pass' | 'return'; comments?: string }) {
  const c = await loadCase(ctx, caseId);
  requireManager(ctx, c);
  const latest = await repo.latestReport(ctx.db, caseId);
  if (latest?.status !== 'submitted') throw conflict('errors.panel.report.notSubmitted', { status: latest?.status ?? '-' });
  const now = new Date();
  await repo.updateReport(ctx.db, latest.id, {
    status: input.result === 'pass' ? 'factual-check' : 'returned',
    template_check: input.result,
    template_comments: input.comments ?? null,
    template_checked_at: now,
    ...(input.result === 'pass' && { sent_to_organization_at: now }),
  });
  await recordChange(ctx, {
    entityType: 'panel-report',
    entityId: caseId,
    action: `report.template-${input.result}`,
    before: { version: latest.version, status: latest.status },
    after: { version: latest.version, ...input },
  });
  return getReport(ctx, caseId);
}

export async function addDissent(ctx: Ctx, caseId: string, input: { standardCode?: string; text: string }) {
  const c = await loadCase(ctx, caseId);
  const member = await membershipOf(ctx, caseId);
  if (!member || member.role === 'coordinator') throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden('report.dissent');
  const latest = await repo.latestReport(ctx.db, caseId);
  if (!latest || latest.status === 'final') throw conflict('errors.panel.report.locked', { status: latest?.status ?? '-' });
  let standardId: string | null = null;
  if (input.standardCode) {
    const s = (await repo.standardsOfSet(ctx.db, c.standard_set_id)).find((x) => x.code === input.standardCode);
    if (!s) throw validationFailed([{ path: 'standardCode', messageKey: 'errors.panel.report.unknownStandard', params: { code: input.standardCode } }]);
    standardId = s.id;
  }
  const id = await repo.insertDissent(ctx.db, latest.id, member.id, standardId, input.text);
  await recordChange(ctx, {
    entityType: 'report-dissent',
    entityId: id,
    action: 'report.dissent',
    before: null,
    after: { caseId, version: latest.version, memberId: member.id, ...input },
  });
  return getReport(ctx, caseId);
}

/** The organization's factual comments on the version sent to it (the case engine tracks the 2 weeks). */
export async function addFactualComments(ctx: Ctx, caseId: string, text: string) {
  const c = await loadCase(ctx, caseId);
  requireApplicant(ctx, c);
  const latest = await repo.latestReport(ctx.db, caseId);
  if (latest?.status !== 'factual-check') throw conflict('errors.panel.report.notInFactualCheck', { status: latest?.status ?? '-' });
  const already = (await repo.factualCommentsOf(ctx.db, caseId)).some((f) => f.version === latest.version);
  if (already) throw conflict('errors.panel.report.commentsGiven');
  const id = await repo.insertFactualComments(ctx.db, caseId, latest.id, text, actorLabel(ctx.actor));
  await recordChange(ctx, {
    entityType: 'report-factual-comments',
    entityId: id,
    action: 'report.factual-comments',
    before: null,
    after: { caseId, version: latest.version, text },
  });
  return getReport(ctx, caseId);
}

/** The panel finalizes after the factual check: a new, final version (grades may be corrected). */
export async function finalizeReport(ctx: Ctx, caseId: string, input: ReportVersionInput) {
  const c = await loadCase(ctx, caseId);
  await requireChair(ctx, c);
  const latest = await repo.latestReport(ctx.db, caseId);
  if (latest?.status !== 'factual-check') throw conflict('errors.panel.report.notInFactualCheck', { status: latest?.status ?? '-' });
  const corrected = await gradeValues(ctx.db, c, input.grades);
  const previous = await repo.gradesOf(ctx.db, latest.id);
  const merged = new Map<string, repo.GradeValues>(
    previous.map((g) => [
      g.standard_id,
      { standardId: g.standard_id, grade: g.grade, findings: g.findings, recommendations: g.recommendations, goodPractice: g.good_practice },
    ]),
  );
  for (const g of corrected) merged.set(g.standardId, g);
  const id = await repo.insertReport(ctx.db, caseId, {
    version: latest.version + 1,
    status: 'final',
    summary: input.summary ?? latest.summary,
    outcome: input.recommendedOutcome ?? latest.recommended_outcome,
    term: input.recommendedTermYears ?? latest.recommended_term_years,
    by: actorLabel(ctx.actor),
    sentToOrganization: true,
    final: true,
  });
  await repo.insertGrades(ctx.db, id, [...merged.values()]);
  await requireComplete(ctx, c, id);
  await repo.updateReport(ctx.db, latest.id, { status: 'superseded' });
  await recordChange(ctx, {
    entityType: 'panel-report',
    entityId: caseId,
    action: 'report.finalize',
    before: { version: latest.version, status: latest.status },
    after: { version: latest.version + 1, status: 'final', ...input },
  });
  return getReport(ctx, caseId);
}

/** Grades of the latest version, for the facts and the decision rule. */
export async function latestGrades(db: Db, caseId: string): Promise<{ grades: StandardGrade[]; complete: boolean }> {
  const latest = await repo.latestReport(db, caseId);
  if (!latest) return { grades: [], complete: false };
  const c = await panels.findCase(db, caseId);
  if (!c) return { grades: [], complete: false };
  const [grades, missing] = await Promise.all([repo.gradesOf(db, latest.id), missingStandards(db, c, latest.id)]);
  return { grades: grades.map((g) => g.grade as StandardGrade), complete: missing.length === 0 && grades.length > 0 };
}

// SQL of panel reports, their grades, dissents and factual comments.
import type { Db } from '../platform/db/database.ts';

export function listReports(db: Db, caseId: string) {
  return db.selectFrom('panel_reports').selectAll().where('case_id', '=', caseId).orderBy('version').execute();
}

export function latestReport(db: Db, caseId: string) {
  return db.selectFrom('panel_reports').selectAll().where('case_id', '=', caseId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Top-level standards (not criteria) of a standard set, in order. */
export function standardsOfSet(db: Db, setId: string | null) {
  return db
    .selectFrom('standards')
    .select(['id', 'code', 'title_kk', 'title_ru', 'title_en'])
    .where('set_id', '=', setId ?? '00000000-0000-0000-0000-000000000000')
    .where('parent_code', 'is', null)
    .orderBy('position')
    .execute();
}

export async function insertReport(
  db: Db,
  caseId: string,
  r: {
    version: number;
    status: string;
    summary: string | null;
    outcome: string | null;
    term: number | null;
    by: string;
    sentToOrganization?: boolean;
    final?: boolean;
  },
): Promise<string> {
  const row = await db
    .insertInto('panel_reports')
    .values({
      case_id: caseId,
      version: r.version,
      status: r.status,
      summary: r.summary,
      recommended_outcome: r.outcome,
      recommended_term_years: r.term,
      created_by: r.by,
      ...(r.sentToOrganization && { sent_to_organization_at: new Date() }),
      ...(r.final && { finalized_at: new Date() }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type GradeValues = { standardId: string; grade: string; findings: string | null; recommendations: string | null; goodPractice: string | null };

export async function insertGrades(db: Db, reportId: string, grades: GradeValues[]): Promise<void> {
  if (!grades.length) return;
  await db
    .insertInto('panel_report_grades')
    .values(
      grades.map((g) => ({
        report_id: reportId,
        standard_id: g.standardId,
        grade: g.grade,
        findings: g.findings,
        recommendations: g.recommendations,
        good_practice: g.goodPractice,
      })),
    )
    .execute();
}

export function gradesOf(db: Db, reportId: string) {
  return db
    .selectFrom('panel_report_grades as g')
    .innerJoin('standards as s', 's.id', 'g.standard_id')
    .select(['g.standard_id', 's.code', 's.title_kk', 's.title_ru', 's.title_en', 'g.grade', 'g.findings', 'g.recommendations', 'g.good_practice'])
    .where('g.report_id', '=', reportId)
    .orderBy('s.position')
    .execute();
}

export function dissentsOf(db: Db, reportId: string) {
  return db
    .selectFrom('panel_report_dissents as d')
    .innerJoin('panel_members as m', 'm.id', 'd.member_id')
    .leftJoin('experts as e', 'e.id', 'm.expert_id')
    .leftJoin('standards as s', 's.id', 'd.standard_id')
    .select(['d.member_id', 'e.full_name', 's.code', 'd.text', 'd.created_at'])
    .where('d.report_id', '=', reportId)
    .orderBy('d.created_at')
    .execute();
}

export async function insertDissent(db: Db, reportId: string, memberId: string, standardId: string | null, text: string): Promise<string> {
  const row = await db
    .insertInto('panel_report_dissents')
    .values({ report_id: reportId, member_id: memberId, standard_id: standardId, text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReport(
  db: Db,
  id: string,
  set: Partial<{
    status: string;
    template_check: string;
    template_comments: string | null;
    template_checked_at: Date;
    sent_to_organization_at: Date;
    finalized_at: Date;
  }>,
): Promise<void> {
  await db.updateTable('panel_reports').set(set).where('id', '=', id).execute();
}

export function factualCommentsOf(db: Db, caseId: string) {
  return db
    .selectFrom('report_factual_comments as f')
    .innerJoin('panel_reports as r', 'r.id', 'f.report_id')
    .select(['r.version', 'f.text', 'f.submitted_by', 'f.submitted_at'])
    .where('f.case_id', '=', caseId)
    .orderBy('f.submitted_at')
    .execute();
}

export async function insertFactualComments(db: Db, caseId: string, reportId: string, text: string, by: string): Promise<string> {
  const row = await db
    .insertInto('report_factual_comments')
    .values({ case_id: caseId, report_id: reportId, text, submitted_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

// SQL of internal QA self-assessments, their ratings and improvement actions.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { OversightTables } from './oversight.table.ts';

export type AssessmentRow = Selectable<OversightTables['internal_qa_assessments']>;
export type RatingRow = Selectable<OversightTables['internal_qa_ratings']>;
export type ActionRow = Selectable<OversightTables['internal_qa_actions']>;

export async function findAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('internal_qa_assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the row for a state change, so two reviews of one submission cannot both pass. */
export async function lockAssessment(db: Db, id: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('internal_qa_assessments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function openAssessmentOf(db: Db, organizationId: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('internal_qa_assessments').selectAll().where('organization_id', '=', organizationId).where('state', '<>', 'accepted').executeTakeFirst();
}

export type AssessmentFilters = { organizationIds?: string[]; state?: string };

export async function listAssessments(db: Db, f: AssessmentFilters, page: { limit: number; offset: number }) {
  let q = db.selectFrom('internal_qa_assessments');
  if (f.organizationIds) q = f.organizationIds.length ? q.where('organization_id', 'in', f.organizationIds) : q.where(({ lit }) => lit(false));
  if (f.state) q = q.where('state', '=', f.state);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function insertAssessment(db: Db, v: Insertable<OversightTables['internal_qa_assessments']>): Promise<AssessmentRow> {
  return db.insertInto('internal_qa_assessments').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateAssessment(db: Db, id: string, v: Updateable<OversightTables['internal_qa_assessments']>): Promise<AssessmentRow> {
  return db
    .updateTable('internal_qa_assessments')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function ratingsOf(db: Db, id: string): Promise<RatingRow[]> {
  return db.selectFrom('internal_qa_ratings').selectAll().where('assessment_id', '=', id).execute();
}

export async function actionsOf(db: Db, id: string): Promise<ActionRow[]> {
  return db.selectFrom('internal_qa_actions').selectAll().where('assessment_id', '=', id).orderBy('position').execute();
}

/** Replaces the ratings and actions of an assessment with the given ones (a save is the whole form). */
export async function replaceEntries(
  db: Db,
  id: string,
  ratings: Omit<RatingRow, 'assessment_id'>[],
  actions: Omit<ActionRow, 'assessment_id' | 'id' | 'position'>[],
): Promise<void> {
  await db.deleteFrom('internal_qa_ratings').where('assessment_id', '=', id).execute();
  await db.deleteFrom('internal_qa_actions').where('assessment_id', '=', id).execute();
  if (ratings.length) await db.insertInto('internal_qa_ratings').values(ratings.map((r) => ({ ...r, assessment_id: id }))).execute();
  if (actions.length) await db.insertInto('internal_qa_actions').values(actions.map((a, position) => ({ ...a, position, assessment_id: id }))).execute();
}

/** The organization's latest accepted self-assessment on or before a day. */
export async function latestAcceptedOn(db: Db, organizationId: string, day: string): Promise<AssessmentRow | undefined> {
  return db
    .selectFrom('internal_qa_assessments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('state', '=', 'accepted')
    .where('reviewed_on', '<=', day)
    .orderBy('reviewed_on', 'desc')
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export type EvidenceRow = Selectable<OversightTables['internal_qa_evidence']> & { media_type: string; size: number };

export async function evidenceOf(db: Db, assessmentId: string): Promise<EvidenceRow[]> {
  return db
    .selectFrom('internal_qa_evidence as e')
    .innerJoin('files as f', 'f.sha256', 'e.file_sha256')
    .selectAll('e')
    .select(['f.media_type', 'f.size'])
    .where('e.assessment_id', '=', assessmentId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

export async function insertEvidence(db: Db, v: Insertable<OversightTables['internal_qa_evidence']>): Promise<string> {
  const row = await db.insertInto('internal_qa_evidence').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteEvidence(db: Db, id: string): Promise<void> {
  await db.deleteFrom('internal_qa_evidence').where('id', '=', id).execute();
}

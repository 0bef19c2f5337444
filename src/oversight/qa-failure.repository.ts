// SQL of QA-system failures, their recovery measures and their progress reports (append-only).
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { OversightTables } from './oversight.table.ts';

export type FailureRow = Selectable<OversightTables['qa_failures']>;
export type MeasureRow = Selectable<OversightTables['qa_failure_measures']>;
export type ReportRow = Selectable<OversightTables['qa_failure_reports']>;

export async function findFailure(db: Db, id: string): Promise<FailureRow | undefined> {
  return db.selectFrom('qa_failures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the row for a change, so a report cannot slip in after the failure is closed. */
export async function lockFailure(db: Db, id: string): Promise<FailureRow | undefined> {
  return db.selectFrom('qa_failures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function activeFailureOf(db: Db, organizationId: string): Promise<FailureRow | undefined> {
  return db.selectFrom('qa_failures').selectAll().where('organization_id', '=', organizationId).where('state', '=', 'active').executeTakeFirst();
}

export async function listFailures(db: Db, f: { organizationIds?: string[]; state?: string }, page: { limit: number; offset: number }) {
  let q = db.selectFrom('qa_failures');
  if (f.organizationIds) q = f.organizationIds.length ? q.where('organization_id', 'in', f.organizationIds) : q.where(({ lit }) => lit(false));
  if (f.state) q = q.where('state', '=', f.state);
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('declared_on', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function insertFailure(db: Db, v: Insertable<OversightTables['qa_failures']>): Promise<FailureRow> {
  return db.insertInto('qa_failures').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateFailure(db: Db, id: string, v: Updateable<OversightTables['qa_failures']>): Promise<FailureRow> {
  return db.updateTable('qa_failures').set({ ...v, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function measuresOf(db: Db, failureIds: string[]): Promise<MeasureRow[]> {
  if (!failureIds.length) return [];
  return db.selectFrom('qa_failure_measures').selectAll().where('failure_id', 'in', failureIds).orderBy('failure_id').orderBy('position').execute();
}

/** The plan is saved whole: its measures replace the previous ones (each version is in the history). */
export async function replaceMeasures(db: Db, failureId: string, rows: Omit<Insertable<OversightTables['qa_failure_measures']>, 'failure_id' | 'position'>[]): Promise<void> {
  await db.deleteFrom('qa_failure_measures').where('failure_id', '=', failureId).execute();
  if (rows.length) await db.insertInto('qa_failure_measures').values(rows.map((r, position) => ({ ...r, failure_id: failureId, position }))).execute();
}

export async function reportsOf(db: Db, failureId: string): Promise<ReportRow[]> {
  return db.selectFrom('qa_failure_reports').selectAll().where('failure_id', '=', failureId).orderBy('reported_on').orderBy('created_at').execute();
}

export async function insertReport(db: Db, v: Insertable<OversightTables['qa_failure_reports']>): Promise<ReportRow> {
  return db.insertInto('qa_failure_reports').values(v).returningAll().executeTakeFirstOrThrow();
}

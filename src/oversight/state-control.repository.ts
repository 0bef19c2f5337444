// SQL of the state control calendar: the results of state control per organization.
import { type Selectable, sql } from 'kysely';
import type { OversightTables } from './oversight.table.ts';
import type { Db } from '../platform/db/database.ts';

const COLUMNS = ['id', 'organization_id', 'kind', 'held_on', 'outcome', 'document', 'notes', 'next_planned_on', 'created_at'] as const;

/** A result as the calendar reads it: the table's row without who recorded it. */
export type ResultRow = Pick<Selectable<OversightTables['state_control_results']>, (typeof COLUMNS)[number]>;

export async function insertResult(db: Db, v: Omit<ResultRow, 'id' | 'created_at'> & { recorded_by: string | null }): Promise<ResultRow> {
  return db.insertInto('state_control_results').values(v).returning(COLUMNS).executeTakeFirstOrThrow();
}

/** An organization's results, newest first. */
export async function resultsOf(db: Db, organizationId: string): Promise<ResultRow[]> {
  return db.selectFrom('state_control_results').select(COLUMNS).where('organization_id', '=', organizationId).orderBy('held_on', 'desc').orderBy('created_at', 'desc').execute();
}

/** The latest result of each kind of each organization that has one (optionally of the given organizations). */
export async function latestResults(db: Db, organizationIds?: readonly string[]): Promise<ResultRow[]> {
  let q = db
    .selectFrom('state_control_results as r')
    .select(COLUMNS.map((c) => `r.${c}` as const))
    .distinctOn(['r.organization_id', 'r.kind'])
    .orderBy('r.organization_id')
    .orderBy('r.kind')
    .orderBy('r.held_on', 'desc')
    .orderBy('r.created_at', 'desc');
  if (organizationIds) q = organizationIds.length ? q.where('r.organization_id', 'in', organizationIds) : q.where(sql<boolean>`false`);
  return q.execute();
}

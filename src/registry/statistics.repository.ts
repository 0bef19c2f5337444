// SQL of the national statistics datasets (statistical_observations).
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import type { StatisticsTables } from './statistics.table.ts';

type Row = StatisticsTables['statistical_observations'];
export type ObservationValues = Omit<Row, 'id' | 'is_synthetic' | 'row_version' | 'updated_at'> & { is_synthetic?: boolean };
export type ObservationKey = Pick<ObservationValues, 'dataset' | 'period' | 'region_code' | 'level' | 'gender' | 'funding' | 'age' | 'degree' | 'title'>;

const KEY_COLUMNS = ['region_code', 'level', 'gender', 'funding', 'age', 'degree', 'title'] as const;
const COLUMNS = ['id', 'dataset', 'period', ...KEY_COLUMNS, 'value', 'source', 'is_synthetic'] as const;

/** The unique index compares blanks as ''; so does the look-up. */
const sameKey = (key: ObservationKey) => (eb: ExpressionBuilder<Database, 'statistical_observations'>) =>
  eb.and([
    eb('dataset', '=', key.dataset),
    eb('period', '=', key.period),
    ...KEY_COLUMNS.map((c) => eb(sql<string>`coalesce(${sql.ref(c)}, '')`, '=', key[c] ?? '')),
  ]);

export const observationByKey = (db: Db, key: ObservationKey) =>
  db.selectFrom('statistical_observations').select(COLUMNS).where(sameKey(key)).executeTakeFirst();

export const observationById = (db: Db, id: string) => db.selectFrom('statistical_observations').select(COLUMNS).where('id', '=', id).executeTakeFirst();

export const insertObservation = (db: Db, v: ObservationValues) => db.insertInto('statistical_observations').values(v).returning('id').executeTakeFirstOrThrow();

export const updateObservation = (db: Db, id: string, v: Pick<ObservationValues, 'value' | 'source'>) =>
  db
    .updateTable('statistical_observations')
    .set({ ...v, row_version: sql`row_version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();

/** Every observation, for the indicators (a few thousand rows at national scale). */
export const allObservations = (db: Db) => db.selectFrom('statistical_observations').select(COLUMNS).orderBy('dataset').orderBy('period').execute();

export const observationsPage = (db: Db, after: string | undefined, limit: number, synthetic?: boolean) => {
  let q = db.selectFrom('statistical_observations').select(COLUMNS).orderBy('id').limit(limit);
  if (after) q = q.where('id', '>', after);
  if (synthetic === false) q = q.where('is_synthetic', '=', false);
  return q.execute();
};

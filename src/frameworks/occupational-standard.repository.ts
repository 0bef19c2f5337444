// SQL of occupational standards, including the searches by profession, labour function and developer.
import { type Selectable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { anyColumnLike, languageColumns, likePattern } from '../platform/db/like.ts';
import { pageWithTotal } from '../platform/db/paging.ts';
import { type WriteValues, withJson } from '../platform/db/schema.ts';
import { type ExpectedVersion, sameVersion } from '../platform/records/versioned.ts';
import type { FrameworkTables } from './frameworks.table.ts';

export type OccupationalStandardRow = Selectable<FrameworkTables['occupational_standards']>;

export type OccupationalStandardFilters = {
  profession?: string;
  labourFunction?: string;
  developer?: string;
  sector?: string;
  nqfLevel?: number;
  sqfId?: string;
  status?: string;
  q?: string;
};

function filtered(db: Db, f: OccupationalStandardFilters) {
  let q = db.selectFrom('occupational_standards');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.sqfId) q = q.where('sqf_id', '=', f.sqfId);
  if (f.nqfLevel !== undefined) q = q.where(sql<boolean>`nqf_levels @> array[${f.nqfLevel}]::int[]`);
  if (f.developer) q = q.where('developer', 'ilike', likePattern(f.developer));
  if (f.sector) q = q.where(anyColumnLike(languageColumns('sector'), f.sector));
  if (f.q) q = q.where(anyColumnLike(['code', ...languageColumns('name')], f.q));
  if (f.profession) {
    // An occupation's name in any language, or its ISCO-08 / NKZ code given exactly.
    const like = likePattern(f.profession);
    const code = f.profession.trim();
    q = q.where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(occupations) o
        where o->'name'->>'kk' ilike ${like} or o->'name'->>'ru' ilike ${like} or o->'name'->>'en' ilike ${like}
           or o->>'iscoCode' = ${code} or o->>'nkzCode' = ${code})`,
    );
  }
  if (f.labourFunction) {
    const like = likePattern(f.labourFunction);
    q = q.where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(occupations) o, jsonb_array_elements(o->'labourFunctions') lf
        where lf->'name'->>'kk' ilike ${like} or lf->'name'->>'ru' ilike ${like} or lf->'name'->>'en' ilike ${like})`,
    );
  }
  return q;
}

export async function listOccupationalStandards(db: Db, f: OccupationalStandardFilters, page: { limit: number; offset: number }) {
  return pageWithTotal(filtered(db, f), (q) => q.selectAll().orderBy('code').orderBy('id').limit(page.limit).offset(page.offset));
}

export function findOccupationalStandard(db: Db, id: string) {
  return db.selectFrom('occupational_standards').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOccupationalStandardByCode(db: Db, code: string) {
  return db.selectFrom('occupational_standards').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

export type OccupationalStandardValues = WriteValues<FrameworkTables['occupational_standards']>;

const serialize = <V extends Partial<OccupationalStandardValues>>(v: V) => withJson(v, ['occupations', 'source']);

export async function insertOccupationalStandard(db: Db, values: OccupationalStandardValues, at?: Date): Promise<OccupationalStandardRow> {
  return db
    .insertInto('occupational_standards')
    .values({
      ...serialize(values),
      ...(at && { created_at: at, updated_at: at }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Undefined when `expected` names a version the row has already left (another write came first). */
export async function updateOccupationalStandard(
  db: Db,
  id: string,
  values: Partial<OccupationalStandardValues>,
  expected?: ExpectedVersion,
): Promise<OccupationalStandardRow | undefined> {
  let query = db
    .updateTable('occupational_standards')
    .set({ ...serialize(values), row_version: sql`row_version + 1`, updated_at: new Date() })
    .where('id', '=', id);
  if (expected) query = query.where(sameVersion(expected));
  return query.returningAll().executeTakeFirst();
}

/** Every standard's occupation levels, for the consistency checker. */
export function allOccupationLevels(db: Db) {
  return db.selectFrom('occupational_standards').select(['id', 'code', 'sqf_id', 'occupations']).execute();
}

/** One page of the register in id order after `after` (interop's exports). */
export function occupationalStandardsPage(db: Db, page: { after?: string; limit: number; synthetic?: boolean }) {
  let q = db.selectFrom('occupational_standards').selectAll();
  if (page.after) q = q.where('id', '>', page.after);
  if (page.synthetic !== undefined) q = q.where('is_synthetic', '=', page.synthetic);
  return q.orderBy('id').limit(page.limit).execute();
}

export function findOccupationalStandardRowByCode(db: Db, code: string) {
  return db.selectFrom('occupational_standards').selectAll().where('code', '=', code).executeTakeFirst();
}

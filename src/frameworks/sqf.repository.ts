// SQL of sectoral qualification frameworks and their qualification maps.
import { type Selectable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { anyColumnLike, languageColumns, escapeLike, likePattern } from '../platform/db/like.ts';
import { pageWithTotal } from '../platform/db/paging.ts';
import { type WriteValues, withJson } from '../platform/db/schema.ts';
import { type ExpectedVersion, sameVersion } from '../platform/records/versioned.ts';
import type { FrameworkTables } from './frameworks.table.ts';

export type SqfRow = Selectable<FrameworkTables['sqfs']>;
export type SqfQualificationRow = Selectable<FrameworkTables['sqf_qualifications']>;

export type SqfFilters = { sector?: string; developer?: string; oked?: string; status?: string; q?: string };

function filtered(db: Db, f: SqfFilters) {
  let q = db.selectFrom('sqfs');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.developer) q = q.where('developer', 'ilike', likePattern(f.developer));
  if (f.sector) q = q.where(anyColumnLike(languageColumns('sector'), f.sector));
  if (f.q) q = q.where(anyColumnLike(['code', ...languageColumns('name')], f.q));
  if (f.oked) {
    // The activity itself, a finer one under it, or a broader one that contains it: 85.42 matches
    // frameworks listing 85.42, 85.42.1 or 85.
    const oked = f.oked;
    q = q.where(
      sql<boolean>`exists (select 1 from unnest(oked_codes) c where c = ${oked} or c like ${`${escapeLike(oked)}.%`} or ${oked} like replace(replace(c, '_', '\\_'), '%', '\\%') || '.%')`,
    );
  }
  return q;
}

export async function listSqfs(db: Db, f: SqfFilters, page: { limit: number; offset: number }) {
  return pageWithTotal(filtered(db, f), (q) => q.selectAll().orderBy('code').orderBy('id').limit(page.limit).offset(page.offset));
}

export function findSqf(db: Db, id: string) {
  return db.selectFrom('sqfs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSqfByCode(db: Db, code: string) {
  return db.selectFrom('sqfs').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

export function listQualifications(db: Db, sqfId: string) {
  return db.selectFrom('sqf_qualifications').selectAll().where('sqf_id', '=', sqfId).orderBy('nqf_level').orderBy('code').execute();
}

export type SqfValues = WriteValues<FrameworkTables['sqfs']>;

const serialize = <V extends Partial<SqfValues>>(v: V) => withJson(v, ['levels', 'source']);

export async function insertSqf(db: Db, values: SqfValues, at?: Date): Promise<SqfRow> {
  return db
    .insertInto('sqfs')
    .values({ ...serialize(values), ...(at && { created_at: at, updated_at: at }) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Undefined when `expected` names a version the row has already left (another write came first). */
export async function updateSqf(db: Db, id: string, values: Partial<SqfValues>, expected?: ExpectedVersion): Promise<SqfRow | undefined> {
  let query = db
    .updateTable('sqfs')
    .set({ ...serialize(values), row_version: sql`row_version + 1`, updated_at: new Date() })
    .where('id', '=', id);
  if (expected) query = query.where(sameVersion(expected));
  return query.returningAll().executeTakeFirst();
}

export type SqfQualificationValues = {
  code: string;
  name: { kk: string; ru: string; en: string };
  nqfLevel: number;
  sublevel: string | null;
  iscoCodes: string[];
  nkzCodes: string[];
  okedCodes: string[];
};

/** Makes the map exactly `rows`, keeping the row of every code that stays (stable ids). */
export async function replaceQualifications(db: Db, sqfId: string, rows: SqfQualificationValues[]): Promise<void> {
  const codes = rows.map((r) => r.code);
  let stale = db.deleteFrom('sqf_qualifications').where('sqf_id', '=', sqfId);
  if (codes.length) stale = stale.where('code', 'not in', codes);
  await stale.execute();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('sqf_qualifications')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          sqf_id: sqfId,
          code: r.code,
          name_kk: r.name.kk,
          name_ru: r.name.ru,
          name_en: r.name.en,
          nqf_level: r.nqfLevel,
          sublevel: r.sublevel,
          isco_codes: r.iscoCodes,
          nkz_codes: r.nkzCodes,
          oked_codes: r.okedCodes,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['sqf_id', 'code']).doUpdateSet((eb) => ({
          name_kk: eb.ref('excluded.name_kk'),
          name_ru: eb.ref('excluded.name_ru'),
          name_en: eb.ref('excluded.name_en'),
          nqf_level: eb.ref('excluded.nqf_level'),
          sublevel: eb.ref('excluded.sublevel'),
          isco_codes: eb.ref('excluded.isco_codes'),
          nkz_codes: eb.ref('excluded.nkz_codes'),
          oked_codes: eb.ref('excluded.oked_codes'),
        })),
      )
      .execute();
  }
}

export async function existingSqfIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('sqfs').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Every framework's declared levels, for the consistency checker. */
export function allSqfLevels(db: Db) {
  return db.selectFrom('sqfs').select(['id', 'code', 'levels']).execute();
}

// SQL of standard sets and their standards and criteria.
import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { Database } from '../platform/db/schema.ts';
import { toJson } from '../platform/db/schema.ts';

export type StandardSetRow = Selectable<Database['standard_sets']>;
export type StandardRow = Selectable<Database['standards']>;

export type SetFilters = { owner?: string; key?: string; scope?: string; inForceOn?: string };

export async function listSets(db: Db, f: SetFilters, page: { limit: number; offset: number }) {
  let q = db.selectFrom('standard_sets');
  if (f.owner) q = q.where((eb) => (f.owner === 'ministry' ? eb('owner_organization_id', 'is', null) : eb('owner_organization_id', '=', f.owner as string)));
  if (f.key) q = q.where('key', '=', f.key);
  if (f.scope) q = q.where('scope', '=', f.scope);
  if (f.inForceOn) {
    const d = f.inForceOn;
    q = q.where('valid_from', '<=', d).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', d)]));
  }
  const [items, count] = await Promise.all([
    q.selectAll().orderBy('key').orderBy('valid_from', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function findSet(db: Db, id: string): Promise<StandardSetRow | undefined> {
  return db.selectFrom('standard_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function standardsOf(db: Db, setId: string): Promise<StandardRow[]> {
  return db.selectFrom('standards').selectAll().where('set_id', '=', setId).orderBy('position').execute();
}

/** The version in force on a date among those a filter picks (the latest start wins). */
function versionInForce(db: Db, on: string, pick: 'owner-scope' | 'ministry-key', a: string, b?: string): Promise<StandardSetRow | undefined> {
  let q = db.selectFrom('standard_sets').selectAll();
  q = pick === 'owner-scope' ? q.where('owner_organization_id', '=', a).where('scope', '=', b as string) : q.where('owner_organization_id', 'is', null).where('key', '=', a);
  return q
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

/** The version of a body's set for a scope in force on a date. */
export function setInForce(db: Db, ownerId: string, scope: string, on: string): Promise<StandardSetRow | undefined> {
  return versionInForce(db, on, 'owner-scope', ownerId, scope);
}

/** The ministry's version of a set (by key) in force on a date, e.g. a level of the Guidelines. */
export function ministrySetInForce(db: Db, key: string, on: string): Promise<StandardSetRow | undefined> {
  return versionInForce(db, on, 'ministry-key', key);
}

export async function openVersionsOf(db: Db, key: string): Promise<StandardSetRow[]> {
  return db.selectFrom('standard_sets').selectAll().where('key', '=', key).where('valid_to', 'is', null).execute();
}

export async function closeVersion(db: Db, id: string, validTo: string): Promise<void> {
  await db.updateTable('standard_sets').set({ valid_to: validTo }).where('id', '=', id).execute();
}

export async function insertSet(
  db: Db,
  v: { key: string; version: string; owner_organization_id: string | null; owner_label: string; scope: string; title_kk: string; title_ru: string; title_en: string; valid_from: string },
): Promise<StandardSetRow> {
  return db.insertInto('standard_sets').values({ ...v, valid_to: null, source: null }).returningAll().executeTakeFirstOrThrow();
}

export async function insertStandards(
  db: Db,
  setId: string,
  items: { code: string; parent_code: string | null; title_kk: string; title_ru: string; title_en: string }[],
): Promise<void> {
  if (!items.length) return;
  await db
    .insertInto('standards')
    .values(items.map((it, position) => ({ ...it, set_id: setId, position, attributes: toJson({}), source: null })))
    .execute();
}

export async function versionExists(db: Db, key: string, version: string): Promise<boolean> {
  return !!(await db.selectFrom('standard_sets').select('id').where('key', '=', key).where('version', '=', version).executeTakeFirst());
}

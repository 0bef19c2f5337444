// SQL of Register 1 (recognitions of accreditation bodies).
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import type { Database } from '../platform/db/schema.ts';
import { organizationById, organizationSortKey, organizationsByIds } from '../registry/registry.api.ts';
import { type Selectable, sql } from 'kysely';

export type RecognitionRow = Selectable<Database['accreditation_recognitions']>;
export type BodyRow = { id: string; key: string | null; name_kk: string; name_ru: string; name_en: string | null; short_name: string | null; identifiers: Record<string, string>; status: string; kind: string };

/** Bodies are organizations: read through the registry's API. */
export async function findBody(db: Db, id: string): Promise<BodyRow | undefined> {
  return organizationById(db, id);
}

export async function recognitionsOf(db: Db, bodyId: string): Promise<RecognitionRow[]> {
  return db.selectFrom('accreditation_recognitions').selectAll().where('body_id', '=', bodyId).orderBy('valid_from', 'desc').execute();
}

export type RegisterFilters = { status?: string; scopeType?: string; network?: string; asOf?: string; today: string };

export async function listRecognitions(db: Db, f: RegisterFilters, page: { limit: number; offset: number }) {
  let q = db.selectFrom('accreditation_recognitions as r');
  // Kysely would send an array as a list of values, so membership is written as = ANY(...).
  if (f.scopeType) q = q.where(sql<boolean>`${f.scopeType} = any(r.scope_types)`);
  if (f.network) q = q.where(sql<boolean>`${f.network.toUpperCase()} = any(r.networks)`);
  if (f.asOf) {
    const d = f.asOf;
    q = q.where('r.valid_from', '<=', d).where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', d)]));
  }
  if (f.status === 'expired') {
    q = q.where((eb) => eb.or([eb('r.status', '=', 'expired'), eb.and([eb('r.valid_to', 'is not', null), eb('r.valid_to', '<', f.today)])]));
  } else if (f.status) {
    q = q.where('r.status', '=', f.status).where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', f.today)]));
  }
  const [rows, count] = await Promise.all([
    q.selectAll('r').orderBy(organizationSortKey('r.body_id', 'name_ru')).orderBy('r.valid_from', 'desc').limit(page.limit).offset(page.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const bodies = new Map((await organizationsByIds(db, rows.map((r) => r.body_id))).map((o) => [o.id, o]));
  const items = rows.flatMap((r) => {
    const o = bodies.get(r.body_id);
    return o
      ? [{ ...r, body_key: o.key, name_kk: o.name_kk, name_ru: o.name_ru, name_en: o.name_en, short_name: o.short_name, identifiers: o.identifiers, body_status: o.status }]
      : [];
  });
  return { items, total: Number(count.n) };
}

export type RecognitionValues = {
  national: boolean;
  order_number: string;
  order_date: string;
  valid_from: string;
  valid_to: string | null;
  status: string;
  scope_types: string[];
  scope_levels: number[];
  scope_fields: string[];
  networks: string[];
  legal_details: Record<string, unknown>;
};

export async function insertRecognition(db: Db, bodyId: string, v: RecognitionValues, source: unknown = null): Promise<RecognitionRow> {
  return db
    .insertInto('accreditation_recognitions')
    .values({ ...v, body_id: bodyId, legal_details: toJson(v.legal_details), source: source ? toJson(source) : null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findRecognition(db: Db, id: string): Promise<RecognitionRow | undefined> {
  return db.selectFrom('accreditation_recognitions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRecognition(db: Db, id: string, v: Partial<RecognitionValues>): Promise<RecognitionRow> {
  const { legal_details, ...rest } = v;
  return db
    .updateTable('accreditation_recognitions')
    .set({ ...rest, ...(legal_details !== undefined && { legal_details: toJson(legal_details) }) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function standardSetsOwnedBy(db: Db, bodyId: string) {
  return db
    .selectFrom('standard_sets')
    .select(['id', 'key', 'version', 'scope', 'valid_from', 'valid_to'])
    .where('owner_organization_id', '=', bodyId)
    .orderBy('key')
    .orderBy('valid_from', 'desc')
    .execute();
}

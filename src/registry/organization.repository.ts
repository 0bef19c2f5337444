// SQL of organizations, licences and relationships.
import { type Selectable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { pageWithTotal } from '../platform/db/paging.ts';
import { type WriteValues, toJson, withJson } from '../platform/db/schema.ts';
import { type ExpectedVersion, sameVersion } from '../platform/records/versioned.ts';
import type { RegistryTables } from './registry.table.ts';
import { whereEqual } from '../platform/db/where-equal.ts';
import { columnsOf } from '../platform/db/fields.ts';

export type OrganizationRow = Selectable<RegistryTables['organizations']>;
export type OrganizationFilters = {
  kind?: string;
  regionCode?: string;
  legalForm?: string;
  status?: string;
  name?: string;
  synthetic?: boolean;
};
export const ORGANIZATION_SORTS = { name: 'name_kk_sort', nameRu: 'name_ru', nameEn: 'name_en', updated: 'updated_at' } as const;

function filtered(db: Db, f: OrganizationFilters) {
  let q = whereEqual(db.selectFrom('organizations'), { kind: f.kind, region_code: f.regionCode, legal_form: f.legalForm, status: f.status, is_synthetic: f.synthetic });
  if (f.name) {
    const like = `%${f.name.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([eb('name_kk', 'ilike', like), eb('name_ru', 'ilike', like), eb('name_en', 'ilike', like), eb(sql`array_to_string(aliases, ' ')`, 'ilike', like)]),
    );
  }
  return q;
}

export async function listOrganizations(
  db: Db,
  f: OrganizationFilters,
  page: { limit: number; offset: number; sort: keyof typeof ORGANIZATION_SORTS; desc: boolean },
) {
  return pageWithTotal(filtered(db, f), (q) =>
    q
      .selectAll()
      .orderBy(ORGANIZATION_SORTS[page.sort], page.desc ? 'desc' : 'asc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset),
  );
}

export function findOrganization(db: Db, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function organizationNamesByIds(db: Db, ids: string[]) {
  return db.selectFrom('organizations').select(['id', 'name_kk', 'name_ru', 'name_en']).where('id', 'in', ids).execute();
}

export async function existingOrganizationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('organizations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function findByIdentity(db: Db, bin: string | undefined, key: string | undefined) {
  return db
    .selectFrom('organizations')
    .select(['id', 'bin', 'key'])
    .where((eb) => eb.or([eb('bin', '=', bin ?? null), eb('key', '=', key ?? null)]))
    .execute();
}

export type OrganizationValues = WriteValues<RegistryTables['organizations']>;

const serialize = <V extends Partial<OrganizationValues>>(v: V) => withJson(v, ['identifiers', 'source']);

export async function insertOrganization(db: Db, values: OrganizationValues, at?: Date): Promise<OrganizationRow> {
  return db
    .insertInto('organizations')
    .values({ ...serialize(values), ...(at && { created_at: at, updated_at: at }) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Undefined when `expected` names a version the row has already left (another write came first). */
export async function updateOrganization(db: Db, id: string, values: Partial<OrganizationValues>, expected?: ExpectedVersion): Promise<OrganizationRow | undefined> {
  let query = db
    .updateTable('organizations')
    .set({ ...serialize(values), row_version: sql`row_version + 1`, updated_at: new Date() })
    .where('id', '=', id);
  if (expected) query = query.where(sameVersion(expected));
  return query.returningAll().executeTakeFirst();
}

export function listLicences(db: Db, organizationId: string) {
  return db.selectFrom('licences').selectAll().where('organization_id', '=', organizationId).orderBy('issued_on').execute();
}

export async function insertLicence(
  db: Db,
  organizationId: string,
  l: { number: string; issuedOn: string; validUntil?: string | null; programmeGroups: string[]; attachments: unknown[]; status: string },
) {
  return db
    .insertInto('licences')
    .values({
      organization_id: organizationId,
      number: l.number,
      issued_on: l.issuedOn,
      valid_until: l.validUntil ?? null,
      programme_groups: l.programmeGroups,
      attachments: toJson(l.attachments),
      status: l.status,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The licence's facts by its number within the organization (attachments stay as they are). */
export function updateLicenceByNumber(db: Db, organizationId: string, number: string, l: { issuedOn: string; validUntil?: string | null; programmeGroups: string[]; status: string }) {
  return db
    .updateTable('licences')
    .set({ issued_on: l.issuedOn, valid_until: l.validUntil ?? null, programme_groups: l.programmeGroups, status: l.status })
    .where('organization_id', '=', organizationId)
    .where('number', '=', number)
    .returningAll()
    .executeTakeFirst();
}

export async function insertRelationship(
  db: Db,
  r: {
    type: string;
    fromId: string;
    toId: string;
    effectiveOn: string | null;
    endedOn?: string | null;
    note?: string | null;
    source?: unknown;
    proposedById?: string | null;
  },
) {
  return db
    .insertInto('organization_relationships')
    .values({
      ...columnsOf(r, ['type', 'fromId', 'toId', 'effectiveOn', 'endedOn', 'note', 'proposedById']),
      source: r.source ? toJson(r.source) : null,
      state: r.proposedById ? 'proposed' : 'in-force',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

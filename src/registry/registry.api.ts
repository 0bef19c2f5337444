// The read API of the registry module: what other modules may ask about organizations, licences,
// relationships, programmes, qualifications and certification centres. Registry owns the tables
// declared in registry.table.ts; no other module names them in SQL, it calls these functions.
// Look-ups take lists of ids (one query for a whole page, never one per row).
//
// Organizations
// - organizationById(db, id) / organizationsByIds(db, ids) / organizationIdByKey(db, key)
// - organizationBySlug(db, slug): by key, or by id when the slug is a uuid
// - existingOrganizationIds(db, ids): which of the ids exist
// - lockOrganization(db, id): row lock that serializes another module's per-organization work
// - relatedOrganizationLinks(db, id): parents and predecessors (relationships pointing to it)
// - organizationByExternalId(db, ref): by DEQAR id, ETER id, BIN (KZ-national) or another identifier
// - organizationsByAgencyName(db, name): bodies a DEQAR `agency` names (its DEQAR acronym or id, short name or key)
// Programmes and qualifications
// - programmesOfOrganization(db, organizationId): its programmes, for matching another register's
// - programmeById(db, id) / programmesByIds(db, ids) / existingProgrammeIds(db, ids): the included version while an update is pending
// - byProgrammeCode: the order the registry lists programmes in
// - programmePartnerIds(db, organizationId): partners named on its programmes
// - programmeHostIds(db, partnerId): organizations whose programmes name it as partner
// - existingQualificationIds(db, ids)
// - qualificationById(db, id): the qualification as published (every qualification is public)
// - programmeOutcomesById(db, id): a programme's learning outcomes
// Licences and certification centres ("in force on a day" is the registry's rule)
// - licencesOf(db, organizationId)
// - standingBadges(facts) / BADGES: the badges of a record in any list (search, Registers 2–3)
// - programmeStandingFacts(db, ids): live status and demonstration flag of programmes, for badges
// - licenceInForceOn(db, organizationId, day, groupCode?) / licencesInForceOn(db, organizationId, day)
// - certificationCentreOf(db, organizationId) / certificationCentreAccreditedOn(db, organizationId, day)
// Filtering and sorting inside another module's SQL (lists paged in the database)
// - organizationIdsWhere(db, filter) / programmeIdsWhere(db, filter): subqueries of ids, for `in`
// - organizationSortKey(ref, column) / programmeSortKey(ref, column): correlated sort keys
//   These return query fragments rather than rows so that a register filtered by region and
//   sorted by organization name still pages in SQL; the fragments' SQL lives here, with its owner.
// - their `nameLike`/`textLike` filters take platform/db/like.ts's likePattern(text)
import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { PROGRAMME_REF_COLUMNS, publicProgrammes } from './programme.repository.ts';
import type { RegistryTables } from './registry.table.ts';

export { existingOrganizationIds } from './organization.repository.ts';
export { BADGES, type Badge, standingBadges } from './badges.ts';

const ORGANIZATION_COLUMNS = [
  'id',
  'key',
  'bin',
  'kind',
  'short_name',
  'name_kk',
  'name_ru',
  'name_en',
  'identifiers',
  'region_code',
  'status',
  'website',
  'is_synthetic',
] as const;

export type OrganizationRef = Pick<Selectable<RegistryTables['organizations']>, (typeof ORGANIZATION_COLUMNS)[number]>;

export function organizationById(db: Db, id: string): Promise<OrganizationRef | undefined> {
  return db.selectFrom('organizations').select(ORGANIZATION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function organizationsByIds(db: Db, ids: readonly string[]): Promise<OrganizationRef[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return db.selectFrom('organizations').select(ORGANIZATION_COLUMNS).where('id', 'in', unique).execute();
}

export async function organizationIdByKey(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirst())?.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function organizationBySlug(db: Db, slug: string): Promise<OrganizationRef | undefined> {
  const uuid = UUID.test(slug);
  return db
    .selectFrom('organizations')
    .select(ORGANIZATION_COLUMNS)
    .where((eb) => (uuid ? eb.or([eb('key', '=', slug), eb('id', '=', slug)]) : eb('key', '=', slug)))
    .executeTakeFirst();
}

/** Locks the organization's row until the transaction ends; false when there is no such organization. */
export async function lockOrganization(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('organizations').select('id').where('id', '=', id).forUpdate().executeTakeFirst());
}

/** Relationships of the given types that point to the organization (its parents, its predecessors). */
export function relatedOrganizationLinks(db: Db, organizationId: string, types: string[]) {
  return db.selectFrom('organization_relationships').select(['type', 'from_id']).where('to_id', '=', organizationId).where('type', 'in', types).where('state', '=', 'in-force').execute();
}

const PROGRAMME_COLUMNS = [...PROGRAMME_REF_COLUMNS, 'first_included_at'] as const;

export type ProgrammeRef = Pick<Selectable<RegistryTables['programmes']>, (typeof PROGRAMME_COLUMNS)[number]>;

export function programmeById(db: Db, id: string): Promise<ProgrammeRef | undefined> {
  return db.selectFrom(publicProgrammes(db)).select(PROGRAMME_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function programmesByIds(db: Db, ids: readonly string[]): Promise<ProgrammeRef[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return db.selectFrom(publicProgrammes(db)).select(PROGRAMME_COLUMNS).where('id', 'in', unique).execute();
}

/** The live register status and demonstration flag of programmes (an update under review reads 'update'), for badges. */
export function programmeStandingFacts(db: Db, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return Promise.resolve([]);
  return db.selectFrom('programmes').select(['id', 'status', 'is_synthetic']).where('id', 'in', unique).execute();
}

export async function existingProgrammeIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await programmesByIds(db, ids)).map((p) => p.id));
}

/** The partners named on the organization's programmes (one entry per mention). */
export async function programmePartnerIds(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db.selectFrom(publicProgrammes(db)).select(sql<string>`unnest(partner_ids)`.as('partner')).where('organization_id', '=', organizationId).execute();
  return rows.map((r) => r.partner);
}

/** The organizations whose programmes name `partnerId` as a partner (one entry per programme). */
export async function programmeHostIds(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db.selectFrom(publicProgrammes(db)).select('organization_id').where(sql<boolean>`partner_ids @> ARRAY[${partnerId}]::uuid[]`).execute();
  return rows.map((r) => r.organization_id);
}

export async function existingQualificationIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const rows = await db.selectFrom('qualifications').select('id').where('id', 'in', unique).execute();
  return new Set(rows.map((r) => r.id));
}

const QUALIFICATION_COLUMNS = ['id', 'code', 'name_kk', 'name_ru', 'name_en', 'kind', 'qualification_type', 'nqf_level', 'awarding_body_id', 'field_code', 'occupations', 'programme_ids'] as const;

export type QualificationRef = Pick<Selectable<RegistryTables['qualifications']>, (typeof QUALIFICATION_COLUMNS)[number]>;

export function qualificationById(db: Db, id: string): Promise<QualificationRef | undefined> {
  return db.selectFrom('qualifications').select(QUALIFICATION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function programmeOutcomesById(db: Db, id: string): Promise<Selectable<RegistryTables['programmes']>['outcomes']> {
  return (await db.selectFrom('programmes').select('outcomes').where('id', '=', id).executeTakeFirst())?.outcomes ?? [];
}

export function licencesOf(db: Db, organizationId: string) {
  return db.selectFrom('licences').selectAll().where('organization_id', '=', organizationId).execute();
}

/** A licence of the organization in force on `day` (issued, not lapsed, not revoked, suspended or cancelled), optionally covering a programme group. */
export function licenceInForceOn(db: Db, organizationId: string, day: string, groupCode?: string) {
  return licencesInForceQuery(db, organizationId, day, groupCode).executeTakeFirst();
}

/** Every licence of the organization in force on `day`, with the programme groups it covers. */
export function licencesInForceOn(db: Db, organizationId: string, day: string) {
  return licencesInForceQuery(db, organizationId, day).select(['programme_groups']).orderBy('issued_on').orderBy('number').execute();
}

function licencesInForceQuery(db: Db, organizationId: string, day: string, groupCode?: string) {
  let q = db
    .selectFrom('licences')
    .select(['number'])
    .where('organization_id', '=', organizationId)
    .where('issued_on', '<=', day)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', day)]))
    .where('status', 'not in', ['revoked', 'suspended', 'cancelled']);
  if (groupCode !== undefined) q = q.where(sql<boolean>`${groupCode} = ANY(programme_groups)`);
  return q;
}

export function certificationCentreOf(db: Db, organizationId: string) {
  return db.selectFrom('certification_centres').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
}

/** Whether the organization was an accredited certification centre on `day`. */
export async function certificationCentreAccreditedOn(db: Db, organizationId: string, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('certification_centres')
    .select('organization_id')
    .where('organization_id', '=', organizationId)
    .where('accredited_on', '<=', day)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', day)]))
    .executeTakeFirst();
  return !!row;
}

export type OrganizationIdFilter = {
  regionCode?: string;
  /** an `ilike` pattern matched against the names and the short name */
  nameLike?: string;
  /** organizations running a programme in this field */
  programmeFieldCode?: string;
};

/** A subquery of the ids of organizations matching every given condition, for `where(ref, 'in', …)`. */
export function organizationIdsWhere(db: Db, f: OrganizationIdFilter) {
  let q = db.selectFrom('organizations as o').select('o.id');
  if (f.regionCode) q = q.where('o.region_code', '=', f.regionCode);
  if (f.nameLike) {
    const like = f.nameLike;
    q = q.where(sql<boolean>`(o.name_kk ilike ${like} or o.name_ru ilike ${like} or o.name_en ilike ${like} or o.short_name ilike ${like})`);
  }
  if (f.programmeFieldCode) {
    const field = f.programmeFieldCode;
    // An organization belongs to a field when it runs a programme in it.
    q = q.where(sql<boolean>`exists (select 1 from programmes op where op.organization_id = o.id and op.field_code = ${field})`);
  }
  return q;
}

export type ProgrammeIdFilter = {
  fieldCode?: string;
  /** an `ilike` pattern matched against the code and the names */
  textLike?: string;
};

/** A subquery of the ids of programmes matching every given condition, for `where(ref, 'in', …)`. */
export function programmeIdsWhere(db: Db, f: ProgrammeIdFilter) {
  let q = db.selectFrom('programmes as p').select('p.id');
  if (f.fieldCode) q = q.where('p.field_code', '=', f.fieldCode);
  if (f.textLike) {
    const like = f.textLike;
    q = q.where(sql<boolean>`(p.code ilike ${like} or p.name_kk ilike ${like} or p.name_ru ilike ${like} or p.name_en ilike ${like})`);
  }
  return q;
}

/** The organization's column for ordering another module's rows by it; `ref` names the column holding the organization id. */
export function organizationSortKey(ref: string, column: 'name_kk_sort' | 'name_ru' | 'short_name'): RawBuilder<string | null> {
  return sql<string | null>`(select o.${sql.ref(column)} from organizations o where o.id = ${sql.ref(ref)})`;
}

/** The programme's column for ordering another module's rows by it; `ref` names the column holding the programme id. */
export function programmeSortKey(ref: string, column: 'code'): RawBuilder<string | null> {
  return sql<string | null>`(select p.${sql.ref(column)} from programmes p where p.id = ${sql.ref(ref)})`;
}

/** Orders programmes by code, as the registry's own lists do. */
export const byProgrammeCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Identifiers of other registers, kept in `organizations.identifiers` under these keys: DEQAR's
 * institution id (DEQARINST0001), ETER's id (KZ0001), DEQAR's agency id or acronym for a body.
 */
export const EXTERNAL_ID_KEYS = { deqar: 'deqar', eter: 'eter', deqarAgency: 'deqarAgency' } as const;

/** An organization named the way DEQAR names institutions: its DEQAR id, ETER id, or an identifier with its resource. */
export async function organizationByExternalId(
  db: Db,
  ref: { deqar_id?: string; eter_id?: string; identifier?: string; resource?: string },
): Promise<OrganizationRef | undefined> {
  const q = db.selectFrom('organizations').select(ORGANIZATION_COLUMNS);
  if (ref.deqar_id?.trim()) return q.where(sql<string>`identifiers->>${EXTERNAL_ID_KEYS.deqar}`, '=', ref.deqar_id.trim()).executeTakeFirst();
  if (ref.eter_id?.trim()) return q.where(sql<string>`identifiers->>${EXTERNAL_ID_KEYS.eter}`, '=', ref.eter_id.trim()).executeTakeFirst();
  const id = ref.identifier?.trim();
  if (!id) return undefined;
  const resource = ref.resource?.trim();
  if (!resource || resource === 'KZ-national') {
    const byBin = await q.where('bin', '=', id).executeTakeFirst();
    if (byBin || resource) return byBin;
  }
  return q
    .where(resource ? sql<boolean>`identifiers->>${resource} = ${id}` : sql<boolean>`exists (select 1 from jsonb_each_text(identifiers) e where e.value = ${id})`)
    .executeTakeFirst();
}

/** The organizations a DEQAR `agency` value may name: its DEQAR agency id or acronym, its short name or its key. */
export function organizationsByAgencyName(db: Db, name: string): Promise<OrganizationRef[]> {
  const value = name.trim();
  return db
    .selectFrom('organizations')
    .select(ORGANIZATION_COLUMNS)
    .where((eb) =>
      eb.or([
        eb(sql<string>`identifiers->>${EXTERNAL_ID_KEYS.deqarAgency}`, '=', value),
        eb(sql<string>`lower(short_name)`, '=', value.toLowerCase()),
        eb('key', '=', value.toLowerCase()),
      ]),
    )
    .execute();
}

export function programmesOfOrganization(db: Db, organizationId: string): Promise<ProgrammeRef[]> {
  return db.selectFrom(publicProgrammes(db)).select(PROGRAMME_COLUMNS).where('organization_id', '=', organizationId).execute();
}

/** Ids of the organizations of the given kinds (oversight's risk view assesses those with QA standards). */
export async function organizationIdsOfKinds(db: Db, kinds: readonly string[]): Promise<{ id: string; kind: string }[]> {
  if (!kinds.length) return [];
  return db.selectFrom('organizations').select(['id', 'kind']).where('kind', 'in', [...kinds]).orderBy('id').execute();
}

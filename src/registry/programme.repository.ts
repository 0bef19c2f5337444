// SQL of programmes.
import { type Selectable, sql } from 'kysely';
import { occupationalStandardsByIds, qualificationType } from '../frameworks/frameworks.api.ts';
import { rememberedReference } from '../platform/db/bulk-session.ts';
import type { Db } from '../platform/db/database.ts';
import { pageWithTotal } from '../platform/db/paging.ts';
import { withJson } from '../platform/db/schema.ts';
import { type ExpectedVersion, sameVersion } from '../platform/records/versioned.ts';
import type { RegistryTables } from './registry.table.ts';
import { whereEqual } from '../platform/db/where-equal.ts';

export type ProgrammeRow = Omit<Selectable<RegistryTables['programmes']>, 'name_kk_sort' | 'submitted_at'> & { submitted_at?: Date | null };
export type ProgrammeSummaryRow = Omit<ProgrammeRow, 'outcomes' | 'courses' | 'objective' | 'distinctive_features' | 'submitted_at'>;

/** What another module needs to name and place a programme (registry.api's ProgrammeRef). */
export const PROGRAMME_REF_COLUMNS = [
  'id',
  'organization_id',
  'code',
  'edition',
  'name_kk',
  'name_ru',
  'name_en',
  'field_code',
  'narrow_field_code',
  'group_code',
  'nqf_level',
  'degree',
  'credits_ects',
  'status',
] as const;

/** Lists leave out the long jsonb parts of the passport: they are most of its bytes. */
const SUMMARY_COLUMNS = [
  ...PROGRAMME_REF_COLUMNS,
  'programme_type',
  'languages',
  'study_forms',
  'occupational_standard_ids',
  'atlas_entries',
  'partner_ids',
  'partnership',
  'licence_id',
  'council_approved_on',
  'review_comment',
  'first_included_at',
  'is_synthetic',
  'source',
  'row_version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ProgrammeSummaryRow)[];

export type ProgrammeFilters = {
  code?: string;
  codePrefix?: string;
  organizationId?: string;
  fieldCode?: string;
  directionCode?: string;
  groupCode?: string;
  nqfLevel?: number;
  degree?: string;
  language?: string;
  status?: string;
  name?: string;
  synthetic?: boolean;
  /** Only programmes that have been included in the register at some point. */
  publicOnly: boolean;
  /** Besides public ones, the non-public programmes of these organizations. */
  alsoOrganizations?: string[];
};

export const PROGRAMME_SORTS = { code: 'code', name: 'name_kk_sort', nameRu: 'name_ru', nameEn: 'name_en', updated: 'updated_at', level: 'nqf_level' } as const;

/**
 * Programmes as the public sees them: a pending update of an included programme is answered by the
 * row the ministry last reviewed (programme_reviewed_rows), except for `workingCopiesOf`, the
 * organizations that see their own working copy. Used wherever `programmes` would be, as `programmes`.
 */
export function publicProgrammes(db: Db, workingCopiesOf: readonly string[] = []) {
  const own = [...workingCopiesOf];
  const reviewed = db.selectFrom('programme_reviewed_rows').selectAll();
  const working = db
    .selectFrom('programmes')
    .selectAll()
    .where((eb) => {
      const notPending = eb.not(eb.exists(eb.selectFrom('programme_reviewed_rows as r').select('r.id').whereRef('r.id', '=', 'programmes.id')));
      return own.length ? eb.or([notPending, eb('organization_id', 'in', own)]) : notPending;
    });
  return working.unionAll(own.length ? reviewed.where('organization_id', 'not in', own) : reviewed).as('programmes');
}

/** Keeps the included row for the public when its update starts; the ministry's review ends it. */
export async function keepReviewedRow(db: Db, id: string): Promise<void> {
  const columns = [...SUMMARY_COLUMNS, 'outcomes', 'courses', 'objective', 'distinctive_features'] as const;
  await db
    .insertInto('programme_reviewed_rows')
    .columns(columns)
    .expression(db.selectFrom('programmes').select(columns).where('id', '=', id))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function dropReviewedRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('programme_reviewed_rows').where('id', '=', id).execute();
}

function filtered(db: Db, f: ProgrammeFilters) {
  let q = f.publicOnly ? db.selectFrom(publicProgrammes(db, f.alsoOrganizations)) : db.selectFrom('programmes');
  if (f.code) q = q.where('code', '=', f.code.toUpperCase());
  if (f.codePrefix) q = q.where('code', 'like', `${f.codePrefix.toUpperCase().replace(/[%_\\]/g, '\\$&')}%`);
  if (f.organizationId) {
    const org = f.organizationId;
    // `@>` (not `= ANY`) so the GIN index on partner_ids answers it: an organization's page is not a scan of the register.
    q = q.where((eb) => eb.or([eb('organization_id', '=', org), eb('partner_ids', '@>', sql<string[]>`ARRAY[${org}]::uuid[]`)]));
  }
  q = whereEqual(q, {
    field_code: f.fieldCode,
    narrow_field_code: f.directionCode,
    group_code: f.groupCode,
    nqf_level: f.nqfLevel,
    degree: f.degree,
    status: f.status,
    is_synthetic: f.synthetic,
  });
  if (f.language) q = q.where(sql.val(f.language), '=', (eb) => eb.fn.any('languages'));
  if (f.name) {
    const like = `%${f.name.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('name_kk', 'ilike', like), eb('name_ru', 'ilike', like), eb('name_en', 'ilike', like)]));
  }
  if (f.publicOnly) {
    const own = f.alsoOrganizations ?? [];
    q = q.where((eb) =>
      own.length ? eb.or([eb('first_included_at', 'is not', null), eb('organization_id', 'in', own)]) : eb('first_included_at', 'is not', null),
    );
  }
  return q;
}

export async function listProgrammes(db: Db, f: ProgrammeFilters, page: { limit: number; offset: number; sort: keyof typeof PROGRAMME_SORTS; desc: boolean }) {
  return pageWithTotal(filtered(db, f), (q) =>
    q
      .select(SUMMARY_COLUMNS)
      .orderBy(PROGRAMME_SORTS[page.sort], page.desc ? 'desc' : 'asc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset),
  );
}

export function findProgramme(db: Db, id: string) {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Rows that would make a new passport a duplicate: same key, or same name and level. */
export function findClashes(db: Db, p: { organizationId: string; code: string; edition: number; nameRu: string; nqfLevel: number }, exceptId?: string) {
  let q = db
    .selectFrom('programmes')
    .select(['id', 'code', 'edition', 'name_ru', 'nqf_level', 'status'])
    .where('organization_id', '=', p.organizationId)
    .where('status', '!=', 'excluded')
    .where((eb) =>
      eb.or([
        eb.and([eb('code', '=', p.code), eb('edition', '=', p.edition)]),
        eb.and([eb(sql`lower(name_ru)`, '=', p.nameRu.toLowerCase()), eb('nqf_level', '=', p.nqfLevel), eb('code', '!=', p.code)]),
      ]),
    );
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.execute();
}

export type ProgrammeValues = Omit<
  RegistryTables['programmes'],
  'id' | 'name_kk_sort' | 'row_version' | 'created_at' | 'updated_at' | 'outcomes' | 'courses' | 'objective' | 'distinctive_features' | 'source' | 'submitted_at'
> & { outcomes: unknown[]; courses: unknown[]; objective: unknown; distinctive_features: unknown; source: unknown; submitted_at?: Date | null };

const serialize = <V extends Partial<ProgrammeValues>>(v: V) => withJson(v, ['outcomes', 'courses', 'objective', 'distinctive_features', 'source']);

export async function insertProgramme(db: Db, values: ProgrammeValues, at?: Date): Promise<ProgrammeRow> {
  return db
    .insertInto('programmes')
    .values({ ...serialize(values), ...(at && { created_at: at, updated_at: at }) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Undefined when `expected` names a version the row has already left (another write came first). */
export async function updateProgramme(
  db: Db,
  id: string,
  values: Partial<ProgrammeValues>,
  options: { at?: Date; expected?: ExpectedVersion } = {},
): Promise<ProgrammeRow | undefined> {
  let query = db
    .updateTable('programmes')
    .set({ ...serialize(values), row_version: sql`row_version + 1`, updated_at: options.at ?? new Date() })
    .where('id', '=', id);
  if (options.expected) query = query.where(sameVersion(options.expected));
  return query.returningAll().executeTakeFirst();
}

export function organizationNames(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  // In a bulk import of programmes or qualifications (which never write organizations), read once per run.
  return rememberedReference(db, `organizationNames|${[...ids].sort().join('|')}`, () => organizationNamesOf(db, ids));
}

function organizationNamesOf(db: Db, ids: string[]) {
  return db.selectFrom('organizations').select(['id', 'name_kk', 'name_ru', 'name_en', 'kind', 'region_code']).where('id', 'in', ids).execute();
}

/** Occupational standards belong to frameworks: read through its API. */
export const standardNames = occupationalStandardsByIds;

export function licenceOwner(db: Db, licenceId: string) {
  return db.selectFrom('licences').select(['id', 'organization_id', 'programme_groups', 'status']).where('id', '=', licenceId).executeTakeFirst();
}

export { qualificationType };

/** Programmes in the register (included or under update) per field, direction and group, for the classifier tree. */
export function classifierCounts(db: Db) {
  return db
    .selectFrom('programmes')
    .select(['field_code', 'narrow_field_code', 'group_code', sql<number>`count(*)::int`.as('n')])
    .where('status', 'in', ['included', 'update'])
    .groupBy(['field_code', 'narrow_field_code', 'group_code'])
    .execute();
}

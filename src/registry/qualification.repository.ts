// SQL of qualifications and certification centres.
import { type Selectable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { pageWithTotal } from '../platform/db/paging.ts';
import { type WriteValues, withJson } from '../platform/db/schema.ts';
import { type ExpectedVersion, sameVersion } from '../platform/records/versioned.ts';
import type { RegistryTables } from './registry.table.ts';
import { whereEqual } from '../platform/db/where-equal.ts';

export type QualificationRow = Selectable<RegistryTables['qualifications']>;
export type QualificationFilters = { kind?: string; nqfLevel?: number; fieldCode?: string; qualificationType?: string; awardingBodyId?: string; name?: string; programmeId?: string };

function filtered(db: Db, f: QualificationFilters) {
  let q = whereEqual(db.selectFrom('qualifications'), {
    kind: f.kind,
    nqf_level: f.nqfLevel,
    field_code: f.fieldCode,
    qualification_type: f.qualificationType,
    awarding_body_id: f.awardingBodyId,
  });
  if (f.programmeId) q = q.where(sql.val(f.programmeId), '=', (eb) => eb.fn.any('programme_ids'));
  if (f.name) {
    const like = `%${f.name.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('name_kk', 'ilike', like), eb('name_ru', 'ilike', like), eb('name_en', 'ilike', like)]));
  }
  return q;
}

export async function listQualifications(db: Db, f: QualificationFilters, page: { limit: number; offset: number }) {
  return pageWithTotal(filtered(db, f), (q) => q.selectAll().orderBy('nqf_level').orderBy('code').limit(page.limit).offset(page.offset));
}

export const findQualification = (db: Db, id: string) => db.selectFrom('qualifications').selectAll().where('id', '=', id).executeTakeFirst();
export const findQualificationByCode = (db: Db, code: string) => db.selectFrom('qualifications').select('id').where('code', '=', code).executeTakeFirst();

export type QualificationValues = WriteValues<RegistryTables['qualifications']>;

const serialize = <V extends Partial<QualificationValues>>(v: V) => withJson(v, ['occupations', 'source']);

export const insertQualification = (db: Db, v: QualificationValues) => db.insertInto('qualifications').values(serialize(v)).returningAll().executeTakeFirstOrThrow();

/** Undefined when `expected` names a version the row has already left (another write came first). */
export function updateQualification(db: Db, id: string, v: Partial<QualificationValues>, expected?: ExpectedVersion): Promise<QualificationRow | undefined> {
  let query = db
    .updateTable('qualifications')
    .set({ ...serialize(v), row_version: sql`row_version + 1`, updated_at: new Date() })
    .where('id', '=', id);
  if (expected) query = query.where(sameVersion(expected));
  return query.returningAll().executeTakeFirst();
}

export const programmeLevels = (db: Db, ids: string[]) =>
  ids.length ? db.selectFrom('programmes').select(['id', 'code', 'nqf_level']).where('id', 'in', ids).execute() : Promise.resolve([]);

export function listCertificationCentres(db: Db, page: { limit: number; offset: number; sector?: string; organizationId?: string }) {
  let q = db.selectFrom('certification_centres as c').innerJoin('organizations as o', 'o.id', 'c.organization_id');
  if (page.organizationId) q = q.where('c.organization_id', '=', page.organizationId);
  if (page.sector) q = q.where('c.sector', 'ilike', `%${page.sector.replace(/[%_\\]/g, '\\$&')}%`);
  return Promise.all([
    q
      .select(['c.organization_id', 'o.name_kk', 'o.name_ru', 'o.name_en', 'o.region_code', 'c.sector', 'c.occupational_standard_ids', 'c.accredited_on', 'c.valid_until', 'c.is_synthetic', 'c.row_version', 'c.updated_at'])
      .orderBy('o.name_kk')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export type CertificationCentreValues = Omit<RegistryTables['certification_centres'], 'row_version' | 'updated_at'>;

export const upsertCertificationCentre = (db: Db, v: CertificationCentreValues) =>
  db
    .insertInto('certification_centres')
    .values(v)
    .onConflict((oc) =>
      oc.column('organization_id').doUpdateSet({
        sector: v.sector,
        occupational_standard_ids: v.occupational_standard_ids,
        accredited_on: v.accredited_on,
        valid_until: v.valid_until,
        row_version: sql`certification_centres.row_version + 1`,
        updated_at: new Date(),
      }),
    )
    .execute();

/** The centre's new version; undefined when it is not (or no longer) at a version `expected` names. */
export const updateCertificationCentre = (db: Db, v: CertificationCentreValues, expected: ExpectedVersion) =>
  db
    .updateTable('certification_centres')
    .set({
      sector: v.sector,
      occupational_standard_ids: v.occupational_standard_ids,
      accredited_on: v.accredited_on,
      valid_until: v.valid_until,
      row_version: sql`row_version + 1`,
      updated_at: new Date(),
    })
    .where('organization_id', '=', v.organization_id)
    .where(sameVersion(expected))
    .returning('row_version')
    .executeTakeFirst();

export const certificationCentreVersion = (db: Db, organizationId: string) =>
  db.selectFrom('certification_centres').select('row_version').where('organization_id', '=', organizationId).executeTakeFirst();

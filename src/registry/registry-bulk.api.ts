// The registry's read API for bulk work (imports, exports, open-data dumps): records found by their
// natural keys, and whole registers read in keyset pages (`after` = the last id of the previous
// page), so a 10,000-programme export never holds the whole register in memory. Records come
// presented exactly as the registry's own API shows them.
import type { Db } from '../platform/db/database.ts';
import type { Organization } from './organization.schema.ts';
import { presentOrganization } from './organization.service.ts';
import type { Programme } from './programme.schema.ts';
import { presentProgramme } from './programme.service.ts';
import { publicProgrammes } from './programme.repository.ts';
import type { Qualification } from './qualification.schema.ts';
import { presentQualification } from './qualification.service.ts';

export type RegisterPage = { after?: string; limit: number; synthetic?: boolean };
export type LicenceRecord = { organizationId: string; number: string; issuedOn: string; validUntil: string | null; programmeGroups: string[]; status: string };

/** An organization by its BIN or its key (whichever the value is). */
export async function organizationByIdentity(db: Db, binOrKey: string): Promise<Organization | null> {
  const row = await db
    .selectFrom('organizations')
    .selectAll()
    .where((eb) => (/^\d{12}$/.test(binOrKey) ? eb('bin', '=', binOrKey) : eb('key', '=', binOrKey)))
    .executeTakeFirst();
  return row ? presentOrganization(row) : null;
}

/** How bulk files name organizations: the BIN, else the key, else the id. */
export async function organizationIdentities(db: Db, ids: readonly string[]): Promise<Map<string, { identity: string; name: Organization['name'] }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'bin', 'key', 'name_kk', 'name_ru', 'name_en']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { identity: r.bin ?? r.key ?? r.id, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en } }]));
}

export async function programmeByNaturalKey(db: Db, organizationId: string, code: string, edition: number): Promise<Programme | null> {
  const row = await db
    .selectFrom('programmes')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('code', '=', code)
    .where('edition', '=', edition)
    .executeTakeFirst();
  return row ? presentProgramme(row) : null;
}

/** The key `programmesByNaturalKeys` files a programme under. */
export const programmeNaturalKey = (p: { organizationId: string; code: string; edition: number }) => `${p.organizationId}|${p.code}|${p.edition}`;

/** Many programmes by their natural keys in one query (a chunk of an import), keyed by `programmeNaturalKey`. */
export async function programmesByNaturalKeys(db: Db, keys: readonly { organizationId: string; code: string; edition: number }[]): Promise<Map<string, Programme>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('programmes')
    .selectAll()
    .where((eb) =>
      eb(
        eb.refTuple('organization_id', 'code', 'edition'),
        'in',
        keys.map((k) => eb.tuple(k.organizationId, k.code, k.edition)),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [programmeNaturalKey({ organizationId: r.organization_id, code: r.code, edition: r.edition }), presentProgramme(r)]));
}

export async function qualificationByCode(db: Db, code: string): Promise<Qualification | null> {
  const row = await db.selectFrom('qualifications').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? presentQualification(row) : null;
}

export async function licenceByNumber(db: Db, organizationId: string, number: string): Promise<LicenceRecord | null> {
  const row = await db.selectFrom('licences').selectAll().where('organization_id', '=', organizationId).where('number', '=', number).executeTakeFirst();
  return row ? presentLicence(row) : null;
}

function presentLicence(r: { organization_id: string; number: string; issued_on: string; valid_until: string | null; programme_groups: string[]; status: string }): LicenceRecord {
  return { organizationId: r.organization_id, number: r.number, issuedOn: r.issued_on, validUntil: r.valid_until, programmeGroups: r.programme_groups, status: r.status };
}

export async function organizationsPage(db: Db, page: RegisterPage): Promise<Organization[]> {
  let q = db.selectFrom('organizations').selectAll().orderBy('id').limit(page.limit);
  if (page.after) q = q.where('id', '>', page.after);
  if (page.synthetic !== undefined) q = q.where('is_synthetic', '=', page.synthetic);
  return (await q.execute()).map(presentOrganization);
}

/** `publicOnly`: only programmes included in the register at some point (drafts are nobody's open data). */
export async function programmesPage(db: Db, page: RegisterPage & { publicOnly: boolean }): Promise<Programme[]> {
  // The public's open data holds the included version of a programme whose update is pending.
  let q = db.selectFrom(page.publicOnly ? publicProgrammes(db) : 'programmes').selectAll().orderBy('id').limit(page.limit);
  if (page.publicOnly) q = q.where('first_included_at', 'is not', null);
  if (page.after) q = q.where('id', '>', page.after);
  if (page.synthetic !== undefined) q = q.where('is_synthetic', '=', page.synthetic);
  return (await q.execute()).map(presentProgramme);
}

export async function qualificationsPage(db: Db, page: RegisterPage): Promise<Qualification[]> {
  let q = db.selectFrom('qualifications').selectAll().orderBy('id').limit(page.limit);
  if (page.after) q = q.where('id', '>', page.after);
  if (page.synthetic !== undefined) q = q.where('is_synthetic', '=', page.synthetic);
  return (await q.execute()).map(presentQualification);
}

/** Licences in pages keyed by their id; each names its organization. */
export async function licencesPage(db: Db, page: RegisterPage): Promise<(LicenceRecord & { id: string })[]> {
  let q = db.selectFrom('licences').selectAll().orderBy('id').limit(page.limit);
  if (page.after) q = q.where('id', '>', page.after);
  if (page.synthetic !== undefined) {
    const synthetic = page.synthetic;
    q = q.where('organization_id', 'in', (eb) => eb.selectFrom('organizations').select('id').where('is_synthetic', '=', synthetic));
  }
  return (await q.execute()).map((r) => ({ id: r.id, ...presentLicence(r) }));
}

export type CertificationCentreRecord = {
  /** The centre is its organization's registration: its id is the organization's. */
  id: string;
  organizationId: string;
  sector: string;
  occupationalStandardIds: string[];
  accreditedOn: string | null;
  validUntil: string | null;
};

function presentCentre(r: { organization_id: string; sector: string; occupational_standard_ids: string[]; accredited_on: string | null; valid_until: string | null }): CertificationCentreRecord {
  return {
    id: r.organization_id,
    organizationId: r.organization_id,
    sector: r.sector,
    occupationalStandardIds: r.occupational_standard_ids,
    accreditedOn: r.accredited_on,
    validUntil: r.valid_until,
  };
}

export async function certificationCentreByOrganization(db: Db, organizationId: string): Promise<CertificationCentreRecord | null> {
  const row = await db.selectFrom('certification_centres').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  return row ? presentCentre(row) : null;
}

/** Certification centres in pages keyed by their organization's id. */
export async function certificationCentresPage(db: Db, page: RegisterPage): Promise<CertificationCentreRecord[]> {
  let q = db.selectFrom('certification_centres').selectAll().orderBy('organization_id').limit(page.limit);
  if (page.after) q = q.where('organization_id', '>', page.after);
  if (page.synthetic !== undefined) q = q.where('is_synthetic', '=', page.synthetic);
  return (await q.execute()).map(presentCentre);
}

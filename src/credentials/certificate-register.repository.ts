// SQL of the certificates database; the issuing organization's names come through the registry's API.
import type { Insertable } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { organizationsByIds } from '../registry/registry.api.ts';
import type { CredentialProductTables } from './credential-products.table.ts';

const COLUMNS = [
  'c.id',
  'c.organization_id',
  'c.number',
  'c.holder_name',
  'c.title',
  'c.programme_id',
  'c.qualification_id',
  'c.occupational_standard_id',
  'c.issued_on',
  'c.valid_until',
  'c.status',
  'c.status_reason',
  'c.is_synthetic',
] as const;

const base = (db: Db) => db.selectFrom('certificates as c').select(COLUMNS);

type CertificatePart = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

async function withOrganizations(db: Db, rows: CertificatePart[]) {
  const orgs = new Map(
    (
      await organizationsByIds(
        db,
        rows.map((r) => r.organization_id),
      )
    ).map((o) => [o.id, o]),
  );
  // As the inner join this replaced: a certificate whose organization is gone is left out.
  return rows.flatMap((r) => {
    const o = orgs.get(r.organization_id);
    return o ? [{ ...r, org_kk: o.name_kk, org_ru: o.name_ru, org_en: o.name_en }] : [];
  });
}

export type CertificateRow = Awaited<ReturnType<typeof withOrganizations>>[number];

export const findCertificate = async (db: Db, id: string): Promise<CertificateRow | undefined> =>
  (await withOrganizations(db, await base(db).where('c.id', '=', id).execute()))[0];

export const findByNumber = async (db: Db, organizationId: string, number: string): Promise<CertificateRow | undefined> =>
  (await withOrganizations(db, await base(db).where('c.organization_id', '=', organizationId).where('c.number', '=', number.trim()).execute()))[0];

/** Organizations that have registered at least one certificate. */
export async function issuingOrganizationIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('certificates').select('organization_id').distinct().execute()).map((r) => r.organization_id);
}

export async function listByOrganization(db: Db, organizationId: string, limit: number, offset: number) {
  const q = db.selectFrom('certificates').where('organization_id', '=', organizationId);
  const [items, count] = await Promise.all([
    base(db).where('c.organization_id', '=', organizationId).orderBy('c.issued_on', 'desc').orderBy('c.number').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withOrganizations(db, items), total: Number(count.n) };
}

/** A new certificate as the register records it; status, history and timestamps take their defaults. */
export type NewCertificate = Pick<
  Insertable<CredentialProductTables['certificates']>,
  | 'organization_id'
  | 'number'
  | 'holder_name'
  | 'title'
  | 'programme_id'
  | 'qualification_id'
  | 'occupational_standard_id'
  | 'issued_on'
  | 'valid_until'
  | 'is_synthetic'
>;

export async function insertCertificate(db: Db, v: NewCertificate): Promise<string> {
  const row = await db.insertInto('certificates').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const setStatus = (db: Db, id: string, status: string, reason: string | null) =>
  db
    .updateTable('certificates')
    .set((eb) => ({ status, status_reason: reason, row_version: eb('row_version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();

// SQL of the certificates database.
import type { Db } from '../platform/db/database.ts';

const COLUMNS = [
  'c.id',
  'c.organization_id',
  'o.name_kk as org_kk',
  'o.name_ru as org_ru',
  'o.name_en as org_en',
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

const base = (db: Db) => db.selectFrom('certificates as c').innerJoin('organizations as o', 'o.id', 'c.organization_id').select(COLUMNS);

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

export const findCertificate = (db: Db, id: string) => base(db).where('c.id', '=', id).executeTakeFirst();

export const findByNumber = (db: Db, organizationId: string, number: string) =>
  base(db).where('c.organization_id', '=', organizationId).where('c.number', '=', number.trim()).executeTakeFirst();

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
  return { items, total: Number(count.n) };
}

export async function insertCertificate(
  db: Db,
  v: {
    organization_id: string;
    number: string;
    holder_name: string;
    title: string;
    programme_id: string | null;
    qualification_id: string | null;
    occupational_standard_id: string | null;
    issued_on: string;
    valid_until: string | null;
    is_synthetic?: boolean;
  },
): Promise<string> {
  const row = await db.insertInto('certificates').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const setStatus = (db: Db, id: string, status: string, reason: string | null) =>
  db
    .updateTable('certificates')
    .set((eb) => ({ status, status_reason: reason, row_version: eb('row_version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();

// SQL of the public counts of what was issued against a record: credentials (through their
// specification's programme) and certificates of the certificate register.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

export type IssuedAgainst = { organizationId?: string; programmeId?: string; qualificationId?: string };

/** Counts of what was issued against the record, up to and including `asOf` (a day in Almaty) when given. */
export async function issuedCounts(db: Db, against: IssuedAgainst, asOf?: string): Promise<{ credentials: number; certificates: number }> {
  let credentials = db.selectFrom('credentials as c').select(sql<number>`count(*)::int`.as('n'));
  if (asOf) credentials = credentials.where(sql<string>`(c.issued_at at time zone 'Asia/Almaty')::date`, '<=', asOf);
  if (against.organizationId) credentials = credentials.where('c.organization_id', '=', against.organizationId);
  if (against.programmeId) {
    const programmeId = against.programmeId;
    credentials = credentials.where('c.specification_id', 'in', (eb) => eb.selectFrom('credential_specifications').select('id').where('programme_id', '=', programmeId));
  }
  let certificates = db.selectFrom('certificates').select(sql<number>`count(*)::int`.as('n'));
  if (asOf) certificates = certificates.where('issued_on', '<=', asOf);
  if (against.organizationId) certificates = certificates.where('organization_id', '=', against.organizationId);
  if (against.programmeId) certificates = certificates.where('programme_id', '=', against.programmeId);
  if (against.qualificationId) certificates = certificates.where('qualification_id', '=', against.qualificationId);
  // One round trip for both counts: on a public record page each query costs more than its plan.
  const row = await db
    .selectNoFrom([
      (against.qualificationId ? sql<number>`0` : credentials).as('credentials'),
      certificates.as('certificates'),
    ])
    .executeTakeFirstOrThrow();
  return { credentials: Number(row.credentials), certificates: Number(row.certificates) };
}

// Credentials' read API for national indicators (src/indicators): credentials issued, counted in
// SQL by their specification's field and NQF level and by year (there may be millions of them).
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

export type IssuedCell = { fieldCode: string | null; nqfLevel: number | null; year: number; isSynthetic: boolean; count: number };

/** Credentials issued (any status: a revoked one was still issued), by field, level and year. */
export async function credentialsIssuedCells(db: Db): Promise<IssuedCell[]> {
  const rows = await db
    .selectFrom('credentials as c')
    .leftJoin('credential_specifications as s', 's.id', 'c.specification_id')
    .select([
      's.field_code',
      's.nqf_level',
      sql<number>`extract(year from c.issued_at)::int`.as('year'),
      'c.is_synthetic',
      sql<number>`count(*)::int`.as('n'),
    ])
    .groupBy(['s.field_code', 's.nqf_level', sql`extract(year from c.issued_at)`, 'c.is_synthetic'])
    .execute();
  return rows.map((r) => ({ fieldCode: r.field_code, nqfLevel: r.nqf_level, year: Number(r.year), isSynthetic: !!r.is_synthetic, count: Number(r.n) }));
}

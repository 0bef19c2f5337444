// SQL of decisions exchanged with other registers (DEQAR): the public decisions to export, and
// those imported before, found by the body and the report's identifier in the other register.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

const EXCHANGE_COLUMNS = [
  'id',
  'case_id',
  'body_id',
  'organization_id',
  'kind',
  'outcome',
  'status',
  'decided_on',
  'valid_from',
  'valid_to',
  'certificate_number',
  'summary',
  'is_synthetic',
] as const;

/** Public decisions (approved, whatever their outcome) by id or of a body, oldest first. */
export function publicDecisions(db: Db, filter: { ids?: readonly string[]; bodyId?: string }) {
  let q = db.selectFrom('accreditation_decisions').select(EXCHANGE_COLUMNS).where('status', '<>', 'pending-approval');
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? [...filter.ids] : ['00000000-0000-0000-0000-000000000000']);
  if (filter.bodyId) q = q.where('body_id', '=', filter.bodyId);
  return q.orderBy('decided_on').orderBy('id').execute();
}

/** The decision imported earlier from the body's report with this identifier in the other register. */
export function importedDecision(db: Db, bodyId: string, register: string, reportIdentifier: string) {
  return db
    .selectFrom('accreditation_decisions')
    .select(EXCHANGE_COLUMNS)
    .where('body_id', '=', bodyId)
    .where(sql<string>`summary->'imported'->>'register'`, '=', register)
    .where(sql<string>`summary->'imported'->>'identifier'`, '=', reportIdentifier)
    .executeTakeFirst();
}

/** Ids of public decisions in id order after `after`, one page (for exports of the decisions register). */
export async function publicDecisionIdsPage(db: Db, page: { after?: string; limit: number; synthetic?: boolean }): Promise<string[]> {
  let q = db.selectFrom('accreditation_decisions').select('id').where('status', '<>', 'pending-approval');
  if (page.after) q = q.where('id', '>', page.after);
  if (page.synthetic !== undefined) q = q.where('is_synthetic', '=', page.synthetic);
  return (await q.orderBy('id').limit(page.limit).execute()).map((r) => r.id);
}

// The read API of oversight: what other modules may ask about internal QA (through the root's
// wiring for modules below it, e.g. accreditation's decision rule).
// - internalQaStatusOn(db, organizationId, day): the latest accepted self-assessment on or before
//   the day, as "working or not, accepted on", or null when none was accepted
import type { Db } from '../platform/db/database.ts';
import { latestAcceptedOn } from './internal-qa.repository.ts';

export async function internalQaStatusOn(db: Db, organizationId: string, day: string): Promise<{ working: boolean; acceptedOn: string; assessmentId: string } | null> {
  const row = await latestAcceptedOn(db, organizationId, day);
  if (!row?.reviewed_on || row.working === null) return null;
  return { working: row.working, acceptedOn: row.reviewed_on, assessmentId: row.id };
}

// The read API of oversight: what other modules may ask about internal QA (through the root's
// wiring for modules below it, e.g. accreditation's decision rule).
// - internalQaStatusOn(db, organizationId, day): the latest accepted self-assessment on or before
//   the day ("working or not, accepted on"); before the Guidelines' standards of the organization's
//   level were in force, "before the Guidelines"; otherwise null (nothing accepted: not working)
// - sendStateControlReminders(ctx, today): the state control calendar's reminders, which the root
//   hands to accreditation's daily reminder job
import { type InternalQaFact, ministrySetInForce } from '../accreditation/accreditation.api.ts';
import type { Db } from '../platform/db/database.ts';
import { organizationById } from '../registry/registry.api.ts';
import { latestAcceptedOn } from './internal-qa.repository.ts';
import { guidelinesSetKey, levelOfOrganizationKind } from './internal-qa.rules.ts';

export { sendStateControlReminders } from './state-control.service.ts';

export async function internalQaStatusOn(db: Db, organizationId: string, day: string): Promise<InternalQaFact | null> {
  const row = await latestAcceptedOn(db, organizationId, day);
  if (row?.reviewed_on && row.working !== null) return { basis: 'self-assessment', working: row.working, acceptedOn: row.reviewed_on, assessmentId: row.id };
  const org = await organizationById(db, organizationId);
  const level = org ? levelOfOrganizationKind(org.kind) : null;
  if (level && !(await ministrySetInForce(db, guidelinesSetKey(level), day))) return { basis: 'before-guidelines', working: true, acceptedOn: null, assessmentId: null };
  return null;
}

// The read API of oversight: what other modules may ask about internal QA (through the root's
// wiring for modules below it, e.g. accreditation's decision rule).
// - internalQaStatusOn(db, organizationId, day): the latest accepted self-assessment on or before
//   the day ("working or not, accepted on"); before the Guidelines' standards of the organization's
//   level were in force, "before the Guidelines"; otherwise null (nothing accepted: not working)
// - activeQaFailureOf(db, organizationId): what the public may know of an active QA-system failure
//   (decision 153): the fact, its date, level and the kind of declarant, and the plan's measures by
//   kind with their deadlines; never the grounds, owners, reports or risk score. Null when none.
// - sendStateControlReminders(ctx, today): the state control calendar's reminders, which the root
//   hands to accreditation's daily reminder job
import { type InternalQaFact, ministrySetInForce } from '../accreditation/accreditation.api.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { organizationById } from '../registry/registry.api.ts';
import { latestAcceptedOn } from './internal-qa.repository.ts';
import { activeFailureOf, measuresOf } from './qa-failure.repository.ts';
import { type FAILURE_LEVELS, type MeasureKind, planDeadline } from './qa-failure.rules.ts';
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

export type PublicQaFailure = {
  declaredOn: string;
  level: (typeof FAILURE_LEVELS)[number];
  declarant: 'authority' | 'organization' | 'founders';
  planDeadline: string | null;
  measures: { kind: MeasureKind; dueOn: string }[];
};

export async function activeQaFailureOf(db: Db, organizationId: string): Promise<PublicQaFailure | null> {
  const row = await activeFailureOf(db, organizationId);
  if (!row) return null;
  const measures = (await measuresOf(db, [row.id])).filter((m) => m.status !== 'dropped');
  return {
    declaredOn: row.declared_on,
    level: row.level as PublicQaFailure['level'],
    declarant: row.declarant as PublicQaFailure['declarant'],
    planDeadline: planDeadline(measures.map((m) => ({ dueOn: m.due_on, status: m.status }))),
    measures: measures.map((m) => ({ kind: m.kind as MeasureKind, dueOn: m.due_on })),
  };
}

/** The same, for pages (which call view functions with their context, never the database handle). */
export const publicQaFailure = (ctx: Ctx, organizationId: string): Promise<PublicQaFailure | null> => activeQaFailureOf(ctx.db, organizationId);

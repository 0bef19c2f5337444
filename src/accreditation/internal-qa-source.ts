// "No positive decision without a working internal QA system" (decision-rule.ts) reads its fact from
// oversight, which holds the organizations' accepted self-assessments. Oversight sits above
// accreditation and may not be imported here, so the root hands its read over once per process
// (src/wiring.ts). Until then no organization has a working system on record: a positive decision
// is never granted on a fact nobody established.
import type { Db } from '../platform/db/database.ts';

/**
 * The organization's internal QA system on a day: as its self-assessment last accepted on or before
 * the day says, or, before the Guidelines' standards of its level were in force, taken as the body
 * found it then (Sapa holds no record of those findings; the decisions of that time stand).
 */
export type InternalQaFact =
  | { basis: 'self-assessment'; working: boolean; acceptedOn: string; assessmentId: string }
  | { basis: 'before-guidelines'; working: true; acceptedOn: null; assessmentId: null };
export type InternalQaSource = (db: Db, organizationId: string, day: string) => Promise<InternalQaFact | null>;

let source: InternalQaSource = async () => null;

export function useInternalQaSource(s: InternalQaSource): void {
  source = s;
}

export const internalQaOn = (db: Db, organizationId: string, day: string): Promise<InternalQaFact | null> => source(db, organizationId, day);

// The state control calendar (seed 002): when each kind of state control of an organization is due,
// computed from its last result. Periods are configuration; these are the seed's defaults. Pure.
// - TVET state attestation through preventive control, once every five years (L1963-1981);
// - preschool state certification without a visit, after the organization's self-assessment (L822-840);
// - school achievement monitoring (MODO) every year in April, grades 4 and 9 (L1361-1376);
// - preventive control of other organizations: not periodic in the seed; due on the day the
//   authority planned it when it recorded the last result (decision 155).
import { addDays, addMonths, dueAfter } from '../platform/calendar/calendar.ts';

export const STATE_CONTROL_KINDS = ['preventive-control', 'tvet-attestation', 'preschool-certification', 'school-monitoring'] as const;
export type StateControlKind = (typeof STATE_CONTROL_KINDS)[number];

/** What a control found: compliant, compliant with remarks to remedy, or not compliant. */
export const STATE_CONTROL_OUTCOMES = ['compliant', 'remarks', 'non-compliant'] as const;
export type StateControlOutcome = (typeof STATE_CONTROL_OUTCOMES)[number];

export type StateControlPeriods = {
  /** Years between two TVET state attestations. */
  tvetAttestationYears: number;
  /** The month (1-12) of the yearly school achievement monitoring. */
  schoolMonitoringMonth: number;
  /** Months the certification follows the accepted self-assessment within. */
  preschoolCertificationMonthsAfterSelfAssessment: number;
};

export const DEFAULT_PERIODS: StateControlPeriods = {
  tvetAttestationYears: 5,
  schoolMonitoringMonth: 4,
  preschoolCertificationMonthsAfterSelfAssessment: 3,
};

export type ControlFacts = {
  /** The day of the last result of this kind, if any. */
  lastOn: string | null;
  /** Preschool: the day its self-assessment for the certification was accepted, if any. */
  selfAssessmentAcceptedOn?: string | null;
  /** When the organization started (licensed): the first attestation is counted from it. */
  startedOn?: string | null;
  /** Preventive control: the day the authority planned the next one when recording the last. */
  plannedOn?: string | null;
};

export type Due =
  | { kind: StateControlKind; dueOn: string; basis: 'last-result' | 'start' | 'self-assessment' | 'yearly' | 'planned' }
  | { kind: StateControlKind; dueOn: null; basis: 'awaiting-self-assessment' | 'unknown-start' | 'not-planned' };

/** The next due date of a kind of control on a day `today`, from the facts. */
export function nextDue(kind: StateControlKind, facts: ControlFacts, today: string, periods: StateControlPeriods = DEFAULT_PERIODS): Due {
  if (kind === 'preventive-control') {
    // A plan made before the last result was served by it; only a plan after it is due.
    const planned = facts.plannedOn;
    if (!planned || (facts.lastOn && planned <= facts.lastOn)) return { kind, dueOn: null, basis: 'not-planned' };
    return { kind, dueOn: planned, basis: 'planned' };
  }
  if (kind === 'tvet-attestation') {
    // A legal term in months: a due day on a weekend or holiday moves to the next working day (platform/calendar).
    const term = { unit: 'months', amount: 12 * periods.tvetAttestationYears } as const;
    if (facts.lastOn) return { kind, dueOn: dueAfter(facts.lastOn, term), basis: 'last-result' };
    if (facts.startedOn) return { kind, dueOn: dueAfter(facts.startedOn, term), basis: 'start' };
    return { kind, dueOn: null, basis: 'unknown-start' };
  }
  if (kind === 'preschool-certification') {
    // Certification follows a self-assessment; one accepted after the last certification starts the clock.
    const sa = facts.selfAssessmentAcceptedOn;
    if (!sa || (facts.lastOn && sa <= facts.lastOn)) return { kind, dueOn: null, basis: 'awaiting-self-assessment' };
    return { kind, dueOn: dueAfter(sa, { unit: 'months', amount: periods.preschoolCertificationMonthsAfterSelfAssessment }), basis: 'self-assessment' };
  }
  // School monitoring: the first day of the monitoring month of this year, or next year's once this year's was held or the month is over.
  const year = Number(today.slice(0, 4));
  const month = String(periods.schoolMonitoringMonth).padStart(2, '0');
  const thisYear = `${year}-${month}-01`;
  const heldThisYear = facts.lastOn !== null && facts.lastOn.slice(0, 4) === String(year) && facts.lastOn >= thisYear;
  const monthOver = today > addMonths(thisYear, 1);
  return { kind, dueOn: heldThisYear || monthOver ? `${year + 1}-${month}-01` : thisYear, basis: 'yearly' };
}

/** Overdue: the due day has passed without a result on or after it. */
export function isOverdue(due: Due, today: string): boolean {
  return due.dueOn !== null && due.dueOn < today;
}

export type DueStatus = 'overdue' | 'due-soon' | 'upcoming' | 'not-due';

/** Days from today to the due day (negative: days overdue); null without a due day. */
export function daysLeft(due: Due, today: string): number | null {
  if (due.dueOn === null) return null;
  return Math.round((Date.parse(`${due.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Where a due day stands: overdue, within the reminder window (calendar days), later, or none. */
export function dueStatus(due: Due, today: string, remindWithinDays: number): DueStatus {
  if (due.dueOn === null) return 'not-due';
  if (isOverdue(due, today)) return 'overdue';
  return due.dueOn <= addDays(today, remindWithinDays) ? 'due-soon' : 'upcoming';
}

/** The education level a control belongs to; preventive control is the organization's own level. */
export function levelOfControl(kind: StateControlKind, organizationLevel: string | null): string | null {
  if (kind === 'tvet-attestation') return 'tvet';
  if (kind === 'preschool-certification') return 'preschool';
  if (kind === 'school-monitoring') return 'secondary';
  return organizationLevel;
}

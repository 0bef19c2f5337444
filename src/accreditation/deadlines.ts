// The deadline of each step of a case (PRODUCT §3.3, digest 004 §4.4), counted on Kazakhstan's
// working-day calendar. Pure: the case service stores what these functions compute.
import { type Period, dueAfter, todayInAlmaty, workingDaysBetween } from '../platform/calendar/calendar.ts';
import { ConfigError } from '../config.ts';
import { settings } from '../platform/settings.ts';
import type { CaseAction } from './case-states.ts';

export type DeadlineStep = {
  period: Period;
  /** The action that starts the clock (its date is the start). */
  startsOn: readonly CaseAction[];
  /** The actions that meet the deadline. */
  metBy: readonly CaseAction[];
  source: string;
};

/**
 * Defaults: the upper bound of each range the seed gives (SAR 2–3 months → 3; draft report 2–3
 * weeks → 3; council 1–2 months → 2). ACCREDITATION_DEADLINES overrides any of them (see periodOf).
 */
export const DEADLINE_DEFAULTS = {
  contract: { period: { unit: 'months', amount: 1 }, startsOn: ['start-contracting'], metBy: ['sign-contract'], source: 'seed 004 L1541–1542' },
  sar: { period: { unit: 'months', amount: 3 }, startsOn: ['start-sar'], metBy: ['submit-sar'], source: 'seed 004 L1554–1557' },
  'sar-review': {
    period: { unit: 'months', amount: 2 },
    startsOn: ['start-sar-review'],
    metBy: ['accept-sar', 'request-sar-revision', 'terminate-noncompliant'],
    source: 'seed 004 L1585–1590',
  },
  'sar-revision': { period: { unit: 'months', amount: 1 }, startsOn: ['request-sar-revision'], metBy: ['submit-sar'], source: 'seed 004 L1592–1595' },
  'draft-report': { period: { unit: 'weeks', amount: 3 }, startsOn: ['complete-visit'], metBy: ['submit-draft-report'], source: 'seed 004 L1601–1606' },
  'factual-comments': { period: { unit: 'weeks', amount: 2 }, startsOn: ['send-for-factual-check'], metBy: ['finalise-report'], source: 'seed 004 L1608–1611' },
  council: { period: { unit: 'months', amount: 2 }, startsOn: ['finalise-report'], metBy: ['decide'], source: 'seed 004 L1613–1618' },
} as const satisfies Record<string, DeadlineStep>;
export type DeadlineStepName = keyof typeof DEADLINE_DEFAULTS;

/** Publication deadlines after the decision (the decision service writes them when publishing, with `dueAfter`). */
export const PUBLICATION_DEADLINES = {
  'publication-ueis': { unit: 'working-days', amount: 3 },
  'publication-ministry': { unit: 'working-days', amount: 10 },
  'publication-website': { unit: 'working-days', amount: 30 },
} as const satisfies Record<string, Period>;
export type PublicationStep = keyof typeof PUBLICATION_DEADLINES;

/** A step's period: the configured override (ACCREDITATION_DEADLINES) or the default. */
export function periodOf(step: DeadlineStepName | PublicationStep, overrides: Readonly<Record<string, Period>> = settings().ACCREDITATION_DEADLINES): Period {
  return overrides[step] ?? (step in PUBLICATION_DEADLINES ? PUBLICATION_DEADLINES[step as PublicationStep] : DEADLINE_DEFAULTS[step as DeadlineStepName].period);
}

/** Refuses overrides naming no step, so a typo in ACCREDITATION_DEADLINES fails at start, not silently. */
export function assertDeadlineOverrides(overrides: Readonly<Record<string, Period>>): void {
  const known = [...Object.keys(DEADLINE_DEFAULTS), ...Object.keys(PUBLICATION_DEADLINES)];
  const unknown = Object.keys(overrides).filter((step) => !known.includes(step));
  if (unknown.length) throw new ConfigError(`Invalid configuration:\n  ACCREDITATION_DEADLINES: unknown step(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
}

/** The site visit lasts at least this many calendar days (seed 004 L1597, L1895–1897). */
export const VISIT_MIN_DAYS = 2;

/** Days a reminder is sent before a deadline (working days). */
export const REMIND_WITHIN_WORKING_DAYS = 5;

export type DeadlineChange = { start: { step: DeadlineStepName; startsOn: string; dueOn: string }[]; meet: DeadlineStepName[] };

/** Which deadlines an action starts and which it meets, on the day it happens. */
export function deadlineChanges(action: CaseAction, on: string, overrides?: Readonly<Record<string, Period>>): DeadlineChange {
  const out: DeadlineChange = { start: [], meet: [] };
  for (const [step, def] of Object.entries(DEADLINE_DEFAULTS) as [DeadlineStepName, DeadlineStep][]) {
    if (def.metBy.includes(action)) out.meet.push(step);
    if (def.startsOn.includes(action)) out.start.push({ step, startsOn: on, dueOn: dueAfter(on, periodOf(step, overrides)) });
  }
  return out;
}

export type DeadlineView = { step: string; startsOn: string; dueOn: string; met: boolean; overdue: boolean; workingDaysLeft: number | null };

/** A deadline as shown on the case: overdue when not met and its day has passed in Almaty. */
export function presentDeadline(d: { step: string; starts_on: string; due_on: string; met_at: Date | null }, today = todayInAlmaty()): DeadlineView {
  const met = d.met_at !== null;
  return {
    step: d.step,
    startsOn: d.starts_on,
    dueOn: d.due_on,
    met,
    overdue: !met && today > d.due_on,
    workingDaysLeft: met ? null : workingDaysBetween(today, d.due_on),
  };
}

/** Whether an open deadline deserves a reminder today: due within the window or already overdue. */
export function needsReminder(dueOn: string, today: string, within = REMIND_WITHIN_WORKING_DAYS): boolean {
  return workingDaysBetween(today, dueOn) <= within;
}

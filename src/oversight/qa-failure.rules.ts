// Who may declare a QA-system failure ("bankruptcy" in the seed's machine translation) and for
// which levels. Seed 002 gives the declaration only for secondary (L1459-1487), TVET (L2027-2055)
// and higher education (L2626-2656): the authority on a high risk found by its risk assessment, or
// the organization and/or its founders themselves, asking for help to recover. Pure.
import type { QaLevel } from './internal-qa.rules.ts';

export const FAILURE_LEVELS = ['secondary', 'tvet', 'higher'] as const satisfies readonly QaLevel[];

/** Where the seed says so, per level (for pages and the API to cite). */
export const FAILURE_SOURCES: Record<(typeof FAILURE_LEVELS)[number], { document: string; lines: string }> = {
  secondary: { document: '002_7f880bfa253cfac4.txt', lines: 'L1475-1487' },
  tvet: { document: '002_7f880bfa253cfac4.txt', lines: 'L2043-2055' },
  higher: { document: '002_7f880bfa253cfac4.txt', lines: 'L2644-2656' },
};

export type FailureDeclarant = 'authority' | 'organization' | 'founders';

export type FailureRefusal = 'level-without-failure' | 'authority-needs-high-risk';

/**
 * Whether a failure may be declared: only for the three levels, and by the authority only when its
 * risk assessment found a high risk; the organization or its founders may declare it themselves.
 */
export function failureDeclarationRefusal(level: QaLevel, by: FailureDeclarant, riskIsHigh: boolean): FailureRefusal | null {
  if (!(FAILURE_LEVELS as readonly string[]).includes(level)) return 'level-without-failure';
  if (by === 'authority' && !riskIsHigh) return 'authority-needs-high-risk';
  return null;
}

export const mayDeclareFailure = (level: QaLevel): boolean => (FAILURE_LEVELS as readonly string[]).includes(level);

/** The recovery measures the seed names: risk management and assistance (financial, advisory, regulatory). */
export const MEASURE_KINDS = ['risk-management', 'financial', 'advisory', 'regulatory'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const FAILURE_STATES = ['active', 'recovered', 'closed'] as const;
export type FailureState = (typeof FAILURE_STATES)[number];
export const CLOSING_OUTCOMES = ['recovered', 'closed'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

export type Measure = { kind: MeasureKind; description: string; owner: string; dueOn: string; status: MeasureStatus };
export type FailureIssue = { path: string; code: 'due-before-declaration' | 'measures-open' | 'no-measures' | 'reason-required' };

/** A plan's measures: each deadline on or after the declaration (a plan cannot be due before the failure). */
export function planIssues(declaredOn: string, measures: readonly Measure[]): FailureIssue[] {
  return measures.flatMap((m, i) => (m.dueOn < declaredOn ? [{ path: `measures.${i}.dueOn`, code: 'due-before-declaration' as const }] : []));
}

/**
 * Whether the failure may be closed so: "recovered" only once the plan had measures and none is
 * still planned or in progress; "closed" otherwise (the organization closed, the declaration
 * withdrawn) only with the reason written down.
 */
export function closingIssues(outcome: ClosingOutcome, reason: string | null | undefined, measures: readonly Pick<Measure, 'status'>[]): FailureIssue[] {
  if (outcome === 'closed') return reason?.trim() ? [] : [{ path: 'reason', code: 'reason-required' }];
  if (!measures.length) return [{ path: 'outcome', code: 'no-measures' }];
  return measures.some((m) => m.status === 'planned' || m.status === 'in-progress') ? [{ path: 'outcome', code: 'measures-open' }] : [];
}

/** The plan's last deadline: what the public page says recovery is planned by. */
export const planDeadline = (measures: readonly { dueOn: string; status: string }[]): string | null =>
  measures.filter((m) => m.status !== 'dropped').reduce<string | null>((last, m) => (last === null || m.dueOn > last ? m.dueOn : last), null);

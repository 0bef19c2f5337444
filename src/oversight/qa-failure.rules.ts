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

// The default decision rule of PRODUCT §3.3 (digest 004 §4.3): from the panel's grade per standard
// and the case's facts to a proposed outcome and term. Pure; the council may depart from the
// grade-based proposal with a recorded reason, but never beyond the hard limits (`councilLimits`).
import type { StandardGrade } from './report.schema.ts';

export const STANDARD_GRADES = ['compliant', 'with-recommendations', 'with-remarks', 'non-compliant'] as const;
export const TERMS = [1, 3, 5, 7] as const;
export type Term = (typeof TERMS)[number];
export type Outcome = 'accredited' | 'refused';

export type DecisionFacts = {
  grades: readonly StandardGrade[];
  kind: 'institutional' | 'programme' | string;
  hasStudents: boolean;
  hasGraduates: boolean;
  internalQaWorking: boolean;
  /** The previous accreditation by the same body was for 5 years. */
  reaccreditationAfterFiveYears: boolean;
};

/** Why the proposal is what it is, as stable codes (shown translated on the decision page). */
export type ProposalReason =
  | 'no-grades'
  | 'non-compliant-standard'
  | 'no-internal-qa'
  | 'standard-with-remarks'
  | 'standard-with-recommendations'
  | 'all-compliant'
  | 'reaccreditation-after-five-years'
  | 'no-students'
  | 'no-graduates';

export type Proposal = { outcome: Outcome; termYears: Term | null; reasons: ProposalReason[] };

/** The longest term the facts allow whatever the grades (null: no positive decision at all). */
export function maximumTerm(f: Omit<DecisionFacts, 'grades'>): Term | null {
  if (!f.internalQaWorking) return null;
  if (f.kind === 'programme' && !f.hasStudents) return 1;
  if (f.kind === 'programme' && !f.hasGraduates) return 3;
  return f.reaccreditationAfterFiveYears ? 7 : 5;
}

export function proposeDecision(f: DecisionFacts): Proposal {
  const refused = (reasons: ProposalReason[]): Proposal => ({ outcome: 'refused', termYears: null, reasons });
  // Without grades there is no basis for a positive proposal; a council granting one departs from it.
  if (f.grades.length === 0) return refused(['no-grades']);
  const blockers: ProposalReason[] = [];
  if (f.grades.includes('non-compliant')) blockers.push('non-compliant-standard');
  if (!f.internalQaWorking) blockers.push('no-internal-qa');
  if (blockers.length) return refused(blockers);

  const reasons: ProposalReason[] = [];
  let term: Term;
  if (f.grades.includes('with-remarks')) {
    term = 1;
    reasons.push('standard-with-remarks');
  } else if (f.grades.includes('with-recommendations')) {
    term = 3;
    reasons.push('standard-with-recommendations');
  } else {
    reasons.push('all-compliant');
    term = 5;
    if (f.reaccreditationAfterFiveYears) {
      term = 7;
      reasons.push('reaccreditation-after-five-years');
    }
  }
  if (f.kind === 'programme' && !f.hasStudents && term > 1) {
    term = 1;
    reasons.push('no-students');
  } else if (f.kind === 'programme' && !f.hasGraduates && term > 3) {
    term = 3;
    reasons.push('no-graduates');
  }
  return { outcome: 'accredited', termYears: term, reasons };
}

/** A council decision that breaks a hard rule, as issue codes; empty when it is lawful. */
export type CouncilIssue = 'term-required' | 'term-not-allowed' | 'term-invalid' | 'no-internal-qa' | 'term-above-limit';

export function councilLimits(f: Omit<DecisionFacts, 'grades'>, outcome: Outcome, termYears: number | null): CouncilIssue[] {
  if (outcome === 'refused') return termYears === null ? [] : ['term-not-allowed'];
  if (termYears === null) return ['term-required'];
  if (!(TERMS as readonly number[]).includes(termYears)) return ['term-invalid'];
  if (!f.internalQaWorking) return ['no-internal-qa'];
  const max = maximumTerm(f);
  return max !== null && termYears > max ? ['term-above-limit'] : [];
}

/** Whether the council's decision differs from the proposal (then a reason must be recorded). */
export function departsFrom(p: Proposal, outcome: Outcome, termYears: number | null): boolean {
  return p.outcome !== outcome || (outcome === 'accredited' && p.termYears !== termYears);
}

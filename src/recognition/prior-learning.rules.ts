// The rules of recognising prior and non-formal learning (Order No. 508 of 28 September 2018), in
// the EU's four stages: identification (the learner names what they claim) → documentation (their
// evidence) → assessment (the organization judges each claimed outcome or labour function) →
// certification (credits or a qualification, issued as a credential). Pure.

export const STAGES = ['identification', 'documentation', 'assessment', 'certified', 'refused'] as const;
export type Stage = (typeof STAGES)[number];
export const EVIDENCE_KINDS = ['credential', 'certificate', 'work-experience'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const OUTCOME_KINDS = ['credits', 'qualification'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export type Result = { code: string; met: boolean; note: string };
export type AssessmentIssue = { path: string; code: 'unknown-code' | 'unjudged' | 'nothing-met' | 'credits-required' | 'qualification-needs-all' | 'title-required' | 'reason-required' };

/** The codes a learner may claim that are not in the target (a programme's outcomes or a standard's labour functions). */
export const unknownClaims = (claimed: readonly string[], known: readonly string[]): string[] => claimed.filter((c) => !known.includes(c));

/** The learner moves from identification to documentation with a claim, and to assessment with at least one piece of evidence. */
export function nextStage(stage: Stage, f: { claims: number; evidence: number }): Stage | null {
  if (stage === 'identification') return f.claims > 0 ? 'documentation' : null;
  if (stage === 'documentation') return f.evidence > 0 ? 'assessment' : null;
  return null;
}

export type AssessmentInput = { results: Result[]; outcomeKind?: OutcomeKind | null; credits?: number | null; title?: string | null; refusalReason?: string | null };

/**
 * What an assessment lacks: every claimed code judged (and no other); recognition needs at least one
 * outcome met; credits need a positive number; a qualification needs every claimed function met (a
 * qualification is all or nothing) and a title; a refusal (nothing met) gives its reason.
 */
export function assessmentIssues(claimed: readonly string[], a: AssessmentInput): AssessmentIssue[] {
  const issues: AssessmentIssue[] = [];
  a.results.forEach((r, i) => {
    if (!claimed.includes(r.code)) issues.push({ path: `results.${i}.code`, code: 'unknown-code' });
  });
  claimed.forEach((code) => {
    if (!a.results.some((r) => r.code === code)) issues.push({ path: `results.${code}`, code: 'unjudged' });
  });
  const met = a.results.filter((r) => r.met && claimed.includes(r.code));
  if (!a.outcomeKind) {
    if (!a.refusalReason?.trim()) issues.push({ path: 'refusalReason', code: 'reason-required' });
    return issues;
  }
  if (met.length === 0) issues.push({ path: 'results', code: 'nothing-met' });
  if (a.outcomeKind === 'credits' && !(a.credits && a.credits > 0)) issues.push({ path: 'credits', code: 'credits-required' });
  if (a.outcomeKind === 'qualification' && met.length < claimed.length) issues.push({ path: 'outcomeKind', code: 'qualification-needs-all' });
  if (!a.title?.trim()) issues.push({ path: 'title', code: 'title-required' });
  return issues;
}

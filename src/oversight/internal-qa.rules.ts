// Rules of the internal QA self-assessment (Guidelines, seed 002). Pure: tested without a database.

/** The levels the Guidelines set internal QA standards for, each a ministry standard set. */
export const QA_LEVELS = ['preschool', 'secondary', 'tvet', 'higher', 'additional', 'teacher'] as const;
export type QaLevel = (typeof QA_LEVELS)[number];

/** The Guidelines' standard set of a level (data/reference/standards.json). */
export const guidelinesSetKey = (level: QaLevel): string => `guidelines-internal-${level}`;

/**
 * The level whose standards an organization assesses itself against, from its kind in the register.
 * Schools and kindergartens are not organization kinds yet; teacher education is a university's
 * programmes, assessed with the higher-education standards until the register tells them apart.
 */
export function levelOfOrganizationKind(kind: string): QaLevel | null {
  if (kind === 'university') return 'higher';
  if (kind === 'college') return 'tvet';
  if (kind === 'training-provider') return 'additional';
  return null;
}

export const RATINGS = ['met', 'partially-met', 'not-met'] as const;
export type Rating = (typeof RATINGS)[number];

export type RatingEntry = { standardCode: string; rating: Rating; narrative: string };
export type ActionEntry = { standardCode: string; action: string; owner: string; dueOn: string };

export type SubmissionIssue =
  | { path: string; code: 'unrated' }
  | { path: string; code: 'no-action' }
  | { path: string; code: 'unknown-standard' }
  | { path: string; code: 'duplicate-standard' };

/** What stands in the way of saving: ratings and actions must name the set's standards, once each. */
export function entryIssues(standardCodes: readonly string[], ratings: readonly RatingEntry[], actions: readonly ActionEntry[]): SubmissionIssue[] {
  const known = new Set(standardCodes);
  const issues: SubmissionIssue[] = [];
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    if (!known.has(r.standardCode)) issues.push({ path: `ratings.${i}.standardCode`, code: 'unknown-standard' });
    else if (seen.has(r.standardCode)) issues.push({ path: `ratings.${i}.standardCode`, code: 'duplicate-standard' });
    seen.add(r.standardCode);
  });
  actions.forEach((a, i) => {
    if (!known.has(a.standardCode)) issues.push({ path: `actions.${i}.standardCode`, code: 'unknown-standard' });
  });
  return issues;
}

/**
 * What stands in the way of submitting: every standard rated with a narrative, and every standard
 * not fully met given at least one improvement action (who does what by when).
 */
export function submissionIssues(standardCodes: readonly string[], ratings: readonly RatingEntry[], actions: readonly ActionEntry[]): SubmissionIssue[] {
  const byCode = new Map(ratings.map((r) => [r.standardCode, r]));
  const issues: SubmissionIssue[] = [];
  for (const code of standardCodes) {
    const r = byCode.get(code);
    if (!r?.narrative.trim()) issues.push({ path: `ratings.${code}`, code: 'unrated' });
    else if (r.rating !== 'met' && !actions.some((a) => a.standardCode === code)) issues.push({ path: `actions.${code}`, code: 'no-action' });
  }
  return issues;
}

/**
 * Whether the system works, as the accreditation rule reads it: every standard rated and none
 * "not met". A partly met standard with its improvement actions still counts as working, as the
 * Guidelines expect continuous improvement rather than perfection.
 */
export function systemWorks(standardCodes: readonly string[], ratings: readonly RatingEntry[]): boolean {
  const byCode = new Map(ratings.map((r) => [r.standardCode, r.rating]));
  return standardCodes.every((c) => byCode.has(c) && byCode.get(c) !== 'not-met');
}

export type ReviewState = 'draft' | 'submitted' | 'returned' | 'accepted';

/** Which states allow which step: the organization edits a draft or a returned one; the authority reviews a submitted one. */
export const editable = (s: string): boolean => s === 'draft' || s === 'returned';
export const reviewable = (s: string): boolean => s === 'submitted';

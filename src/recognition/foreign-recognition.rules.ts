// The rules of a foreign-qualification application, without a database: which legal act governs it,
// when its file is complete, how its level compares with the NQF, when an expert must evaluate it,
// which decisions need reasons, and what may be appealed. Pure.

export const TRACKS = ['higher', 'secondary-tvet'] as const;
export type Track = (typeof TRACKS)[number];

/** The order that governs recognition on each track (nostrification was abolished in 2021). */
export const LEGAL_BASIS: Record<Track, string> = {
  higher: 'order-268-2023',
  'secondary-tvet': 'order-230-2023',
};

export const DOCUMENT_KINDS = ['document', 'supplement', 'translation', 'apostille', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const STATES = ['draft', 'submitted', 'incomplete', 'evaluation', 'decided', 'appealed'] as const;
export type ApplicationState = (typeof STATES)[number];

export const OUTCOMES = ['recognized', 'substantial-difference', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const DIFFERENCE_KINDS = ['alternative', 'partial', 'conditional'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export const INSTITUTION_STATUSES = ['accredited', 'not-accredited', 'not-found'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

/** Languages in which a document needs no translation. */
const OFFICIAL_LANGUAGES = new Set(['kk', 'ru']);

/**
 * The documents still missing from a file: the qualification document itself, a translation into
 * Kazakh or Russian unless it is written in one, and an apostille (or legalization) unless the
 * authority exempted it (a treaty country).
 */
export function missingDocuments(file: { kinds: readonly string[]; documentLanguage: string; apostilleExempt: boolean }): DocumentKind[] {
  const has = new Set(file.kinds);
  const missing: DocumentKind[] = [];
  if (!has.has('document')) missing.push('document');
  if (!OFFICIAL_LANGUAGES.has(file.documentLanguage) && !has.has('translation')) missing.push('translation');
  if (!file.apostilleExempt && !has.has('apostille')) missing.push('apostille');
  return missing;
}

export type LevelComparison = 'same' | 'lower' | 'higher';

/** The foreign qualification's level (on the NQF, via the EQF) against the level the applicant asks for. */
export function compareLevels(foreignLevel: number, requestedLevel: number): LevelComparison {
  return foreignLevel === requestedLevel ? 'same' : foreignLevel < requestedLevel ? 'lower' : 'higher';
}

/**
 * An expert must evaluate the qualification when the authority cannot decide from the file alone:
 * the institution is not shown accredited in DEQAR (not found, or found without an accreditation in
 * force on the award day), or the foreign level is below the level asked for.
 */
export function needsExpert(f: { institutionStatus: InstitutionStatus; foreignLevel: number; requestedLevel: number }): boolean {
  return f.institutionStatus !== 'accredited' || compareLevels(f.foreignLevel, f.requestedLevel) === 'lower';
}

export type DecisionInput = { outcome: Outcome; differenceKind?: DifferenceKind | null; reasons?: string | null; recognizedLevel?: number | null; conditions?: string | null };
export type DecisionIssue = { path: string; code: 'reasons-required' | 'kind-required' | 'kind-not-allowed' | 'level-required' | 'conditions-required' | 'expert-opinion-required' };

/**
 * What a decision lacks. Recognition with a substantial difference says which kind (alternative,
 * partial or conditional) and why, and a conditional one its conditions; a refusal gives reasons
 * (the Convention puts the burden of proof on the authority); a recognition names its NQF level.
 */
export function decisionIssues(d: DecisionInput, f: { expertNeeded: boolean; expertOpinion: string | null }): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  const has = (s: string | null | undefined) => !!s?.trim();
  if (d.outcome !== 'refused' && !d.recognizedLevel) issues.push({ path: 'recognizedLevel', code: 'level-required' });
  if (d.outcome === 'substantial-difference' && !d.differenceKind) issues.push({ path: 'differenceKind', code: 'kind-required' });
  if (d.outcome !== 'substantial-difference' && d.differenceKind) issues.push({ path: 'differenceKind', code: 'kind-not-allowed' });
  if (d.outcome !== 'recognized' && !has(d.reasons)) issues.push({ path: 'reasons', code: 'reasons-required' });
  if (d.outcome === 'substantial-difference' && d.differenceKind === 'conditional' && !has(d.conditions)) issues.push({ path: 'conditions', code: 'conditions-required' });
  if (f.expertNeeded && !has(f.expertOpinion)) issues.push({ path: 'outcome', code: 'expert-opinion-required' });
  return issues;
}

/** Whether a certificate of recognition is issued: for a full or a substantially different recognition. */
export const certifies = (outcome: Outcome | null): boolean => outcome === 'recognized' || outcome === 'substantial-difference';

/** Only a decision that is not a full recognition may be appealed, once, within the period. */
export function appealable(a: { state: ApplicationState; outcome: Outcome | null; decidedOn: string | null; appealedOn: string | null }, today: string, days = APPEAL_DAYS): boolean {
  if (a.state !== 'decided' || !a.outcome || a.outcome === 'recognized' || a.appealedOn || !a.decidedOn) return false;
  return today <= addDays(a.decidedOn, days);
}

/** Days to appeal from the decision (our default, configurable; the orders refer to the general administrative procedure). */
export const APPEAL_DAYS = 30;

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A certificate number: the track's letter, the year and the application's first hex digits, e.g. "HE-2026-1A2B3C4D". */
export function certificateNumber(track: Track, decidedOn: string, applicationId: string): string {
  return `${track === 'higher' ? 'HE' : 'ST'}-${decidedOn.slice(0, 4)}-${applicationId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** Which states let whom act: the applicant edits a draft or an incomplete file; the authority checks a submitted one. */
export const applicantEdits = (s: ApplicationState) => s === 'draft' || s === 'incomplete';
export const awaitsCheck = (s: ApplicationState) => s === 'submitted';
export const inEvaluation = (s: ApplicationState) => s === 'evaluation';

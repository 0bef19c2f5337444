// Rules of the self-assessment report (SAR), pure: when it may change, which sections it has,
// and whether every section has its text in kk, ru and en (digest 004 §3.5: "three languages").
export const SAR_LANGS = ['kk', 'ru', 'en'] as const;
export type SarLang = (typeof SAR_LANGS)[number];
export type SarTexts = Record<SarLang, string>;

/** The case states in which the organization prepares or revises its report. */
export const SAR_EDITABLE_STATES = ['sar-in-preparation', 'sar-revision-requested'] as const;

/** The one section of a report whose case has no standard set. */
export const GENERAL_SECTION = 'general';

export type SarVersionStatus = 'draft' | 'submitted';

export const isSarEditableState = (state: string) => (SAR_EDITABLE_STATES as readonly string[]).includes(state);

/** Every (section, language) pair without text, in section order then kk, ru, en. */
export function missingTexts(sectionCodes: readonly string[], texts: ReadonlyMap<string, Partial<SarTexts>>): { section: string; language: SarLang }[] {
  return sectionCodes.flatMap((section) =>
    SAR_LANGS.filter((language) => !(texts.get(section)?.[language] ?? '').trim()).map((language) => ({ section, language })),
  );
}

export const languagesComplete = (sectionCodes: readonly string[], texts: ReadonlyMap<string, Partial<SarTexts>>) =>
  sectionCodes.length > 0 && missingTexts(sectionCodes, texts).length === 0;

export type SarRefusal = { key: string; params: Record<string, string | number> };

/** Whether a new version may start: only in an editable state and only when no draft is open. */
export function checkNewVersion(caseState: string, versions: readonly { version: number; status: string }[]): SarRefusal | null {
  if (!isSarEditableState(caseState)) return { key: 'errors.documents.sarCaseState', params: { state: caseState } };
  const draft = versions.find((v) => v.status === 'draft');
  if (draft) return { key: 'errors.documents.sarDraftExists', params: { version: draft.version } };
  return null;
}

/** Whether a version's text or evidence may change (and whether it may be submitted). */
export function checkEditable(caseState: string, version: { version: number; status: string }): SarRefusal | null {
  if (!isSarEditableState(caseState)) return { key: 'errors.documents.sarCaseState', params: { state: caseState } };
  if (version.status !== 'draft') return { key: 'errors.documents.sarNotDraft', params: { version: version.version } };
  return null;
}

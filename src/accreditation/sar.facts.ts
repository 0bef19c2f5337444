// What the case engine needs to know about a case's self-assessment report.
import type { Db } from '../platform/db/database.ts';
import { GENERAL_SECTION, languagesComplete } from './sar-rules.ts';
import * as repo from './sar.repository.ts';

export type SarFacts = {
  versions: number;
  /** The latest version was submitted by the organization (not a draft). */
  latestSubmitted: boolean;
  /** The latest version has text in kk, ru and en for every section. */
  languagesComplete: boolean;
  evidenceFiles: number;
};

/** Facts of the latest version; read without permission checks (the engine checked the caller). */
export async function sarFacts(db: Db, caseId: string): Promise<SarFacts> {
  const [c, versions] = await Promise.all([repo.findSarCase(db, caseId), repo.listVersions(db, caseId)]);
  const latest = versions.at(-1);
  if (!c || !latest) return { versions: 0, latestSubmitted: false, languagesComplete: false, evidenceFiles: 0 };
  const standards = c.standard_set_id ? await repo.standardsOfSet(db, c.standard_set_id) : [];
  const codes = standards.length ? standards.map((s) => s.code) : [GENERAL_SECTION];
  const sections = await repo.sectionsOf(db, latest.id);
  const texts = new Map(sections.map((s) => [s.standard_code, { kk: s.text_kk, ru: s.text_ru, en: s.text_en }]));
  return {
    versions: versions.length,
    latestSubmitted: latest.status === 'submitted',
    languagesComplete: languagesComplete(codes, texts),
    evidenceFiles: await repo.countEvidence(db, latest.id),
  };
}

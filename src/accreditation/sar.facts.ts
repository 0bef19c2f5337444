// What the case engine needs to know about a case's self-assessment report (owner: helper C).
import type { Db } from '../platform/db/database.ts';

export type SarFacts = {
  versions: number;
  /** The latest version was submitted by the organization (not a draft). */
  latestSubmitted: boolean;
  /** The latest version has text in kk, ru and en for every section. */
  languagesComplete: boolean;
  evidenceFiles: number;
};

export async function sarFacts(_db: Db, _caseId: string): Promise<SarFacts> {
  return { versions: 0, latestSubmitted: false, languagesComplete: false, evidenceFiles: 0 };
}

// What the case engine needs to know about a case's panel, visit, report and council (owner:
// helper B). The case service reads these facts to check a transition's preconditions.
import type { Db } from '../platform/db/database.ts';

export type StandardGrade = 'compliant' | 'with-recommendations' | 'with-remarks' | 'non-compliant';

export type PanelFacts = {
  /** Broken panel rules as stable codes (empty when the panel is valid or does not exist yet). */
  panelRuleViolations: string[];
  panelExists: boolean;
  /** Challenges by the organization not yet resolved by a replacement or a rejection. */
  openChallenges: number;
  visitPlanned: boolean;
  protocolSigned: boolean;
  /** Every standard of the case's set has a grade in the current report. */
  reportComplete: boolean;
  grades: StandardGrade[];
  templateChecked: boolean;
  factualCommentsReceived: boolean;
  councilMeetingScheduled: boolean;
  votes: { for: number; against: number; abstain: number; recused: number };
};

export async function panelFacts(_db: Db, _caseId: string): Promise<PanelFacts> {
  return {
    panelRuleViolations: [],
    panelExists: false,
    openChallenges: 0,
    visitPlanned: false,
    protocolSigned: false,
    reportComplete: false,
    grades: [],
    templateChecked: false,
    factualCommentsReceived: false,
    councilMeetingScheduled: false,
    votes: { for: 0, against: 0, abstain: 0, recused: 0 },
  };
}

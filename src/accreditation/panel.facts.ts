// What the case engine needs to know about a case's panel, visit, report and council. The case
// service reads these facts to check a transition's preconditions.
import type { Db } from '../platform/db/database.ts';
import { councilFacts } from './council.service.ts';
import * as panels from './panel.repository.ts';
import { storedViolations } from './panel.service.ts';
import type { StandardGrade } from './report.schema.ts';
import { latestGrades } from './report.service.ts';

export type PanelFacts = {
  /** Broken panel rules as stable codes (empty when the panel is valid or does not exist yet). */
  panelRuleViolations: string[];
  panelExists: boolean;
  /** The organization accepted the panel in writing (reset whenever the panel changes). */
  panelAccepted: boolean;
  /** Challenges by the organization not yet resolved by a replacement or a rejection. */
  openChallenges: number;
  visitPlanned: boolean;
  protocolSigned: boolean;
  /** Every standard of the case's set has a grade in the current report. */
  reportComplete: boolean;
  grades: StandardGrade[];
  templateChecked: boolean;
  factualCommentsReceived: boolean;
  /** The latest report version is final (after the factual check). */
  reportFinal: boolean;
  councilMeetingScheduled: boolean;
  votes: { for: number; against: number; abstain: number; recused: number };
};

export async function panelFacts(db: Db, caseId: string): Promise<PanelFacts> {
  const c = await panels.findCase(db, caseId);
  const panel = await panels.findPanel(db, caseId);
  const [violations, openChallenges, visit, report, reports, comments, council] = await Promise.all([
    c && panel ? storedViolations(db, c) : Promise.resolve([]),
    panels.countOpenChallenges(db, caseId),
    db.selectFrom('accreditation_visits').select(['protocol_signed_at']).where('case_id', '=', caseId).executeTakeFirst(),
    latestGrades(db, caseId),
    db.selectFrom('panel_reports').select(['status', 'template_check']).where('case_id', '=', caseId).orderBy('version').execute(),
    db.selectFrom('report_factual_comments').select('id').where('case_id', '=', caseId).limit(1).execute(),
    councilFacts(db, caseId),
  ]);
  return {
    panelRuleViolations: violations.map((v) => v.code),
    panelExists: panel !== undefined,
    panelAccepted: panel?.accepted_at != null,
    openChallenges,
    visitPlanned: visit !== undefined,
    protocolSigned: visit?.protocol_signed_at != null,
    reportComplete: report.complete,
    grades: report.grades,
    templateChecked: reports.some((r) => r.template_check === 'pass'),
    factualCommentsReceived: comments.length > 0,
    reportFinal: reports.at(-1)?.status === 'final',
    councilMeetingScheduled: council.scheduled,
    votes: council.votes,
  };
}

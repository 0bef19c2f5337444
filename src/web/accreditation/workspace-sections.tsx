// The sections of a case page, each shown only when its service lets this viewer read it: the
// self-assessment report with its evidence, the panel, the visit, the report (the service hides
// drafts before their step), the council, appeals and follow-up; and the forms that act on them.
import type { CaseSections } from '../../accreditation/case-workspace.service.ts';
import type { Page } from '../page.ts';
import type { FormValues } from '../workspace/forms.tsx';
import type { CaseProblem } from './workspace-case.page.tsx';
import { AfterSection } from './workspace-sections-after.tsx';
import { PanelSection, SarSection } from './workspace-sections-prep.tsx';
import { CouncilSection, ReportSection, VisitSection } from './workspace-sections-review.tsx';

export type CaseView = { id: string; state: string; bodyId: string; standardSetId: string | null; yourRoles: string[] };
export type SectionData = CaseSections;

export function Sections(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem; values?: FormValues }) {
  return (
    <>
      <SarSection {...props} />
      <PanelSection {...props} />
      <VisitSection {...props} />
      <ReportSection {...props} />
      <CouncilSection {...props} />
      <AfterSection {...props} />
    </>
  );
}

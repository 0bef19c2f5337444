// Every section of a case page in order; the sections import the data types from
// workspace-sections.tsx, so composing them lives here, apart from the loader.
import type { Page } from '../page.ts';
import type { FormValues } from '../workspace/forms.tsx';
import type { CaseProblem } from './workspace-common.tsx';
import type { CaseView, SectionData } from './workspace-sections.tsx';
import { AfterSection } from './workspace-sections-after.tsx';
import { DissentSection, PublicationSection, SeminarSection, TermChangeSection } from './workspace-sections-agency.tsx';
import { PanelSection, SarSection } from './workspace-sections-prep.tsx';
import { CouncilSection, ReportSection, VisitSection } from './workspace-sections-review.tsx';

export function Sections(props: { page: Page; view: CaseView; data: SectionData; problem?: CaseProblem; values?: FormValues }) {
  return (
    <>
      <SarSection {...props} />
      <PanelSection {...props} />
      <SeminarSection {...props} />
      <VisitSection {...props} />
      <ReportSection {...props} />
      <DissentSection {...props} />
      <CouncilSection {...props} />
      <AfterSection {...props} />
      <PublicationSection {...props} />
      <TermChangeSection {...props} />
    </>
  );
}

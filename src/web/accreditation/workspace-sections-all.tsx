// Every section of a case page in order; the sections import the data types from
// workspace-sections.tsx, so composing them lives here, apart from the loader.
import type { Page } from '../page.ts';
import type { FormValues } from '../workspace/forms.tsx';
import type { CaseProblem } from './workspace-common.tsx';
import type { CaseView, SectionData } from './workspace-sections.tsx';
import { AfterSection } from './workspace-sections-after.tsx';
import { PanelSection, SarSection } from './workspace-sections-prep.tsx';
import { CouncilSection, ReportSection, VisitSection } from './workspace-sections-review.tsx';

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

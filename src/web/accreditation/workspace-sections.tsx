// The data of a case page's sections, as the case workspace service returns it: each section is
// there only when its service lets this viewer read it (the report hides drafts before their step).
import type { CaseSections } from '../../accreditation/case-workspace.service.ts';

export type CaseView = { id: string; state: string; bodyId: string; standardSetId: string | null; yourRoles: string[] };
export type SectionData = CaseSections;

// Accreditation pages: the public registers and decisions, and the workspace of every
// accreditation role.
import type { Api } from '../../platform/http/env.ts';
import { registerPublicAccreditationPages } from './public.pages.tsx';
import { registerCasePages } from './workspace-case.page.tsx';
import { registerCouncilPages } from './workspace-council.page.tsx';
import { registerCaseListPage } from './workspace-cases.page.tsx';
import { registerCaseListPages } from './workspace-list.page.tsx';
import { registerSectionPosts } from './workspace-posts.tsx';
import { registerAgencyPosts } from './workspace-agency-posts.tsx';

export function registerAccreditationPages(app: Api): void {
  registerPublicAccreditationPages(app);
  registerCaseListPages(app);
  registerCaseListPage(app);
  registerCasePages(app);
  // The section forms re-render the case page when refused, so the case page cannot register them.
  registerSectionPosts(app);
  registerAgencyPosts(app);
  registerCouncilPages(app);
}

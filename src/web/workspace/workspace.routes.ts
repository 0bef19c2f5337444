// The workspace under /{lang}: sign-in and out, the home, the organization profile, programmes, the review queue, API tokens, imports from files and reports.
import type { Api } from '../../platform/http/env.ts';
import { registerImportPages } from '../interop/imports.page.tsx';
import { registerReportPages } from '../indicators/reports.page.tsx';
import { registerInternalQaPages } from '../oversight/internal-qa.posts.tsx';
import { registerQaFailurePages } from '../oversight/qa-failure.posts.tsx';
import { registerRiskPages } from '../oversight/risk.page.tsx';
import { registerRiskRulePages } from '../oversight/risk-rule.page.tsx';
import { registerStateControlPages } from '../oversight/state-control.page.tsx';
import { registerProgrammePages } from './programme.page.tsx';
import { registerReviewPages } from './review.page.tsx';
import { registerSignInPages } from './sign-in.page.tsx';
import { registerExpertPages } from './experts.page.tsx';
import { registerNotificationPages } from './notifications.page.tsx';
import { registerOccupationalStandardPages } from './occupational-standards.page.tsx';
import { registerSectorFrameworkPages } from './sector-frameworks.page.tsx';
import { registerTokenPages } from './tokens.page.tsx';
import { registerTwoFactorPages } from './two-factor.page.tsx';
import { registerWorkspaceHome } from './workspace.page.tsx';

export function registerWorkspacePages(app: Api): void {
  registerSignInPages(app);
  registerTwoFactorPages(app);
  registerWorkspaceHome(app);
  registerProgrammePages(app);
  registerReviewPages(app);
  registerTokenPages(app);
  registerNotificationPages(app);
  registerImportPages(app);
  registerOccupationalStandardPages(app);
  registerSectorFrameworkPages(app);
  registerExpertPages(app);
  registerInternalQaPages(app);
  registerRiskRulePages(app);
  registerRiskPages(app);
  registerQaFailurePages(app);
  registerReportPages(app);
  registerStateControlPages(app);
}

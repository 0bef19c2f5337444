// Routes of what follows the council: decisions, Registers 2 and 3, appeals
// and complaints, follow-up, statistics.
import type { Api } from '../platform/http/env.ts';
import { registerAppealRoutes } from './appeal.routes.ts';
import { registerDecisionRoutes } from './decision.routes.ts';
import { registerFollowUpRoutes } from './follow-up.routes.ts';
import { registerRegisterRoutes } from './registers.routes.ts';
import { registerRegisterExportRoutes } from './registers-export.routes.ts';
import { registerStandingRoutes } from './standing.routes.ts';
import { registerStatisticsRoutes } from './statistics.routes.ts';

export function registerAfterDecisionRoutes(app: Api): void {
  registerDecisionRoutes(app);
  registerRegisterRoutes(app);
  registerRegisterExportRoutes(app);
  registerStandingRoutes(app);
  registerAppealRoutes(app);
  registerFollowUpRoutes(app);
  registerStatisticsRoutes(app);
}

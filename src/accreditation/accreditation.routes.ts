// Accreditation API: Register 1, standards, cases, experts and panels, documents, registers 2 and
// 3, decisions, appeals, follow-up, statistics.
import type { Api } from '../platform/http/env.ts';
import { registerAfterDecisionRoutes } from './after.routes.ts';
import { registerCaseRoutes } from './case.routes.ts';
import { registerCouncilMemberRoutes } from './council-members.routes.ts';
import { registerDocumentRoutes } from './documents.routes.ts';
import { registerPanelRoutes } from './panels.routes.ts';
import { registerRecognitionRoutes } from './recognition.routes.ts';
import { registerStandardsRoutes } from './standards.routes.ts';

export function registerAccreditationRoutes(app: Api): void {
  registerRecognitionRoutes(app);
  registerStandardsRoutes(app);
  registerCaseRoutes(app);
  registerPanelRoutes(app);
  registerCouncilMemberRoutes(app);
  registerDocumentRoutes(app);
  registerAfterDecisionRoutes(app);
}

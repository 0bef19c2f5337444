// Accreditation API (owner: helper A): Register 1, standards, cases, registers 2 and 3, decisions,
// appeals, follow-up, statistics; it also mounts the panel and document routes.
import type { Api } from '../platform/http/env.ts';
import { registerDocumentRoutes } from './documents.routes.ts';
import { registerPanelRoutes } from './panels.routes.ts';

export function registerAccreditationRoutes(app: Api): void {
  registerPanelRoutes(app);
  registerDocumentRoutes(app);
}

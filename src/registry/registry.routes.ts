// Every route of the registry module.
import type { Api } from '../platform/http/env.ts';
import { registerConsistencyRoutes } from './consistency.routes.ts';
import { registerOrganizationRoutes } from './organization.routes.ts';
import { registerProgrammeRoutes } from './programme.routes.ts';
import { registerQualificationRoutes } from './qualification.routes.ts';

export function registerRegistryRoutes(app: Api): void {
  // First, where the frameworks' routes registered it before it moved here: the document's order stays.
  registerConsistencyRoutes(app);
  registerOrganizationRoutes(app);
  registerProgrammeRoutes(app);
  registerQualificationRoutes(app);
}

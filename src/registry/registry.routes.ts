// Every route of the registry module.
import type { Api } from '../platform/http/env.ts';
import { registerOrganizationRoutes } from './organization.routes.ts';
import { registerProgrammeRoutes } from './programme.routes.ts';
import { registerQualificationRoutes } from './qualification.routes.ts';

export function registerRegistryRoutes(app: Api): void {
  registerOrganizationRoutes(app);
  registerProgrammeRoutes(app);
  registerQualificationRoutes(app);
}

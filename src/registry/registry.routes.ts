// Every route of the registry module.
import type { Api } from '../platform/http/env.ts';
import { registerOrganizationRoutes } from './organization.routes.ts';

export function registerRegistryRoutes(app: Api): void {
  registerOrganizationRoutes(app);
}

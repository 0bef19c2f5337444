// Every route of the frameworks module.
import type { Api } from '../platform/http/env.ts';
import { registerNqfRoutes } from './nqf.routes.ts';

export function registerFrameworkRoutes(app: Api): void {
  registerNqfRoutes(app);
}

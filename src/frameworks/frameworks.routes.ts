// Every route of the frameworks module.
import type { Api } from '../platform/http/env.ts';
import { registerClassifierRoutes } from './classifier.routes.ts';
import { registerNqfRoutes } from './nqf.routes.ts';
import { registerOccupationalStandardRoutes } from './occupational-standard.routes.ts';
import { registerSqfRoutes } from './sqf.routes.ts';

export function registerFrameworkRoutes(app: Api): void {
  registerNqfRoutes(app);
  registerClassifierRoutes(app);
  registerSqfRoutes(app);
  registerOccupationalStandardRoutes(app);
}

// Placeholder replaced below.
import type { Api } from '../../platform/http/env.ts';
export function registerSearchRoutes(_app: Api): void {}

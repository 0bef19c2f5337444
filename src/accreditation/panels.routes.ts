// Experts, panels, visits, reports and council API (owner: helper B). Placeholder.
import type { Api } from '../platform/http/env.ts';

export function registerPanelRoutes(_app: Api): void {}

// Micro-credential specifications, batch issuance, certificates database, learner API (owner: helper G). Placeholder.
import type { Api } from '../platform/http/env.ts';

export function registerCredentialProductRoutes(_app: Api): void {}

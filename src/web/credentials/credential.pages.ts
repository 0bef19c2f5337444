// Credential pages: credential, verification, certificates, learner (owner: helper G). Placeholder.
import type { Api } from '../../platform/http/env.ts';

export function registerCredentialPages(_app: Api): void {}

// Accreditation pages: public registers and decisions, and the workspace of every accreditation role (owner: helper H1). Placeholder.
import type { Api } from '../../platform/http/env.ts';

export function registerAccreditationPages(_app: Api): void {}

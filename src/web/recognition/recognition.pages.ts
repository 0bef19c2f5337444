// Pages of recognition: the public certificate check, and the workspace of applicants, the
// recognition authority, its experts, learners and organizations.
import type { Api } from '../../platform/http/env.ts';
import { registerRecognitionPublicPages } from './certificate.page.tsx';
import { registerForeignRecognitionPages } from './foreign.page.tsx';
import { registerPriorLearningPages } from './prior-learning.page.tsx';

export function registerRecognitionPages(app: Api): void {
  registerRecognitionPublicPages(app);
  registerForeignRecognitionPages(app);
  registerPriorLearningPages(app);
}

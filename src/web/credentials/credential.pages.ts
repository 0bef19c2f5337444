// Credential pages: the public credential, verification and certificate pages, the issuer's and
// the learner's workspace pages, and the PDF download.
import type { Api } from '../../platform/http/env.ts';
import { registerCertificatePages } from './certificate.page.tsx';
import { registerCredentialPdfRoute } from './credential-pdf.routes.ts';
import { registerCredentialPage } from './credential.page.tsx';
import { registerIssuerPages } from './issuer.page.tsx';
import { registerIssuerKeyPages } from './issuer-keys.page.tsx';
import { registerLearnerPages } from './learner.page.tsx';
import { registerRecognitionPages } from './recognition.page.tsx';
import { registerVerifyPage } from './verify.page.tsx';

export function registerCredentialPages(app: Api): void {
  registerCredentialPdfRoute(app);
  registerCredentialPage(app);
  registerVerifyPage(app);
  registerCertificatePages(app);
  registerIssuerPages(app);
  registerIssuerKeyPages(app);
  registerLearnerPages(app);
  registerRecognitionPages(app);
}

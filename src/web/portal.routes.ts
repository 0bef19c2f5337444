// Every page of the public portal, under /kk, /ru and /en.
import { registerStylesheet } from './stylesheet.ts';
import type { Api } from '../platform/http/env.ts';
import { registerClassifierPage } from './classifier.page.tsx';
import { registerHomePage } from './home.page.tsx';
import { registerNqfPages } from './nqf.page.tsx';
import { registerOccupationalStandardPage } from './occupational-standard.page.tsx';
import { registerOrganizationPage } from './organization.page.tsx';
import { registerProgrammePage } from './programme.page.tsx';
import { registerQualificationPage } from './qualification.page.tsx';
import { registerResultPages } from './results.page.tsx';
import { registerSqfPage } from './sqf.page.tsx';
import { registerWorkspacePages } from './workspace/workspace.routes.ts';
import { registerAccreditationPages } from './accreditation/accreditation.pages.ts';
import { registerCredentialPages } from './credentials/credential.pages.ts';
import { registerOpenDataPage } from './interop/open-data.page.tsx';
import { registerIndicatorPages } from './indicators/indicators.page.tsx';
import { registerRecognitionPages } from './recognition/recognition.pages.ts';

export function registerPortalPages(app: Api): void {
  registerStylesheet(app);
  registerHomePage(app);
  registerResultPages(app);
  registerOrganizationPage(app);
  registerProgrammePage(app);
  registerQualificationPage(app);
  registerNqfPages(app);
  registerSqfPage(app);
  registerOccupationalStandardPage(app);
  registerClassifierPage(app);
  registerAccreditationPages(app);
  registerCredentialPages(app);
  registerOpenDataPage(app);
  registerIndicatorPages(app);
  registerRecognitionPages(app);
  registerWorkspacePages(app);
}

// The modules' message catalogs, composed at the root and handed to platform's i18n, which imports
// no module. Every entry point imports it through src/wiring.ts; a module with locale files adds
// them here.
import accreditationCaseEn from './accreditation/locales/case.en.json' with { type: 'json' };
import accreditationCaseKk from './accreditation/locales/case.kk.json' with { type: 'json' };
import accreditationCaseRu from './accreditation/locales/case.ru.json' with { type: 'json' };
import accreditationDocumentsEn from './accreditation/locales/documents.en.json' with { type: 'json' };
import accreditationDocumentsKk from './accreditation/locales/documents.kk.json' with { type: 'json' };
import accreditationDocumentsRu from './accreditation/locales/documents.ru.json' with { type: 'json' };
import accreditationPagesEn from './accreditation/locales/pages.en.json' with { type: 'json' };
import accreditationPagesKk from './accreditation/locales/pages.kk.json' with { type: 'json' };
import accreditationPagesRu from './accreditation/locales/pages.ru.json' with { type: 'json' };
import accreditationPanelEn from './accreditation/locales/panel.en.json' with { type: 'json' };
import accreditationPanelKk from './accreditation/locales/panel.kk.json' with { type: 'json' };
import accreditationPanelRu from './accreditation/locales/panel.ru.json' with { type: 'json' };
import credentialsCoreEn from './credentials/locales/core.en.json' with { type: 'json' };
import credentialsCoreKk from './credentials/locales/core.kk.json' with { type: 'json' };
import credentialsCoreRu from './credentials/locales/core.ru.json' with { type: 'json' };
import credentialsProductEn from './credentials/locales/product.en.json' with { type: 'json' };
import credentialsProductKk from './credentials/locales/product.kk.json' with { type: 'json' };
import credentialsProductRu from './credentials/locales/product.ru.json' with { type: 'json' };
import accreditationAfterEn from './accreditation/locales/after.en.json' with { type: 'json' };
import accreditationAfterKk from './accreditation/locales/after.kk.json' with { type: 'json' };
import accreditationAfterRu from './accreditation/locales/after.ru.json' with { type: 'json' };
import credentialsPagesEn from './credentials/locales/pages.en.json' with { type: 'json' };
import credentialsPagesKk from './credentials/locales/pages.kk.json' with { type: 'json' };
import credentialsPagesRu from './credentials/locales/pages.ru.json' with { type: 'json' };
import accreditationPublicEn from './accreditation/locales/public.en.json' with { type: 'json' };
import accreditationPublicKk from './accreditation/locales/public.kk.json' with { type: 'json' };
import accreditationPublicRu from './accreditation/locales/public.ru.json' with { type: 'json' };
import registryStandingEn from './registry/locales/standing.en.json' with { type: 'json' };
import registryStandingKk from './registry/locales/standing.kk.json' with { type: 'json' };
import registryStandingRu from './registry/locales/standing.ru.json' with { type: 'json' };
import { registerCatalogs } from './platform/i18n/i18n.ts';

const FRAGMENTS = {
  kk: [accreditationCaseKk, accreditationPanelKk, accreditationDocumentsKk, accreditationPagesKk, credentialsCoreKk, credentialsProductKk, accreditationAfterKk, credentialsPagesKk, accreditationPublicKk, registryStandingKk],
  ru: [accreditationCaseRu, accreditationPanelRu, accreditationDocumentsRu, accreditationPagesRu, credentialsCoreRu, credentialsProductRu, accreditationAfterRu, credentialsPagesRu, accreditationPublicRu, registryStandingRu],
  en: [accreditationCaseEn, accreditationPanelEn, accreditationDocumentsEn, accreditationPagesEn, credentialsCoreEn, credentialsProductEn, accreditationAfterEn, credentialsPagesEn, accreditationPublicEn, registryStandingEn],
};

registerCatalogs(FRAGMENTS);

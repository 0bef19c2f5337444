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
import credentialsKeysEn from './credentials/locales/keys.en.json' with { type: 'json' };
import credentialsKeysKk from './credentials/locales/keys.kk.json' with { type: 'json' };
import credentialsKeysRu from './credentials/locales/keys.ru.json' with { type: 'json' };
import accreditationAfterEn from './accreditation/locales/after.en.json' with { type: 'json' };
import accreditationAfterKk from './accreditation/locales/after.kk.json' with { type: 'json' };
import accreditationAfterRu from './accreditation/locales/after.ru.json' with { type: 'json' };
import credentialsPagesEn from './credentials/locales/pages.en.json' with { type: 'json' };
import credentialsPagesKk from './credentials/locales/pages.kk.json' with { type: 'json' };
import credentialsPagesRu from './credentials/locales/pages.ru.json' with { type: 'json' };
import accreditationPublicEn from './accreditation/locales/public.en.json' with { type: 'json' };
import accreditationPublicKk from './accreditation/locales/public.kk.json' with { type: 'json' };
import accreditationPublicRu from './accreditation/locales/public.ru.json' with { type: 'json' };
import relationshipConsentEn from './registry/locales/relationship-consent.en.json' with { type: 'json' };
import relationshipConsentKk from './registry/locales/relationship-consent.kk.json' with { type: 'json' };
import relationshipConsentRu from './registry/locales/relationship-consent.ru.json' with { type: 'json' };
import registryHardeningEn from './registry/locales/hardening.en.json' with { type: 'json' };
import registryHardeningKk from './registry/locales/hardening.kk.json' with { type: 'json' };
import registryHardeningRu from './registry/locales/hardening.ru.json' with { type: 'json' };
import accreditationHardeningEn from './accreditation/locales/hardening.en.json' with { type: 'json' };
import accreditationHardeningKk from './accreditation/locales/hardening.kk.json' with { type: 'json' };
import accreditationHardeningRu from './accreditation/locales/hardening.ru.json' with { type: 'json' };
import councilTermEn from './accreditation/locales/council-term.en.json' with { type: 'json' };
import councilTermKk from './accreditation/locales/council-term.kk.json' with { type: 'json' };
import councilTermRu from './accreditation/locales/council-term.ru.json' with { type: 'json' };
import relationshipProposalsEn from './web/locales/relationship-proposals.en.json' with { type: 'json' };
import relationshipProposalsKk from './web/locales/relationship-proposals.kk.json' with { type: 'json' };
import relationshipProposalsRu from './web/locales/relationship-proposals.ru.json' with { type: 'json' };
import councilRosterEn from './accreditation/locales/council-roster.en.json' with { type: 'json' };
import councilRosterKk from './accreditation/locales/council-roster.kk.json' with { type: 'json' };
import councilRosterRu from './accreditation/locales/council-roster.ru.json' with { type: 'json' };
import credentialsSharingEn from './credentials/locales/sharing.en.json' with { type: 'json' };
import credentialsSharingKk from './credentials/locales/sharing.kk.json' with { type: 'json' };
import credentialsSharingRu from './credentials/locales/sharing.ru.json' with { type: 'json' };
import apiTokensEn from './platform/auth/locales/tokens.en.json' with { type: 'json' };
import apiTokensKk from './platform/auth/locales/tokens.kk.json' with { type: 'json' };
import apiTokensRu from './platform/auth/locales/tokens.ru.json' with { type: 'json' };
import platformSecurityEn from './platform/locales/security.en.json' with { type: 'json' };
import platformSecurityKk from './platform/locales/security.kk.json' with { type: 'json' };
import platformSecurityRu from './platform/locales/security.ru.json' with { type: 'json' };
import platformNotificationsEn from './platform/locales/notifications.en.json' with { type: 'json' };
import platformNotificationsKk from './platform/locales/notifications.kk.json' with { type: 'json' };
import platformNotificationsRu from './platform/locales/notifications.ru.json' with { type: 'json' };
import webCountsEn from './web/locales/counts.en.json' with { type: 'json' };
import webCountsKk from './web/locales/counts.kk.json' with { type: 'json' };
import webCountsRu from './web/locales/counts.ru.json' with { type: 'json' };
import webProvenanceEn from './web/locales/provenance.en.json' with { type: 'json' };
import webProvenanceKk from './web/locales/provenance.kk.json' with { type: 'json' };
import webProvenanceRu from './web/locales/provenance.ru.json' with { type: 'json' };
import webPortalEn from './web/locales/portal.en.json' with { type: 'json' };
import webPresentationEn from './web/locales/presentation.en.json' with { type: 'json' };
import webPortalKk from './web/locales/portal.kk.json' with { type: 'json' };
import webPresentationKk from './web/locales/presentation.kk.json' with { type: 'json' };
import webPortalRu from './web/locales/portal.ru.json' with { type: 'json' };
import webPresentationRu from './web/locales/presentation.ru.json' with { type: 'json' };
import registryRulesEn from './registry/locales/rules.en.json' with { type: 'json' };
import registryRulesKk from './registry/locales/rules.kk.json' with { type: 'json' };
import registryRulesRu from './registry/locales/rules.ru.json' with { type: 'json' };
import credentialsConformanceEn from './credentials/locales/conformance.en.json' with { type: 'json' };
import credentialsAwardScopeEn from './credentials/locales/award-scope.en.json' with { type: 'json' };
import credentialsConformanceKk from './credentials/locales/conformance.kk.json' with { type: 'json' };
import credentialsAwardScopeKk from './credentials/locales/award-scope.kk.json' with { type: 'json' };
import credentialsConformanceRu from './credentials/locales/conformance.ru.json' with { type: 'json' };
import credentialsAwardScopeRu from './credentials/locales/award-scope.ru.json' with { type: 'json' };
import interopImportEn from './interop/locales/import.en.json' with { type: 'json' };
import registryListExportEn from './registry/locales/list-export.en.json' with { type: 'json' };
import registryListExportKk from './registry/locales/list-export.kk.json' with { type: 'json' };
import registryListExportRu from './registry/locales/list-export.ru.json' with { type: 'json' };
import interopImportKk from './interop/locales/import.kk.json' with { type: 'json' };
import interopImportRu from './interop/locales/import.ru.json' with { type: 'json' };
import interopImportDecisionsEn from './interop/locales/import-decisions.en.json' with { type: 'json' };
import interopImportDecisionsKk from './interop/locales/import-decisions.kk.json' with { type: 'json' };
import interopImportDecisionsRu from './interop/locales/import-decisions.ru.json' with { type: 'json' };
import interopDeqarEn from './interop/locales/deqar.en.json' with { type: 'json' };
import interopDeqarKk from './interop/locales/deqar.kk.json' with { type: 'json' };
import interopDeqarRu from './interop/locales/deqar.ru.json' with { type: 'json' };
import registryStandingEn from './registry/locales/standing.en.json' with { type: 'json' };
import registryStandingKk from './registry/locales/standing.kk.json' with { type: 'json' };
import registryStandingRu from './registry/locales/standing.ru.json' with { type: 'json' };
import webRecordDownloadsEn from './web/locales/record-downloads.en.json' with { type: 'json' };
import webImportsEn from './web/locales/imports.en.json' with { type: 'json' };
import webFormsEn from './web/locales/forms.en.json' with { type: 'json' };
import accreditationRegisterExportEn from './accreditation/locales/register-export.en.json' with { type: 'json' };
import webRecordDownloadsKk from './web/locales/record-downloads.kk.json' with { type: 'json' };
import webImportsKk from './web/locales/imports.kk.json' with { type: 'json' };
import webFormsKk from './web/locales/forms.kk.json' with { type: 'json' };
import accreditationRegisterExportKk from './accreditation/locales/register-export.kk.json' with { type: 'json' };
import webRecordDownloadsRu from './web/locales/record-downloads.ru.json' with { type: 'json' };
import webImportsRu from './web/locales/imports.ru.json' with { type: 'json' };
import webFormsRu from './web/locales/forms.ru.json' with { type: 'json' };
import accreditationRegisterExportRu from './accreditation/locales/register-export.ru.json' with { type: 'json' };
import oversightInternalQaEn from './oversight/locales/internal-qa.en.json' with { type: 'json' };
import oversightStateControlEn from './oversight/locales/state-control.en.json' with { type: 'json' };
import oversightInternalQaKk from './oversight/locales/internal-qa.kk.json' with { type: 'json' };
import oversightStateControlKk from './oversight/locales/state-control.kk.json' with { type: 'json' };
import oversightInternalQaRu from './oversight/locales/internal-qa.ru.json' with { type: 'json' };
import oversightStateControlRu from './oversight/locales/state-control.ru.json' with { type: 'json' };
import webInternalQaEn from './web/locales/internal-qa.en.json' with { type: 'json' };
import webInternalQaKk from './web/locales/internal-qa.kk.json' with { type: 'json' };
import webInternalQaRu from './web/locales/internal-qa.ru.json' with { type: 'json' };
import webPriorLearningEn from './web/locales/prior-learning.en.json' with { type: 'json' };
import webPriorLearningKk from './web/locales/prior-learning.kk.json' with { type: 'json' };
import webPriorLearningRu from './web/locales/prior-learning.ru.json' with { type: 'json' };
import recognitionEn from './recognition/locales/recognition.en.json' with { type: 'json' };
import recognitionKk from './recognition/locales/recognition.kk.json' with { type: 'json' };
import recognitionRu from './recognition/locales/recognition.ru.json' with { type: 'json' };
import indicatorsEn from './indicators/locales/indicators.en.json' with { type: 'json' };
import indicatorsKk from './indicators/locales/indicators.kk.json' with { type: 'json' };
import indicatorsRu from './indicators/locales/indicators.ru.json' with { type: 'json' };
import workspaceListsEn from './web/locales/workspace-lists.en.json' with { type: 'json' };
import webMoreFormsEn from './web/locales/more-forms.en.json' with { type: 'json' };
import workspaceListsKk from './web/locales/workspace-lists.kk.json' with { type: 'json' };
import webMoreFormsKk from './web/locales/more-forms.kk.json' with { type: 'json' };
import workspaceListsRu from './web/locales/workspace-lists.ru.json' with { type: 'json' };
import webMoreFormsRu from './web/locales/more-forms.ru.json' with { type: 'json' };
import workspaceListsMoreEn from './web/locales/workspace-lists-more.en.json' with { type: 'json' };
import workspaceListsMoreKk from './web/locales/workspace-lists-more.kk.json' with { type: 'json' };
import workspaceListsMoreRu from './web/locales/workspace-lists-more.ru.json' with { type: 'json' };
import webIndicatorsEn from './web/locales/indicators.en.json' with { type: 'json' };
import webIndicatorsKk from './web/locales/indicators.kk.json' with { type: 'json' };
import webIndicatorsRu from './web/locales/indicators.ru.json' with { type: 'json' };
import { registerCatalogs } from './platform/i18n/i18n.ts';

/** Every module's catalog fragments (exported so the test lanes can put them back after a test replaced them). */
export const FRAGMENTS = {
  kk: [
    accreditationCaseKk,
    accreditationDocumentsKk,
    accreditationPagesKk,
    accreditationPanelKk,
    credentialsCoreKk,
    credentialsProductKk,
    accreditationAfterKk,
    credentialsPagesKk,
    accreditationPublicKk,
    registryHardeningKk,
    relationshipConsentKk,
    accreditationHardeningKk,
    councilRosterKk,
    relationshipProposalsKk,
    councilTermKk,
    credentialsSharingKk,
    apiTokensKk,
    platformSecurityKk,
    platformNotificationsKk,
    credentialsKeysKk,
    webCountsKk,
    webProvenanceKk,
    webPortalKk,
    webPresentationKk,
    registryRulesKk,
    credentialsConformanceKk,
    credentialsAwardScopeKk,
    registryListExportKk,
    interopImportKk,
    interopImportDecisionsKk,
    interopDeqarKk,
    registryStandingKk,
    webRecordDownloadsKk,
    webImportsKk,
    webFormsKk,
    accreditationRegisterExportKk,
    oversightInternalQaKk,
    oversightStateControlKk,
    webInternalQaKk,
    webPriorLearningKk,
    recognitionKk,
    indicatorsKk,
    workspaceListsKk,
    webMoreFormsKk,
    workspaceListsMoreKk,
    webIndicatorsKk,
  ],
  ru: [
    accreditationCaseRu,
    accreditationDocumentsRu,
    accreditationPagesRu,
    accreditationPanelRu,
    credentialsCoreRu,
    credentialsProductRu,
    accreditationAfterRu,
    credentialsPagesRu,
    accreditationPublicRu,
    registryHardeningRu,
    relationshipConsentRu,
    accreditationHardeningRu,
    councilRosterRu,
    relationshipProposalsRu,
    councilTermRu,
    credentialsSharingRu,
    apiTokensRu,
    platformSecurityRu,
    platformNotificationsRu,
    credentialsKeysRu,
    webCountsRu,
    webProvenanceRu,
    webPortalRu,
    webPresentationRu,
    registryRulesRu,
    credentialsConformanceRu,
    credentialsAwardScopeRu,
    registryListExportRu,
    interopImportRu,
    interopImportDecisionsRu,
    interopDeqarRu,
    registryStandingRu,
    webRecordDownloadsRu,
    webImportsRu,
    webFormsRu,
    accreditationRegisterExportRu,
    oversightInternalQaRu,
    oversightStateControlRu,
    webInternalQaRu,
    webPriorLearningRu,
    recognitionRu,
    indicatorsRu,
    workspaceListsRu,
    webMoreFormsRu,
    workspaceListsMoreRu,
    webIndicatorsRu,
  ],
  en: [
    accreditationCaseEn,
    accreditationDocumentsEn,
    accreditationPagesEn,
    accreditationPanelEn,
    credentialsCoreEn,
    credentialsProductEn,
    accreditationAfterEn,
    credentialsPagesEn,
    accreditationPublicEn,
    registryHardeningEn,
    relationshipConsentEn,
    accreditationHardeningEn,
    councilRosterEn,
    relationshipProposalsEn,
    councilTermEn,
    credentialsSharingEn,
    apiTokensEn,
    platformSecurityEn,
    platformNotificationsEn,
    credentialsKeysEn,
    webCountsEn,
    webProvenanceEn,
    webPortalEn,
    webPresentationEn,
    registryRulesEn,
    credentialsConformanceEn,
    credentialsAwardScopeEn,
    registryListExportEn,
    interopImportEn,
    interopImportDecisionsEn,
    interopDeqarEn,
    registryStandingEn,
    webRecordDownloadsEn,
    webImportsEn,
    webFormsEn,
    accreditationRegisterExportEn,
    oversightInternalQaEn,
    oversightStateControlEn,
    webInternalQaEn,
    webPriorLearningEn,
    recognitionEn,
    indicatorsEn,
    workspaceListsEn,
    webMoreFormsEn,
    workspaceListsMoreEn,
    webIndicatorsEn,
  ],
};

registerCatalogs(FRAGMENTS);

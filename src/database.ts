// The whole database's type, composed at the root: every module's tables merged into platform's
// `Database` interface, so platform needs no import of a module and every layer keeps using `Db`
// from platform/db. A module with tables adds its *.table.ts here.
import type { AccreditationCoreTables } from './accreditation/accreditation.table.ts';
import type { AfterDecisionTables } from './accreditation/after.table.ts';
import type { DocumentTables } from './accreditation/documents.table.ts';
import type { PanelTables } from './accreditation/panels.table.ts';
import type { StandardTables } from './accreditation/standards.table.ts';
import type { CredentialProductTables } from './credentials/credential-products.table.ts';
import type { CredentialTables } from './credentials/credentials.table.ts';
import type { DumpTables } from './interop/dump-store.table.ts';
import type { ImportUploadTables } from './interop/import-uploads.table.ts';
import type { ImportJobTables } from './interop/import-jobs.table.ts';
import type { FrameworkTables } from './frameworks/frameworks.table.ts';
import type { OversightTables } from './oversight/oversight.table.ts';
import type { RecognitionTables } from './recognition/recognition.table.ts';
import type { RegistryTables } from './registry/registry.table.ts';
import type { StatisticsTables } from './registry/statistics.table.ts';

// An intersection, not a list of interfaces to extend: after.table.ts adds a column to a core
// table (accreditation_decisions), which only an intersection of the two row types expresses.
type ModuleTables = FrameworkTables &
  RegistryTables &
  StatisticsTables &
  StandardTables &
  AccreditationCoreTables &
  PanelTables &
  DocumentTables &
  AfterDecisionTables &
  CredentialTables &
  CredentialProductTables &
  DumpTables &
  ImportUploadTables &
  ImportJobTables &
  OversightTables &
  RecognitionTables;

declare module './platform/db/schema.ts' {
  interface Database extends ModuleTables {}
}

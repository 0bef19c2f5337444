// Forward-only migrations with Kysely's Migrator; files are src/platform/db/migrations/NNNN_name.ts.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_platform.ts';
import * as m0002 from './migrations/0002_frameworks.ts';
import * as m0003 from './migrations/0003_registry.ts';
import * as m0004 from './migrations/0004_search.ts';
import * as m0005 from './migrations/0005_standards.ts';
import * as m0006 from './migrations/0006_frameworks_extra.ts';
import * as m0007 from './migrations/0007_list_indexes.ts';
import * as m0008 from './migrations/0008_version_summaries.ts';
import * as m0009 from './migrations/0009_search_terms.ts';
import * as m0010 from './migrations/0010_kazakh_order.ts';
import * as m0011 from './migrations/0011_title_search.ts';
import * as m0012 from './migrations/0012_accreditation_core.ts';
import * as m0013 from './migrations/0013_accreditation_panels.ts';
import * as m0014 from './migrations/0014_accreditation_documents.ts';
import * as m0015 from './migrations/0015_accreditation_after.ts';
import * as m0016 from './migrations/0016_credentials.ts';
import * as m0017 from './migrations/0017_credential_products.ts';
import * as m0018 from './migrations/0018_case_row_version.ts';
import * as m0020 from './migrations/0020_search_order.ts';
import * as m0025 from './migrations/0025_relationship_host.ts';
import * as m0030 from './migrations/0030_open_data_dumps.ts';
import * as m0035 from './migrations/0035_change_feed.ts';
import * as m0045 from './migrations/0045_request_counters.ts';
import * as m0046 from './migrations/0046_two_factor.ts';
import * as m0050 from './migrations/0050_api_token_expiry.ts';
import * as m0051 from './migrations/0051_audit_checkpoints.ts';
import * as m0055 from './migrations/0055_credential_challenges.ts';
import * as m0060 from './migrations/0060_nqf_value_provenance.ts';
import * as m0072 from './migrations/0072_programme_reviewed_rows.ts';
import * as m0096 from './migrations/0096_notifications.ts';
import * as m0097 from './migrations/0097_import_upload_jobs.ts';
import * as m0140 from './migrations/0140_data_version.ts';
import * as m0084 from './migrations/0084_import_uploads.ts';
import * as m0091 from './migrations/0091_internal_qa_self_assessments.ts';
import * as m0092 from './migrations/0092_case_internal_qa_from_oversight.ts';
import * as m0120 from './migrations/0120_internal_qa_evidence.ts';
import * as m0121 from './migrations/0121_oversight_risk.ts';
import * as m0130 from './migrations/0130_recognition.ts';
import * as m0075 from './migrations/0075_relationship_consent.ts';
import * as m0076 from './migrations/0076_totp_secrets_sealed.ts';
import * as m0077 from './migrations/0077_role_terms.ts';
import * as m0081 from './migrations/0081_import_jobs.ts';
import * as m0078 from './migrations/0078_certification_centre_version.ts';
import * as m0110 from './migrations/0110_statistical_observations.ts';
import * as m0145 from './migrations/0145_programme_submitted_at.ts';
import * as m0150 from './migrations/0150_qa_failures.ts';
import * as m0152 from './migrations/0152_state_control.ts';
import * as m0155 from './migrations/0155_workspace_list_indexes.ts';

// Listed statically so a production bundle and tsx resolve the same set in the same order.
const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_frameworks': m0002,
  '0003_registry': m0003,
  '0004_search': m0004,
  '0005_standards': m0005,
  '0006_frameworks_extra': m0006,
  '0007_list_indexes': m0007,
  '0008_version_summaries': m0008,
  '0009_search_terms': m0009,
  '0010_kazakh_order': m0010,
  '0011_title_search': m0011,
  '0012_accreditation_core': m0012,
  '0013_accreditation_panels': m0013,
  '0014_accreditation_documents': m0014,
  '0015_accreditation_after': m0015,
  '0016_credentials': m0016,
  '0017_credential_products': m0017,
  '0018_case_row_version': m0018,
  '0020_search_order': m0020,
  '0025_relationship_host': m0025,
  '0030_open_data_dumps': m0030,
  '0035_change_feed': m0035,
  '0045_request_counters': m0045,
  '0046_two_factor': m0046,
  '0050_api_token_expiry': m0050,
  '0051_audit_checkpoints': m0051,
  '0055_credential_challenges': m0055,
  '0060_nqf_value_provenance': m0060,
  '0072_programme_reviewed_rows': m0072,
  '0096_notifications': m0096,
  '0097_import_upload_jobs': m0097,
  '0084_import_uploads': m0084,
  '0091_internal_qa_self_assessments': m0091,
  '0092_case_internal_qa_from_oversight': m0092,
  '0075_relationship_consent': m0075,
  '0076_totp_secrets_sealed': m0076,
  '0077_role_terms': m0077,
  '0081_import_jobs': m0081,
  '0078_certification_centre_version': m0078,
  '0140_data_version': m0140,
  '0120_internal_qa_evidence': m0120,
  '0121_oversight_risk': m0121,
  '0130_recognition': m0130,
  '0110_statistical_observations': m0110,
  '0145_programme_submitted_at': m0145,
  '0150_qa_failures': m0150,
  '0152_state_control': m0152,
  '0155_workspace_list_indexes': m0155,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const migrationNames = Object.keys(migrations);

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

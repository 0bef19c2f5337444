// Stored files (content-addressed by SHA-256) and self-assessment reports: versions per case,
// one section per standard or criterion with text in kk, ru and en, and evidence files.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE files (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size integer NOT NULL CHECK (size > 0),
      media_type text NOT NULL,
      extension text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE sar_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version > 0),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      submitted_by uuid,
      submitted_at timestamptz,
      UNIQUE (case_id, version)
    );

    CREATE TABLE sar_sections (
      version_id uuid NOT NULL REFERENCES sar_versions(id) ON DELETE CASCADE,
      standard_code text NOT NULL,
      text_kk text NOT NULL DEFAULT '',
      text_ru text NOT NULL DEFAULT '',
      text_en text NOT NULL DEFAULT '',
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (version_id, standard_code)
    );

    CREATE TABLE sar_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      version_id uuid NOT NULL REFERENCES sar_versions(id) ON DELETE CASCADE,
      standard_code text,
      file_sha256 text NOT NULL REFERENCES files(sha256),
      file_name text NOT NULL,
      title text,
      uploaded_by uuid,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX sar_evidence_version ON sar_evidence (version_id);
    CREATE INDEX sar_evidence_file ON sar_evidence (file_sha256);
  `.execute(db);
}

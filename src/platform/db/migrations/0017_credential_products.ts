// Credential products: micro-credential specifications (EU Council Recommendation 2022 elements),
// batch issuance with per-row results, the certificates database of competence centres, learners'
// share links and requests to recognise credentials toward a programme.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE credential_specifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      code text,
      title_kk text NOT NULL, title_ru text NOT NULL, title_en text NOT NULL,
      learner_identification text NOT NULL,
      country_code text NOT NULL,
      region_code text,
      awarding_body_id uuid NOT NULL REFERENCES organizations(id),
      learning_outcomes jsonb NOT NULL,
      workload_ects numeric(6,2) NOT NULL CHECK (workload_ects > 0),
      nqf_level int NOT NULL REFERENCES nqf_levels(level),
      eqf_level int NOT NULL,
      assessment_type text NOT NULL,
      participation_form text NOT NULL,
      quality_assurance text NOT NULL,
      field_code text NOT NULL,
      prerequisites jsonb,
      supervision text,
      grading_scheme jsonb,
      stackability text,
      further_information jsonb,
      occupational_standard_ids uuid[] NOT NULL DEFAULT '{}',
      programme_id uuid REFERENCES programmes(id),
      programme_credits numeric(6,2),
      entitlement jsonb NOT NULL,
      status text NOT NULL DEFAULT 'active',
      is_synthetic boolean NOT NULL DEFAULT false,
      row_version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, code)
    );
    CREATE INDEX credential_specifications_org ON credential_specifications (organization_id, status);
    CREATE INDEX credential_specifications_programme ON credential_specifications (programme_id);

    CREATE TABLE credential_batches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      specification_id uuid NOT NULL REFERENCES credential_specifications(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      content_hash text NOT NULL,
      partial boolean NOT NULL,
      status text NOT NULL DEFAULT 'queued',
      total int NOT NULL,
      done int NOT NULL DEFAULT 0,
      issued int NOT NULL DEFAULT 0,
      skipped int NOT NULL DEFAULT 0,
      invalid int NOT NULL DEFAULT 0,
      failed int NOT NULL DEFAULT 0,
      job_id text,
      error text,
      created_by uuid,
      created_by_label text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      UNIQUE (specification_id, content_hash, partial)
    );

    CREATE TABLE credential_batch_rows (
      batch_id uuid NOT NULL REFERENCES credential_batches(id) ON DELETE CASCADE,
      row_number int NOT NULL,
      data jsonb NOT NULL,
      idempotency_key text,
      status text NOT NULL,
      credential_id text,
      errors jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (batch_id, row_number)
    );

    CREATE TABLE certificates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      number text NOT NULL,
      holder_name text NOT NULL,
      title text NOT NULL,
      programme_id uuid REFERENCES programmes(id),
      qualification_id uuid REFERENCES qualifications(id),
      occupational_standard_id uuid REFERENCES occupational_standards(id),
      issued_on date NOT NULL,
      valid_until date,
      status text NOT NULL DEFAULT 'valid',
      status_reason text,
      is_synthetic boolean NOT NULL DEFAULT false,
      row_version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, number)
    );
    CREATE INDEX certificates_number ON certificates (number);

    CREATE TABLE credential_share_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash text NOT NULL UNIQUE,
      credential_id text NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    );
    CREATE INDEX credential_share_links_credential ON credential_share_links (credential_id);

    CREATE TABLE credential_recognition_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      programme_id uuid NOT NULL REFERENCES programmes(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      credential_ids text[] NOT NULL,
      credits numeric(6,2) NOT NULL,
      note text,
      status text NOT NULL DEFAULT 'pending',
      recognised_credits numeric(6,2),
      decision_note text,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX credential_recognition_requests_org ON credential_recognition_requests (organization_id, status);
    CREATE INDEX credential_recognition_requests_user ON credential_recognition_requests (user_id);
  `.execute(db);
}

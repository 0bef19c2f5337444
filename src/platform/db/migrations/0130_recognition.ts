// Recognition (issue 16, PRODUCT §3.5–3.6): applications for the recognition of foreign
// qualifications (their files, the authority's check, an expert's opinion, the decision, its
// certificate and an appeal), and requests for the recognition of prior and non-formal learning
// (their evidence, the organization's assessment, the outcome issued as a credential).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE foreign_recognition_applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      applicant_user_id uuid NOT NULL REFERENCES users(id),
      holder_name text NOT NULL,
      track text NOT NULL CHECK (track IN ('higher', 'secondary-tvet')),
      country_code text NOT NULL,
      qualification_title text NOT NULL,
      document_language text NOT NULL,
      awarded_on date NOT NULL,
      foreign_nqf_level int NOT NULL CHECK (foreign_nqf_level BETWEEN 1 AND 8),
      requested_nqf_level int NOT NULL CHECK (requested_nqf_level BETWEEN 1 AND 8),
      purpose text NOT NULL,
      institution_name text NOT NULL,
      institution_deqar_id text,
      institution_organization_id uuid REFERENCES organizations(id),
      institution_status text NOT NULL CHECK (institution_status IN ('accredited', 'not-accredited', 'not-found')),
      apostille_exempt boolean NOT NULL DEFAULT false,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'incomplete', 'evaluation', 'decided', 'appealed')),
      submitted_on date,
      complete_on date,
      file_note text,
      expert_user_id uuid REFERENCES users(id),
      expert_opinion text,
      expert_recommendation text,
      outcome text CHECK (outcome IN ('recognized', 'substantial-difference', 'refused')),
      difference_kind text CHECK (difference_kind IN ('alternative', 'partial', 'conditional')),
      recognized_nqf_level int,
      reasons text,
      conditions text,
      decided_on date,
      decider_user_id uuid REFERENCES users(id),
      certificate_number text UNIQUE,
      appeal_reason text,
      appealed_on date,
      appeal_result text CHECK (appeal_result IN ('upheld', 'dismissed')),
      appeal_note text,
      appeal_decided_on date,
      overdue_alerted_on date,
      is_synthetic boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((state IN ('decided', 'appealed')) = (outcome IS NOT NULL)),
      CHECK ((outcome = 'substantial-difference') = (difference_kind IS NOT NULL)),
      CHECK (state NOT IN ('evaluation', 'decided', 'appealed') OR complete_on IS NOT NULL)
    );
    CREATE INDEX foreign_recognition_applicant ON foreign_recognition_applications (applicant_user_id);
    CREATE INDEX foreign_recognition_open ON foreign_recognition_applications (state, complete_on) WHERE state IN ('submitted', 'incomplete', 'evaluation', 'appealed');
    CREATE TABLE foreign_recognition_documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES foreign_recognition_applications(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('document', 'supplement', 'translation', 'apostille', 'other')),
      file_sha256 text NOT NULL REFERENCES files(sha256),
      file_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX foreign_recognition_documents_app ON foreign_recognition_documents (application_id);
    CREATE TABLE prior_learning_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      learner_user_id uuid NOT NULL REFERENCES users(id),
      learner_name text NOT NULL,
      organization_id uuid NOT NULL REFERENCES organizations(id),
      target_kind text NOT NULL CHECK (target_kind IN ('programme', 'occupational-standard')),
      programme_id uuid REFERENCES programmes(id),
      occupational_standard_id uuid REFERENCES occupational_standards(id),
      claimed_codes text[] NOT NULL,
      statement text NOT NULL,
      stage text NOT NULL DEFAULT 'identification' CHECK (stage IN ('identification', 'documentation', 'assessment', 'certified', 'refused')),
      submitted_on date,
      assessed_on date,
      assessor_user_id uuid REFERENCES users(id),
      results jsonb,
      outcome_kind text CHECK (outcome_kind IN ('credits', 'qualification')),
      credits numeric,
      outcome_title text,
      refusal_reason text,
      credential_id uuid,
      certified_on date,
      is_synthetic boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((target_kind = 'programme') = (programme_id IS NOT NULL)),
      CHECK ((target_kind = 'occupational-standard') = (occupational_standard_id IS NOT NULL)),
      CHECK ((stage = 'certified') = (credential_id IS NOT NULL))
    );
    CREATE INDEX prior_learning_learner ON prior_learning_requests (learner_user_id);
    CREATE INDEX prior_learning_org ON prior_learning_requests (organization_id, stage);
    CREATE TABLE prior_learning_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL REFERENCES prior_learning_requests(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('credential', 'certificate', 'work-experience')),
      description text NOT NULL,
      credential_id uuid,
      months int,
      file_sha256 text REFERENCES files(sha256),
      file_name text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'credential' OR credential_id IS NOT NULL),
      CHECK (kind <> 'work-experience' OR months IS NOT NULL)
    );
    CREATE INDEX prior_learning_evidence_req ON prior_learning_evidence (request_id);
  `.execute(db);
}

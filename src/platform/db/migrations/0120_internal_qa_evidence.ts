// Evidence files of an internal QA self-assessment (issue 16): each a stored file (the file store,
// one copy per content) attached to one standard of a draft or returned self-assessment.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE internal_qa_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      assessment_id uuid NOT NULL REFERENCES internal_qa_assessments(id) ON DELETE CASCADE,
      standard_code text NOT NULL,
      file_sha256 text NOT NULL REFERENCES files(sha256),
      file_name text NOT NULL,
      uploaded_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX internal_qa_evidence_assessment ON internal_qa_evidence (assessment_id, standard_code);
  `.execute(db);
}

// Oversight (issue 16): an organization's self-assessment of its internal QA system against the
// Guidelines' standards of its level (a ministry standard set), the authority's review, and the
// fact it yields: "a working internal QA system since <accepted on>". Ratings and improvement
// actions are rows of their own so the authority's lists can filter and count them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE internal_qa_assessments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      standard_set_id uuid NOT NULL REFERENCES standard_sets(id),
      level text NOT NULL,
      state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
      summary text,
      submitted_on date,
      reviewed_on date,
      reviewer_user_id uuid REFERENCES users(id),
      review_comment text,
      working boolean,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((state = 'accepted') = (working IS NOT NULL AND reviewed_on IS NOT NULL))
    );
    -- One self-assessment in progress per organization; accepted ones are its history.
    CREATE UNIQUE INDEX internal_qa_assessments_open ON internal_qa_assessments (organization_id) WHERE state <> 'accepted';
    CREATE INDEX internal_qa_assessments_accepted ON internal_qa_assessments (organization_id, reviewed_on) WHERE state = 'accepted';
    CREATE TABLE internal_qa_ratings (
      assessment_id uuid NOT NULL REFERENCES internal_qa_assessments(id) ON DELETE CASCADE,
      standard_code text NOT NULL,
      rating text NOT NULL CHECK (rating IN ('met', 'partially-met', 'not-met')),
      narrative text NOT NULL,
      PRIMARY KEY (assessment_id, standard_code)
    );
    CREATE TABLE internal_qa_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      assessment_id uuid NOT NULL REFERENCES internal_qa_assessments(id) ON DELETE CASCADE,
      position int NOT NULL,
      standard_code text NOT NULL,
      action text NOT NULL,
      owner text NOT NULL,
      due_on date NOT NULL,
      UNIQUE (assessment_id, position)
    );
  `.execute(db);
}

// After the decision (appeals, complaints, follow-up, status periods of decisions) and case extras.
// Two helpers add to this file: each appends its own block to BLOCKS; nothing is rewritten.
import { type Kysely, sql } from 'kysely';

type Block = (db: Kysely<unknown>) => Promise<void>;
const BLOCKS: Block[] = [];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const block of BLOCKS) await block(db);
}

// Block A2: decisions' publication date and status periods (Registers 2/3 as of a date), appeals
// and complaints, follow-up items.
BLOCKS.push(async (db) => {
  await sql`
    ALTER TABLE accreditation_decisions ADD COLUMN published_on date;

    -- Every period of a decision's legal state; Registers 2 and 3 "as of" a day read the period
    -- covering that day, so appeals, withdrawals and extensions change them from their date on.
    CREATE TABLE accreditation_decision_states (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      decision_id uuid NOT NULL REFERENCES accreditation_decisions(id) ON DELETE CASCADE,
      status text NOT NULL,
      outcome text NOT NULL,
      term_years int,
      valid_from date,
      valid_to date,
      effective_from date NOT NULL,
      effective_to date,
      source text NOT NULL,
      source_id uuid,
      reason text,
      details jsonb NOT NULL DEFAULT '{}',
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accreditation_decision_states_decision ON accreditation_decision_states (decision_id, effective_from);

    CREATE TABLE accreditation_appeals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      kind text NOT NULL,
      subject text NOT NULL,
      case_id uuid NOT NULL REFERENCES accreditation_cases(id),
      decision_id uuid REFERENCES accreditation_decisions(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      body_id uuid NOT NULL REFERENCES organizations(id),
      signed_by text NOT NULL,
      signatory_position text,
      document_ref text NOT NULL,
      grounds text NOT NULL,
      received_on date NOT NULL,
      status text NOT NULL DEFAULT 'logged',
      commission jsonb NOT NULL DEFAULT '[]',
      outcome text,
      outcome_reason text,
      effect jsonb NOT NULL DEFAULT '{}',
      decided_on date,
      filed_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accreditation_appeals_case ON accreditation_appeals (case_id);
    CREATE INDEX accreditation_appeals_body ON accreditation_appeals (body_id, status);

    CREATE TABLE accreditation_follow_ups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      decision_id uuid NOT NULL REFERENCES accreditation_decisions(id) ON DELETE CASCADE,
      kind text NOT NULL,
      title text NOT NULL,
      description text,
      standard_code text,
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'open',
      submissions jsonb NOT NULL DEFAULT '[]',
      review_comment text,
      reviewed_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accreditation_follow_ups_decision ON accreditation_follow_ups (decision_id);
    CREATE INDEX accreditation_follow_ups_open ON accreditation_follow_ups (due_on) WHERE status IN ('open', 'returned');
  `.execute(db);
});

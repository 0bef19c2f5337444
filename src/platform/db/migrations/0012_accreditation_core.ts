// Accreditation core: Register 1 recognitions, cases with their event log and deadlines, and
// decisions (from which Registers 2 and 3 are computed; never edited by hand).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE accreditation_recognitions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      body_id uuid NOT NULL REFERENCES organizations(id),
      national boolean NOT NULL DEFAULT true,
      order_number text NOT NULL,
      order_date date NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      status text NOT NULL DEFAULT 'active',
      scope_types text[] NOT NULL,
      scope_levels int[] NOT NULL DEFAULT '{}',
      scope_fields text[] NOT NULL DEFAULT '{}',
      networks text[] NOT NULL DEFAULT '{}',
      legal_details jsonb NOT NULL DEFAULT '{}',
      source jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accreditation_recognitions_body ON accreditation_recognitions (body_id);

    CREATE TABLE accreditation_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      body_id uuid NOT NULL REFERENCES organizations(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL,
      eur_ace boolean NOT NULL DEFAULT false,
      cross_border boolean NOT NULL DEFAULT false,
      standard_set_id uuid REFERENCES standard_sets(id),
      state text NOT NULL,
      state_since timestamptz NOT NULL DEFAULT now(),
      coordinator_user_id uuid REFERENCES users(id),
      reject_reason text,
      applied_on date,
      started_on date,
      previous_decision_id uuid,
      has_students boolean NOT NULL DEFAULT true,
      has_graduates boolean NOT NULL DEFAULT true,
      internal_qa_working boolean NOT NULL DEFAULT true,
      details jsonb NOT NULL DEFAULT '{}',
      is_synthetic boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accreditation_cases_org ON accreditation_cases (organization_id);
    CREATE INDEX accreditation_cases_body ON accreditation_cases (body_id, state);

    CREATE TABLE accreditation_case_programmes (
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      programme_id uuid NOT NULL REFERENCES programmes(id),
      PRIMARY KEY (case_id, programme_id)
    );

    CREATE TABLE accreditation_case_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      actor_id uuid,
      actor_label text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      comment text,
      payload jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX accreditation_case_events_case ON accreditation_case_events (case_id, at);

    CREATE TABLE accreditation_deadlines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      step text NOT NULL,
      starts_on date NOT NULL,
      due_on date NOT NULL,
      met_at timestamptz,
      reminded_at timestamptz,
      UNIQUE (case_id, step)
    );
    CREATE INDEX accreditation_deadlines_open ON accreditation_deadlines (due_on) WHERE met_at IS NULL;

    CREATE TABLE accreditation_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id),
      body_id uuid NOT NULL REFERENCES organizations(id),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL,
      eur_ace boolean NOT NULL DEFAULT false,
      cross_border boolean NOT NULL DEFAULT false,
      outcome text NOT NULL,
      term_years int,
      proposed_outcome text NOT NULL,
      proposed_term_years int,
      departure_reason text,
      decided_on date NOT NULL,
      approved_on date,
      valid_from date,
      valid_to date,
      status text NOT NULL DEFAULT 'pending-approval',
      status_reason text,
      certificate_number text UNIQUE,
      enaee_status text,
      summary jsonb NOT NULL DEFAULT '{}',
      is_synthetic boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX accreditation_decisions_org ON accreditation_decisions (organization_id);
    CREATE INDEX accreditation_decisions_body ON accreditation_decisions (body_id, decided_on);

    CREATE TABLE accreditation_decision_programmes (
      decision_id uuid NOT NULL REFERENCES accreditation_decisions(id) ON DELETE CASCADE,
      programme_id uuid NOT NULL REFERENCES programmes(id),
      PRIMARY KEY (decision_id, programme_id)
    );
    CREATE INDEX accreditation_decision_programmes_programme ON accreditation_decision_programmes (programme_id);
  `.execute(db);
}

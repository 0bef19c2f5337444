// Experts database, panels with their challenges and conflict overrides, self-assessment seminars,
// visits, panel reports and the council. Facts for the case engine come from here.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE experts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      body_id uuid NOT NULL REFERENCES organizations(id),
      user_id uuid REFERENCES users(id),
      full_name text NOT NULL,
      email text,
      country text,
      category text NOT NULL,
      degree text NOT NULL DEFAULT 'none',
      academic_title text,
      fields text[] NOT NULL DEFAULT '{}',
      languages text[] NOT NULL DEFAULT '{}',
      certificate_number text,
      certified_on date,
      certification_expires_on date,
      training jsonb NOT NULL DEFAULT '[]',
      declarations jsonb NOT NULL DEFAULT '{}',
      prior_panels int NOT NULL DEFAULT 0,
      excluded_at timestamptz,
      exclusion_reason text,
      is_synthetic boolean NOT NULL DEFAULT false,
      row_version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX experts_body ON experts (body_id);
    CREATE UNIQUE INDEX experts_user ON experts (body_id, user_id) WHERE user_id IS NOT NULL;

    -- Employment and study of an expert (expert_id) or a council member (user_id): feeds conflicts.
    CREATE TABLE expert_affiliations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      expert_id uuid REFERENCES experts(id) ON DELETE CASCADE,
      user_id uuid REFERENCES users(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations(id),
      kind text NOT NULL,
      from_on date,
      to_on date,
      note text,
      CHECK ((expert_id IS NULL) <> (user_id IS NULL))
    );
    CREATE INDEX expert_affiliations_expert ON expert_affiliations (expert_id);
    CREATE INDEX expert_affiliations_user ON expert_affiliations (user_id);

    CREATE TABLE declared_conflicts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      expert_id uuid REFERENCES experts(id) ON DELETE CASCADE,
      user_id uuid REFERENCES users(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations(id),
      reason text NOT NULL,
      declared_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((expert_id IS NULL) <> (user_id IS NULL))
    );

    CREATE TABLE expert_ratings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      expert_id uuid NOT NULL REFERENCES experts(id) ON DELETE CASCADE,
      case_id uuid REFERENCES accreditation_cases(id),
      rated_by uuid,
      rated_by_label text NOT NULL,
      score int NOT NULL CHECK (score BETWEEN 1 AND 5),
      criteria jsonb NOT NULL DEFAULT '{}',
      comment text,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE self_assessment_seminars (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      case_id uuid REFERENCES accreditation_cases(id),
      held_on date NOT NULL,
      expert_ids uuid[] NOT NULL DEFAULT '{}',
      user_ids uuid[] NOT NULL DEFAULT '{}',
      note text
    );
    CREATE INDEX self_assessment_seminars_org ON self_assessment_seminars (organization_id);

    CREATE TABLE accreditation_panels (
      case_id uuid PRIMARY KEY REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      row_version int NOT NULL DEFAULT 1,
      formed_at timestamptz NOT NULL DEFAULT now(),
      accepted_at timestamptz,
      accepted_by text,
      acceptance_letter text,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE panel_members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      expert_id uuid REFERENCES experts(id),
      user_id uuid REFERENCES users(id),
      role text NOT NULL,
      status text NOT NULL DEFAULT 'active',
      conflicts jsonb NOT NULL DEFAULT '[]',
      override_justification text,
      added_at timestamptz NOT NULL DEFAULT now(),
      removed_at timestamptz,
      CHECK (expert_id IS NOT NULL OR user_id IS NOT NULL)
    );
    CREATE INDEX panel_members_case ON panel_members (case_id) WHERE status = 'active';
    CREATE INDEX panel_members_expert ON panel_members (expert_id);

    CREATE TABLE panel_challenges (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES panel_members(id),
      reason text NOT NULL,
      filed_by text NOT NULL,
      filed_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'open',
      resolution text,
      resolved_by text,
      resolved_at timestamptz,
      replacement_member_id uuid REFERENCES panel_members(id)
    );
    CREATE INDEX panel_challenges_case ON panel_challenges (case_id);

    CREATE TABLE accreditation_visits (
      case_id uuid PRIMARY KEY REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      mode text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      schedule jsonb NOT NULL DEFAULT '[]',
      interview_groups jsonb NOT NULL DEFAULT '[]',
      protocol text,
      protocol_signed_at timestamptz,
      protocol_signed_by uuid REFERENCES panel_members(id),
      row_version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE visit_opinions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES panel_members(id),
      text text NOT NULL,
      signed_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (case_id, member_id)
    );

    CREATE TABLE panel_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      version int NOT NULL,
      status text NOT NULL DEFAULT 'draft',
      summary text,
      recommended_outcome text,
      recommended_term_years int,
      template_check text,
      template_comments text,
      template_checked_at timestamptz,
      sent_to_organization_at timestamptz,
      finalized_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (case_id, version)
    );

    CREATE TABLE panel_report_grades (
      report_id uuid NOT NULL REFERENCES panel_reports(id) ON DELETE CASCADE,
      standard_id uuid NOT NULL REFERENCES standards(id),
      grade text NOT NULL,
      findings text,
      recommendations text,
      good_practice text,
      PRIMARY KEY (report_id, standard_id)
    );

    CREATE TABLE panel_report_dissents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report_id uuid NOT NULL REFERENCES panel_reports(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES panel_members(id),
      standard_id uuid REFERENCES standards(id),
      text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE report_factual_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id uuid NOT NULL REFERENCES accreditation_cases(id) ON DELETE CASCADE,
      report_id uuid NOT NULL REFERENCES panel_reports(id),
      text text NOT NULL,
      submitted_by text NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE council_meetings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      body_id uuid NOT NULL REFERENCES organizations(id),
      meets_on date NOT NULL,
      location text,
      status text NOT NULL DEFAULT 'scheduled',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX council_meetings_body ON council_meetings (body_id, meets_on);

    CREATE TABLE council_agenda_items (
      meeting_id uuid NOT NULL REFERENCES council_meetings(id) ON DELETE CASCADE,
      case_id uuid NOT NULL REFERENCES accreditation_cases(id),
      position int NOT NULL,
      proposed_outcome text NOT NULL,
      proposed_term_years int,
      PRIMARY KEY (meeting_id, case_id)
    );
    CREATE INDEX council_agenda_items_case ON council_agenda_items (case_id);

    CREATE TABLE council_votes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      meeting_id uuid NOT NULL,
      case_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users(id),
      choice text NOT NULL,
      cast_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (meeting_id, case_id) REFERENCES council_agenda_items(meeting_id, case_id) ON DELETE CASCADE,
      UNIQUE (meeting_id, case_id, user_id)
    );
  `.execute(db);
}

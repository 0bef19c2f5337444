// Organizations, licences, relationships, programmes, qualifications, certification centres.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key text UNIQUE,
      bin text UNIQUE,
      identifiers jsonb NOT NULL DEFAULT '{}',
      name_kk text NOT NULL, name_ru text NOT NULL, name_en text,
      short_name text,
      aliases text[] NOT NULL DEFAULT '{}',
      kind text NOT NULL,
      legal_form text,
      region_code text,
      status text NOT NULL DEFAULT 'active',
      website text,
      is_synthetic boolean NOT NULL DEFAULT false,
      source jsonb,
      row_version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX organizations_kind ON organizations (kind, region_code);

    CREATE TABLE licences (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      number text NOT NULL,
      issued_on date NOT NULL,
      valid_until date,
      programme_groups text[] NOT NULL DEFAULT '{}',
      attachments jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'active',
      UNIQUE (organization_id, number)
    );

    CREATE TABLE organization_relationships (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      type text NOT NULL,
      from_id uuid NOT NULL REFERENCES organizations(id),
      to_id uuid NOT NULL REFERENCES organizations(id),
      effective_on date,
      ended_on date,
      note text,
      source jsonb,
      CHECK (from_id <> to_id)
    );

    CREATE TABLE programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      code text NOT NULL,
      edition int NOT NULL DEFAULT 1,
      name_kk text NOT NULL, name_ru text NOT NULL, name_en text,
      field_code text NOT NULL,
      narrow_field_code text,
      group_code text,
      programme_type text NOT NULL DEFAULT 'existing',
      nqf_level int NOT NULL REFERENCES nqf_levels(level),
      degree text REFERENCES qualification_types(key),
      credits_ects int NOT NULL,
      languages text[] NOT NULL DEFAULT '{}',
      study_forms text[] NOT NULL DEFAULT '{}',
      occupational_standard_ids uuid[] NOT NULL DEFAULT '{}',
      atlas_entries text[] NOT NULL DEFAULT '{}',
      partner_ids uuid[] NOT NULL DEFAULT '{}',
      partnership text,
      licence_id uuid REFERENCES licences(id),
      council_approved_on date,
      objective jsonb,
      distinctive_features jsonb,
      outcomes jsonb NOT NULL DEFAULT '[]',
      courses jsonb NOT NULL DEFAULT '[]',
      status text NOT NULL DEFAULT 'draft',
      review_comment text,
      first_included_at timestamptz,
      is_synthetic boolean NOT NULL DEFAULT false,
      source jsonb,
      row_version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, code, edition)
    );
    CREATE INDEX programmes_code ON programmes (code text_pattern_ops);
    CREATE INDEX programmes_filters ON programmes (status, field_code, nqf_level);
    CREATE INDEX programmes_org ON programmes (organization_id);
    CREATE INDEX programmes_partners ON programmes USING gin (partner_ids);

    CREATE TABLE qualifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name_kk text NOT NULL, name_ru text NOT NULL, name_en text,
      kind text NOT NULL,
      qualification_type text REFERENCES qualification_types(key),
      nqf_level int NOT NULL REFERENCES nqf_levels(level),
      awarding_body_id uuid REFERENCES organizations(id),
      field_code text,
      occupations jsonb NOT NULL DEFAULT '[]',
      programme_ids uuid[] NOT NULL DEFAULT '{}',
      is_synthetic boolean NOT NULL DEFAULT false,
      source jsonb,
      row_version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE certification_centres (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
      sector text NOT NULL,
      occupational_standard_ids uuid[] NOT NULL DEFAULT '{}',
      accredited_on date,
      valid_until date,
      is_synthetic boolean NOT NULL DEFAULT false
    );
  `.execute(db);
}

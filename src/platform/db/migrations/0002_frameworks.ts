// NQF, qualification types, versioned classifiers, sectoral frameworks, occupational standards.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE nqf_levels (
      level int PRIMARY KEY CHECK (level BETWEEN 1 AND 8),
      eqf_level int NOT NULL,
      qf_ehea text,
      isced text[] NOT NULL DEFAULT '{}',
      descriptors jsonb NOT NULL,
      education jsonb NOT NULL,
      typical_qualification jsonb,
      source jsonb
    );

    CREATE TABLE qualification_types (
      key text PRIMARY KEY,
      name_kk text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      nqf_level int REFERENCES nqf_levels(level),
      source jsonb
    );

    CREATE TABLE classifier_versions (
      classifier text NOT NULL,
      version text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      title text NOT NULL,
      source jsonb,
      PRIMARY KEY (classifier, version)
    );

    CREATE TABLE classifier_entries (
      classifier text NOT NULL,
      version text NOT NULL,
      code text NOT NULL,
      parent_code text,
      name_kk text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      attributes jsonb NOT NULL DEFAULT '{}',
      source jsonb,
      PRIMARY KEY (classifier, version, code),
      FOREIGN KEY (classifier, version) REFERENCES classifier_versions(classifier, version)
    );
    CREATE INDEX classifier_entries_parent ON classifier_entries (classifier, parent_code);

    CREATE TABLE sqfs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name_kk text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      sector_kk text NOT NULL, sector_ru text NOT NULL, sector_en text NOT NULL,
      oked_codes text[] NOT NULL DEFAULT '{}',
      developer text NOT NULL,
      approved_on date,
      version text NOT NULL DEFAULT '1',
      status text NOT NULL DEFAULT 'active',
      levels jsonb NOT NULL DEFAULT '[]',
      is_synthetic boolean NOT NULL DEFAULT false,
      source jsonb,
      row_version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE sqf_qualifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sqf_id uuid NOT NULL REFERENCES sqfs(id) ON DELETE CASCADE,
      code text NOT NULL,
      name_kk text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      nqf_level int NOT NULL REFERENCES nqf_levels(level),
      sublevel text,
      isco_codes text[] NOT NULL DEFAULT '{}',
      nkz_codes text[] NOT NULL DEFAULT '{}',
      oked_codes text[] NOT NULL DEFAULT '{}',
      UNIQUE (sqf_id, code)
    );

    CREATE TABLE occupational_standards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE,
      name_kk text NOT NULL, name_ru text NOT NULL, name_en text NOT NULL,
      sector_kk text NOT NULL, sector_ru text NOT NULL, sector_en text NOT NULL,
      developer text NOT NULL,
      approved_on date,
      version text NOT NULL DEFAULT '1',
      status text NOT NULL DEFAULT 'active',
      sqf_id uuid REFERENCES sqfs(id),
      nqf_levels int[] NOT NULL DEFAULT '{}',
      occupations jsonb NOT NULL DEFAULT '[]',
      is_synthetic boolean NOT NULL DEFAULT false,
      source jsonb,
      row_version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}

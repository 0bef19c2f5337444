// National statistics imported as datasets (students, population, grants, faculty): one row per
// observation of a dataset in a period, keyed by its dimensions, with its source. Versions of each
// row live in record_versions like every register record (migration 0110, issue 15).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE statistical_observations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dataset text NOT NULL CHECK (dataset IN ('students', 'population', 'grants', 'faculty')),
      period text NOT NULL,
      region_code text,
      level text,
      gender text,
      funding text,
      age text,
      degree text,
      title text,
      value integer NOT NULL CHECK (value >= 0),
      source text NOT NULL,
      is_synthetic boolean NOT NULL DEFAULT false,
      row_version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The natural key: a blank dimension is a total over it, so blanks take part as ''.
  await sql`
    CREATE UNIQUE INDEX statistical_observations_key ON statistical_observations (
      dataset, period, coalesce(region_code, ''), coalesce(level, ''), coalesce(gender, ''), coalesce(funding, ''),
      coalesce(age, ''), coalesce(degree, ''), coalesce(title, ''))`.execute(db);
}

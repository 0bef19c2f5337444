// The authority's risk view (issue 16): the rule in force (weights, cap, thresholds; one current
// row, each change a version in the history) and every computed score of an organization with the
// indicators, factors and the rule it was computed with, so an old score stays explainable.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE oversight_risk_rule (
      key text PRIMARY KEY CHECK (key = 'current'),
      rule jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE oversight_risk_scores (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      assessed_on date NOT NULL,
      score int NOT NULL,
      level text NOT NULL CHECK (level IN ('low', 'medium', 'high')),
      indicators jsonb NOT NULL,
      factors jsonb NOT NULL,
      rule jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, assessed_on)
    );
    CREATE INDEX oversight_risk_scores_latest ON oversight_risk_scores (organization_id, assessed_on DESC);
  `.execute(db);
}

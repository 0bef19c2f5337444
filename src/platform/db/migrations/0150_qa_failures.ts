// QA-system failure ("bankruptcy", seed 002 L1459-1487, L2027-2055, L2626-2656) and recovery
// (issue 16 item 4): the declaration (who declared it, on what grounds, the risk score the
// authority relied on), the recovery plan's measures (kind, owner, deadline, status), the progress
// reports (append-only: never updated or deleted), and the closing (recovered, or closed otherwise
// with a reason). At most one failure of an organization is active at a time.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE qa_failures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      level text NOT NULL CHECK (level IN ('secondary', 'tvet', 'higher')),
      declarant text NOT NULL CHECK (declarant IN ('authority', 'organization', 'founders')),
      founders_name text,
      declared_by_user_id uuid,
      declared_on date NOT NULL,
      grounds text NOT NULL,
      risk_assessed_on date,
      risk_score int,
      state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'recovered', 'closed')),
      closed_on date,
      closing_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (declarant <> 'founders' OR founders_name IS NOT NULL),
      CHECK ((state = 'active') = (closed_on IS NULL))
    );
    CREATE UNIQUE INDEX qa_failures_one_active ON qa_failures (organization_id) WHERE state = 'active';
    CREATE INDEX qa_failures_by_state ON qa_failures (state, declared_on DESC);
    CREATE TABLE qa_failure_measures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      failure_id uuid NOT NULL REFERENCES qa_failures(id),
      position int NOT NULL,
      kind text NOT NULL CHECK (kind IN ('risk-management', 'financial', 'advisory', 'regulatory')),
      description text NOT NULL,
      owner text NOT NULL,
      due_on date NOT NULL,
      status text NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
      UNIQUE (failure_id, position)
    );
    CREATE TABLE qa_failure_reports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      failure_id uuid NOT NULL REFERENCES qa_failures(id),
      reported_on date NOT NULL,
      author text NOT NULL CHECK (author IN ('authority', 'organization')),
      author_user_id uuid,
      text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX qa_failure_reports_of ON qa_failure_reports (failure_id, reported_on, created_at);
  `.execute(db);
  for (const table of ['qa_failures', 'qa_failure_measures', 'qa_failure_reports']) {
    await sql`SELECT sapa_track_data_version(${sql.lit(`"${table}"`)}::regclass)`.execute(db);
  }
}

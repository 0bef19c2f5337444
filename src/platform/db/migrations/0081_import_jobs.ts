// Committing an import runs as a job: its file, who started it, its progress and its outcome.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      register text NOT NULL,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'completed', 'failed')),
      done integer NOT NULL DEFAULT 0,
      total integer NOT NULL,
      file bytea,
      options jsonb NOT NULL DEFAULT '{}',
      lang text NOT NULL,
      created_by uuid,
      created_by_label text NOT NULL,
      outcome jsonb,
      problem jsonb,
      job_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX import_jobs_created_by ON import_jobs (created_by, created_at DESC)`.execute(db);
}

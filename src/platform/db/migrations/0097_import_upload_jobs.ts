// A workspace import is committed as a job with progress (like `POST /api/imports/{register}`): the
// kept upload names the job its commit started, so a second click finds it instead of a second one.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_uploads ADD COLUMN import_job_id uuid REFERENCES import_jobs(id) ON DELETE SET NULL`.execute(db);
}

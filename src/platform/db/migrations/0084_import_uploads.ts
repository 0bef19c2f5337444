// Files uploaded on the workspace import pages, kept between the preview and the commit (a page
// without JavaScript cannot hold the file itself), with the outcome of the commit for its result
// page. Only the uploader sees them; they are dropped a week later.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE import_uploads (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      register text NOT NULL,
      file_name text NOT NULL,
      encoding text,
      bytes bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      committed_at timestamptz,
      outcome jsonb
    )`.execute(db);
  await sql`CREATE INDEX import_uploads_user ON import_uploads (user_id, created_at)`.execute(db);
}

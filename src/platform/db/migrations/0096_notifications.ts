// Notifications: what waits for a user (a deadline, a case step), shown in the workspace and
// e-mailed once. The unique key makes telling the same event twice a no-op.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (length(kind) <= 100),
      params jsonb NOT NULL DEFAULT '{}',
      link text CHECK (length(link) <= 1000),
      dedupe_key text NOT NULL CHECK (length(dedupe_key) <= 300),
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      emailed_at timestamptz,
      UNIQUE (user_id, dedupe_key)
    )`.execute(db);
  await sql`CREATE INDEX notifications_user_recent ON notifications (user_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX notifications_unmailed ON notifications (created_at) WHERE emailed_at IS NULL`.execute(db);
}

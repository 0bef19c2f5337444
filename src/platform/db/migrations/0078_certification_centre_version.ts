// Certification centres get the row version every other versioned record has, so a write made
// from a stale read (If-Match) is refused in the UPDATE itself instead of overwriting a newer one.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE certification_centres
      ADD COLUMN row_version int NOT NULL DEFAULT 1,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()
  `.execute(db);
}

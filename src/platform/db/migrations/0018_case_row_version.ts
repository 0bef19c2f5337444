// Accreditation cases get the row version every other versioned record has, so a step taken from
// a stale read (If-Match on the action) is refused in the UPDATE itself.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE accreditation_cases ADD COLUMN row_version int NOT NULL DEFAULT 1`.execute(db);
}

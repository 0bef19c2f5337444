// Open-data dumps: one row per daily snapshot, listing its files (stored by SHA-256 in the file store).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE open_data_dumps (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      label text NOT NULL CHECK (label IN ('real', 'demonstration')),
      files jsonb NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX open_data_dumps_created ON open_data_dumps (created_at DESC)`.execute(db);
}

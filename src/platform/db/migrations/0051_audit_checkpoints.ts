// Signed checkpoints of the audit chain's head. Kept beside the chain (and, more importantly, as
// files in the file store and in the published open data), so a truncated or recomputed chain
// no longer matches what was signed earlier.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_checkpoints (
      id bigserial PRIMARY KEY,
      seq bigint NOT NULL,
      entry_count bigint NOT NULL,
      hash text NOT NULL,
      signed_at timestamptz NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL UNIQUE
    )
  `.execute(db);
}

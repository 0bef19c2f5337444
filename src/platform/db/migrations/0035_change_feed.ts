// The change feed (GET /api/changes) reads record_versions in commit order. Every insert into
// record_versions happens after recordChange took the audit chain's transaction-scoped advisory
// lock, which is held until commit; so a sequence value drawn at insert time is also in commit
// order, and a reader never sees a smaller number appear after a larger one (D56).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE record_versions ADD COLUMN change_seq bigserial;
    CREATE UNIQUE INDEX record_versions_change_seq ON record_versions (change_seq);
  `.execute(db);
}

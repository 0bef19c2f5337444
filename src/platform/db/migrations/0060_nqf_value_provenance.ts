// Which NQF values are quoted from a source document and which the team wrote (issue 11 item 7):
// one entry per value, so a page never presents a team-written descriptor as cited.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE nqf_levels ADD COLUMN provenance jsonb NOT NULL DEFAULT '{}'::jsonb`.execute(db);
}

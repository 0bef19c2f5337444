// The case flag "internal QA working" could not be set by anyone and defaulted to true. The fact
// now comes from oversight (an accepted self-assessment, issue 16), read when the council decides.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE accreditation_cases DROP COLUMN internal_qa_working`.execute(db);
}

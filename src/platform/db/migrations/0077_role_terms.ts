// A role can end: `ends_on` is the last day (Asia/Almaty) it is held, e.g. the end of a council
// member's term. Null: open-ended, as every role was until now. A meeting's council is the members
// appointed by its day whose term had not ended before it (decisions 81 and 87).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE role_assignments ADD COLUMN ends_on date`.execute(db);
}

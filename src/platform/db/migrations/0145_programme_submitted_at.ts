// When a programme was last sent to the ministry: the review queue shows and sorts by it (issue 18).
// programme_reviewed_rows has the shape of programmes (0072), so it gets the column too. Programmes
// already waiting take the time of their last change, which for a submitted passport is its submission.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE programmes ADD COLUMN submitted_at timestamptz`.execute(db);
  await sql`ALTER TABLE programme_reviewed_rows ADD COLUMN submitted_at timestamptz`.execute(db);
  await sql`UPDATE programmes SET submitted_at = updated_at WHERE status IN ('submitted', 'expert-review')`.execute(db);
  await sql`CREATE INDEX programmes_review_queue ON programmes (submitted_at, id) WHERE status IN ('submitted', 'expert-review')`.execute(db);
}

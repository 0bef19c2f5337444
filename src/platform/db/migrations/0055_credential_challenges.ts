// Challenges Sapa hands to verifiers (POST /vc/challenges) for presentations: each expires and is
// accepted once, so a presentation signed for one verification cannot be replayed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE credential_challenges (
      challenge text PRIMARY KEY,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX credential_challenges_expiry ON credential_challenges (expires_at);
  `.execute(db);
}

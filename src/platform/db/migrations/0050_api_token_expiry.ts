// API tokens expire and are listed with when they were last used. Tokens issued before this
// migration get a year from now, so none stays valid forever.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`.execute(db);
  await sql`ALTER TABLE api_tokens ADD COLUMN last_used_at timestamptz`.execute(db);
  await sql`UPDATE api_tokens SET expires_at = now() + interval '365 days'`.execute(db);
  await sql`ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL`.execute(db);
  await sql`CREATE INDEX api_tokens_user ON api_tokens (user_id)`.execute(db);
}

// Optional TOTP two-factor sign-in: a user's secret (enabled once confirmed with a code) and the
// SHA-256 hashes of unused recovery codes.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN totp_secret text,
      ADD COLUMN totp_enabled_at timestamptz,
      ADD COLUMN totp_recovery_hashes text[] NOT NULL DEFAULT '{}'`.execute(db);
}

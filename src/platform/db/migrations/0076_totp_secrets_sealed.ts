// TOTP secrets kept in clear until now are sealed (platform/auth/totp-secret.ts) with the configured
// key: TOTP_ENCRYPTION_KEY, or the key in TOTP_KEY_FILE (made here on first use). Values already
// sealed are left alone, so running it again changes nothing.
import { type Kysely, sql } from 'kysely';
import { sealClearTotpSecrets } from '../../auth/totp-secret.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ id: string; totp_secret: string }>`SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL`.execute(db);
  for (const { id, sealed } of sealClearTotpSecrets(rows.rows)) {
    await sql`UPDATE users SET totp_secret = ${sealed} WHERE id = ${id}`.execute(db);
  }
}

// TOTP two-factor secrets are sealed at rest (AES-256-GCM, platform/crypto/sealed.ts): a copy of
// the database (a dump, a backup, a read-only leak) does not let anyone make sign-in codes. The key
// comes from TOTP_ENCRYPTION_KEY or, unset, from a random key kept in TOTP_KEY_FILE (made on first
// use, beside the audit checkpoint key, never in the database). The user's id is bound to each
// sealed secret, so it cannot be copied onto another account.
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import { readOrCreateKeyFile } from '../crypto/key-file.ts';
import { isSealed, open, seal, sealingKey } from '../crypto/sealed.ts';
import { settings } from '../settings.ts';

const PURPOSE = 'sapa-totp-secrets';
const cache = new Map<string, Buffer>();

/** The AES key that seals TOTP secrets under this configuration. */
export function totpKey(config: Pick<Config, 'TOTP_ENCRYPTION_KEY' | 'TOTP_KEY_FILE'> = settings()): Buffer {
  const where = config.TOTP_ENCRYPTION_KEY ? `env:${config.TOTP_ENCRYPTION_KEY}` : `file:${config.TOTP_KEY_FILE}`;
  let key = cache.get(where);
  if (!key) {
    const material = config.TOTP_ENCRYPTION_KEY ?? readOrCreateKeyFile(config.TOTP_KEY_FILE, () => `${randomBytes(32).toString('base64url')}\n`).trim();
    key = sealingKey(material, PURPOSE);
    cache.set(where, key);
  }
  return key;
}

const associated = (userId: string) => `totp:${userId}`;

export const sealTotpSecret = (secret: string, userId: string, key = totpKey()): string => seal(secret, associated(userId), key);

export function openTotpSecret(sealed: string, userId: string, key = totpKey()): string {
  try {
    return open(sealed, associated(userId), key);
  } catch (cause) {
    throw new Error(
      'A two-factor secret cannot be opened: TOTP_ENCRYPTION_KEY (or the key in TOTP_KEY_FILE) is not the key it was sealed with. Restore that key, or reset the user with `sapa two-factor reset`.',
      { cause },
    );
  }
}

/** The sealed form of each secret still kept in clear (a base32 secret never looks sealed). */
export function sealClearTotpSecrets(rows: { id: string; totp_secret: string }[], key = totpKey()): { id: string; sealed: string }[] {
  return rows.filter((r) => !isSealed(r.totp_secret)).map((r) => ({ id: r.id, sealed: sealTotpSecret(r.totp_secret, r.id, key) }));
}

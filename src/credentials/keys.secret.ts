// Issuer private keys are sealed at rest with AES-256-GCM under a key derived from
// CREDENTIAL_KEY_SECRET. Pure: no database.
import { open, seal, sealingKey } from '../platform/crypto/sealed.ts';
import { AppError } from '../platform/errors.ts';
import { settings } from '../platform/settings.ts';

/**
 * Used only in demo mode when CREDENTIAL_KEY_SECRET is unset, so a fresh demo starts without
 * configuration. It is public (README), so keys sealed with it protect nothing.
 */
export const DEMO_CREDENTIAL_KEY_SECRET = 'sapa-demo-credential-key-secret-not-for-production';

/** Outside demo mode without CREDENTIAL_KEY_SECRET nothing can be signed: say so, in the user's language. */
export class MissingKeySecretError extends AppError {
  constructor() {
    super('internal', 500, 'errors.credential.keySecretMissing');
    this.message = 'CREDENTIAL_KEY_SECRET is not set: issuer keys cannot be created or used outside demo mode (SAPA_DEMO=true is for demonstrations only).';
  }
}

/** The configured secret, the demo one in demo mode, or a clear error. */
export function keySecret(config: { CREDENTIAL_KEY_SECRET?: string; SAPA_DEMO: boolean } = settings()): string {
  if (config.CREDENTIAL_KEY_SECRET) return config.CREDENTIAL_KEY_SECRET;
  if (config.SAPA_DEMO) return DEMO_CREDENTIAL_KEY_SECRET;
  throw new MissingKeySecretError();
}

const aesKey = (secret: string) => sealingKey(secret, 'sapa-issuer-keys');

/** `v1.<iv>.<tag>.<ciphertext>` in base64url; the organization id is bound as associated data. */
export function sealSecret(plain: string, associated: string, secret = keySecret()): string {
  return seal(plain, associated, aesKey(secret));
}

export function openSecret(sealed: string, associated: string, secret = keySecret()): string {
  return open(sealed, associated, aesKey(secret));
}

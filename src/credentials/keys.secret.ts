// Issuer private keys are sealed at rest with AES-256-GCM under a key derived from
// CREDENTIAL_KEY_SECRET. Pure: no database.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
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

const VERSION = 'v1';

function aesKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'sapa-issuer-keys', 'aes-256-gcm v1', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` in base64url; the organization id is bound as associated data. */
export function sealSecret(plain: string, associated: string, secret = keySecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(secret), iv);
  cipher.setAAD(Buffer.from(associated));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function openSecret(sealed: string, associated: string, secret = keySecret()): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !body) throw new Error('Unknown sealed key format');
  const decipher = createDecipheriv('aes-256-gcm', aesKey(secret), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(associated));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

// Secrets sealed at rest with AES-256-GCM (node:crypto): `v1.<iv>.<tag>.<ciphertext>` in base64url,
// with associated data (the owner's id) bound so a sealed value cannot be moved to another row.
// The AES key is derived with HKDF from a configured secret and a purpose label, so one secret
// never yields the same key for two purposes. Pure: no database.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** The 256-bit AES key for one purpose (e.g. 'sapa-issuer-keys') from a configured secret. */
export function sealingKey(secret: string | Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, purpose, 'aes-256-gcm v1', 32));
}

export function seal(plain: string, associated: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Whether a stored value is sealed (not a value kept in clear before sealing began). */
export const isSealed = (value: string): boolean => value.startsWith(`${VERSION}.`);

/** The plain value; throws when the key, the associated data or the value is not the sealing one. */
export function open(sealed: string, associated: string, key: Buffer): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || !body) throw new Error('Unknown sealed value format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(associated));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

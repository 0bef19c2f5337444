// Opaque secrets for sessions and API tokens; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';

export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

// The key that signs audit checkpoints lives in a file (AUDIT_KEY_FILE), never in the database:
// whoever can rewrite the audit table cannot sign a checkpoint for the rewritten chain.
import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { settings } from '../settings.ts';
import { keyIdOf } from './checkpoint-signature.ts';

export type CheckpointKey = { privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string; keyId: string };

const cache = new Map<string, CheckpointKey>();

/** Reads the key, creating it (readable by its owner only) on first use. */
export function checkpointKey(file = settings().AUDIT_KEY_FILE): CheckpointKey {
  const path = resolve(file);
  const known = cache.get(path);
  if (known) return known;
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const made = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    try {
      writeFileSync(path, made, { flag: 'wx', mode: 0o600 });
    } catch (raced) {
      // Another process made it first: use theirs.
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
    }
    pem = readFileSync(path, 'utf8');
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const key = { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
  cache.set(path, key);
  return key;
}

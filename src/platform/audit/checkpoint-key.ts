// The key that signs audit checkpoints lives in a file (AUDIT_KEY_FILE), never in the database:
// whoever can rewrite the audit table cannot sign a checkpoint for the rewritten chain.
import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { resolve } from 'node:path';
import { readOrCreateKeyFile } from '../crypto/key-file.ts';
import { settings } from '../settings.ts';
import { keyIdOf } from './checkpoint-signature.ts';

export type CheckpointKey = { privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string; keyId: string };

const cache = new Map<string, CheckpointKey>();

/** Reads the key, creating it (readable by its owner only) on first use. */
export function checkpointKey(file = settings().AUDIT_KEY_FILE): CheckpointKey {
  const path = resolve(file);
  const known = cache.get(path);
  if (known) return known;
  const pem = readOrCreateKeyFile(path, () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const key = { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
  cache.set(path, key);
  return key;
}

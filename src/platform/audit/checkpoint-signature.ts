// A checkpoint says "the audit chain had `count` entries, the last one `seq` with hash `hash`", signed
// with Ed25519. Pure: signing and checking need only the keys.
import { type KeyObject, createHash, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

export type CheckpointBody = { seq: number; count: number; hash: string; signedAt: string; keyId: string };
export type SignedCheckpoint = CheckpointBody & { signature: string };

const bytesOf = (body: CheckpointBody) =>
  Buffer.from(canonicalJson({ type: 'sapa-audit-checkpoint', seq: body.seq, count: body.count, hash: body.hash, signedAt: body.signedAt, keyId: body.keyId }));

/** A short, stable name of a public key: the first 16 hex digits of the SHA-256 of its DER. */
export const keyIdOf = (publicKey: KeyObject) => createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject): SignedCheckpoint {
  return { ...body, signature: sign(null, bytesOf(body), privateKey).toString('base64url') };
}

export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  if (checkpoint.keyId !== keyIdOf(publicKey)) return false;
  try {
    return verify(null, bytesOf(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64url'));
  } catch {
    return false;
  }
}

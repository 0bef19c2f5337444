// Fresh Ed25519 issuer keys as Multikey strings (what the database stores), made with the
// multibase helpers of multikey.ts.
import { ed25519KeyPair, secretKeyMultibaseOf } from './multikey.ts';

export type MultikeyPair = { publicKeyMultibase: string; secretKeyMultibase: string };

export function generateMultikey(): MultikeyPair {
  const pair = ed25519KeyPair({ controller: 'urn:sapa:unbound' });
  return { publicKeyMultibase: pair.publicKeyMultibase, secretKeyMultibase: secretKeyMultibaseOf(pair.privateKey) };
}

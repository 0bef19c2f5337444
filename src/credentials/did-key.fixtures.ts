// A did:key holder or issuer for tests: an Ed25519 key pair whose DID is its own public key.
import { ed25519KeyPair, publicKeyMultibaseOf } from './multikey.ts';

export function didKeyPair() {
  const draft = ed25519KeyPair({ controller: 'did:key:pending' });
  const did = `did:key:${publicKeyMultibaseOf(draft.privateKey)}`;
  return { ...draft, controller: did, id: `${did}#${draft.publicKeyMultibase}` };
}

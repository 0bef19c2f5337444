// Ed25519 keys as W3C Multikey (Controlled Identifiers / VC Data Integrity EdDSA): the public key
// is multibase base58btc of 0xed 0x01 + 32 bytes ('z6Mk…'), the secret key of 0x80 0x26 + 32-byte
// seed ('z3u2…'). Signing and verifying use node:crypto, not a JavaScript Ed25519.
//
//   Ed25519KeyPair = { id, controller, publicKeyMultibase, privateKey: KeyObject }
//     id: the verification method URL (e.g. `did:web:sapa.example:issuers:x#key-1`);
//     controller: the DID (must equal the credential's issuer id for verification to pass).
//   VerificationMethod = { id, type: 'Multikey', controller, publicKeyMultibase } (what a DID
//     document lists and what `resolveVerificationMethod` returns).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export type Ed25519KeyPair = {
  id: string;
  controller: string;
  publicKeyMultibase: string;
  privateKey: KeyObject;
};

export type VerificationMethod = {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
};

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_INDEX = new Map([...BASE58_ALPHABET].map((c, i) => [c, i]));
const ED25519_PUBLIC_HEADER = [0xed, 0x01];
const ED25519_SECRET_HEADER = [0x80, 0x26];
// DER prefixes that turn a raw 32-byte key into SPKI / PKCS#8 for node:crypto.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i] as number;
    for (let j = 0; j < digits.length; j++) {
      carry += (digits[j] as number) << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  let out = '1'.repeat(zeros);
  for (let i = digits.length - 1; i >= 0; i--) out += BASE58_ALPHABET[digits[i] as number];
  return out;
}

export function base58btcDecode(text: string): Uint8Array {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    let carry = BASE58_INDEX.get(text[i] as string);
    if (carry === undefined) throw new Error('invalid base58btc character');
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] as number) * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + bytes.length);
  for (let i = 0; i < bytes.length; i++) out[out.length - 1 - i] = bytes[i] as number;
  return out;
}

function withHeader(header: number[], raw: Uint8Array): string {
  const bytes = new Uint8Array(header.length + raw.length);
  bytes.set(header);
  bytes.set(raw, header.length);
  return `z${base58btcEncode(bytes)}`;
}

function withoutHeader(header: number[], multibase: string, what: string): Uint8Array {
  if (!multibase.startsWith('z')) throw new Error(`${what} is not multibase base58btc`);
  const bytes = base58btcDecode(multibase.slice(1));
  if (bytes.length !== header.length + 32 || header.some((b, i) => bytes[i] !== b)) {
    throw new Error(`${what} is not an Ed25519 Multikey`);
  }
  return bytes.subarray(header.length);
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
}

export function publicKeyMultibaseOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return withHeader(ED25519_PUBLIC_HEADER, rawPublicKey(publicKey));
}

const publicKeys = new Map<string, KeyObject>();

/** node:crypto public key for a 'z6Mk…' value (memoized: verification resolves the same few keys). */
export function publicKeyFromMultibase(publicKeyMultibase: string): KeyObject {
  let key = publicKeys.get(publicKeyMultibase);
  if (!key) {
    const raw = withoutHeader(ED25519_PUBLIC_HEADER, publicKeyMultibase, 'publicKeyMultibase');
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    if (publicKeys.size > 1000) publicKeys.clear();
    publicKeys.set(publicKeyMultibase, key);
  }
  return key;
}

/** The 32-byte seed of a private key (what Sapa encrypts at rest). */
export function privateKeySeed(key: KeyObject): Uint8Array {
  return key.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
}

export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function secretKeyMultibaseOf(key: KeyObject): string {
  return withHeader(ED25519_SECRET_HEADER, privateKeySeed(key));
}

export function privateKeyFromSecretKeyMultibase(secretKeyMultibase: string): KeyObject {
  return privateKeyFromSeed(withoutHeader(ED25519_SECRET_HEADER, secretKeyMultibase, 'secretKeyMultibase'));
}

/** A key pair from a seed (or a fresh one); `id` defaults to `${controller}#${publicKeyMultibase}`. */
export function ed25519KeyPair(options: { controller: string; id?: string; seed?: Uint8Array }): Ed25519KeyPair {
  const privateKey = options.seed ? privateKeyFromSeed(options.seed) : generateKeyPairSync('ed25519').privateKey;
  const publicKeyMultibase = publicKeyMultibaseOf(privateKey);
  return {
    id: options.id ?? `${options.controller}#${publicKeyMultibase}`,
    controller: options.controller,
    publicKeyMultibase,
    privateKey,
  };
}

export function verificationMethodOf(keyPair: Ed25519KeyPair): VerificationMethod {
  return { id: keyPair.id, type: 'Multikey', controller: keyPair.controller, publicKeyMultibase: keyPair.publicKeyMultibase };
}

// Memory-hard password hashing with scrypt (node:crypto): N=2^15, r=8, p=1 uses 32 MiB per hash.
// Each hash records its own parameters, so a hash made at any cost verifies at that cost.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCallback) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

export type ScryptCost = { readonly N: number; readonly r: number; readonly p: number };

/** The production cost, and the default: nothing but test set-up ever lowers it. */
export const PASSWORD_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
/** For test suites only: ~1 ms a hash instead of ~100 ms (test/helpers use it). */
export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

const KEY_LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;
let cost: ScryptCost = PASSWORD_COST;

/** Lowers the cost of new hashes for a test process; refused when NODE_ENV is production. */
export function usePasswordCost(next: ScryptCost): void {
  if (process.env.NODE_ENV === 'production' && next.N < PASSWORD_COST.N) throw new Error('a lower password hashing cost is for tests only');
  cost = next;
}

/** The cost new hashes are made at. */
export const currentPasswordCost = (): ScryptCost => cost;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: MAXMEM });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(actual, expected);
}

// Challenges for verifiers that need one (VC API POST /vc/challenges): random, valid for ten
// minutes, accepted by one presentation verification only.
import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/database.ts';
import * as repo from './challenge.repository.ts';

export const CHALLENGE_LIFETIME_MS = 10 * 60 * 1000;
const CHALLENGE_PREFIX = 'sapa-';

export async function createChallenge(db: Db, now = new Date()): Promise<{ challenge: string; expires: string }> {
  await repo.deleteExpired(db, now);
  const challenge = `${CHALLENGE_PREFIX}${randomBytes(24).toString('base64url')}`;
  const expires = new Date(now.getTime() + CHALLENGE_LIFETIME_MS);
  await repo.insertChallenge(db, challenge, expires);
  return { challenge, expires: expires.toISOString() };
}

/**
 * Whether a verifier's challenge may be used now: one Sapa handed out must be unexpired and
 * unused (and is used up by this call); a verifier's own challenge (any other) is only compared
 * with the proof's.
 */
export async function spendChallenge(db: Db, challenge: string, now = new Date()): Promise<boolean> {
  if (!challenge.startsWith(CHALLENGE_PREFIX)) return true;
  return Boolean(await repo.useChallenge(db, challenge, now));
}

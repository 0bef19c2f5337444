// Whether an organization has issued credentials, asked by the registry before its key changes,
// and the public counts of what was issued against a record, for its API detail. Credentials sit
// above the registry, so the root (src/wiring.ts) hands both down once.
import type { Db } from '../platform/db/database.ts';

type IssuedCredentialCheck = (db: Db, organizationId: string) => Promise<boolean>;

let check: IssuedCredentialCheck | null = null;

export function useIssuedCredentialCheck(issued: IssuedCredentialCheck): void {
  check = issued;
}

/** Throws until the root has wired the check in, so an entry point that forgets fails at once. */
export function hasIssuedCredentials(db: Db, organizationId: string): Promise<boolean> {
  if (!check) throw new Error('the issued-credential check is not wired in (import src/wiring.ts)');
  return check(db, organizationId);
}

export type IssuedAgainst = { organizationId?: string; programmeId?: string; qualificationId?: string };
export type IssuedCounts = { credentials: number; certificates: number };
type IssuedCountsSource = (db: Db, against: IssuedAgainst, asOf?: string) => Promise<IssuedCounts>;

let counts: IssuedCountsSource | null = null;

export function useIssuedCounts(source: IssuedCountsSource): void {
  counts = source;
}

/** Credentials and certificates issued against a record up to `asOf` (public counts, nothing about holders). */
export function issuedCountsOf(db: Db, against: IssuedAgainst, asOf?: string): Promise<IssuedCounts> {
  if (!counts) throw new Error('the issued counts are not wired in (import src/wiring.ts)');
  return counts(db, against, asOf);
}

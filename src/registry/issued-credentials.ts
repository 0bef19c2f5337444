// Whether an organization has issued credentials, asked by the registry before its key changes.
// Credentials sit above the registry, so the root (src/wiring.ts) hands the check down once.
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

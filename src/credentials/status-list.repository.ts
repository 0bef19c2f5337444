// SQL of status lists and of the status columns of credentials.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import type { StatusPurpose } from './credentials.table.ts';

/** The organization's open list for the purpose, locked so concurrent issuances take distinct slots. */
export const openList = (db: Db, organizationId: string, purpose: StatusPurpose) =>
  db
    .selectFrom('credential_status_lists')
    .select(['id', 'length', 'next_index'])
    .where('organization_id', '=', organizationId)
    .where('purpose', '=', purpose)
    .where(sql<boolean>`next_index < length`)
    .orderBy('created_at')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();

export const insertList = (db: Db, organizationId: string, purpose: StatusPurpose, length: number) =>
  db
    .insertInto('credential_status_lists')
    .values({ organization_id: organizationId, purpose, length })
    .returning(['id', 'length', 'next_index'])
    .executeTakeFirstOrThrow();

export const takeSlot = (db: Db, listId: string) =>
  db
    .updateTable('credential_status_lists')
    .set({ next_index: sql`next_index + 1` })
    .where('id', '=', listId)
    .returning(sql<number>`next_index - 1`.as('index'))
    .executeTakeFirstOrThrow();

export const listById = (db: Db, id: string) =>
  db
    .selectFrom('credential_status_lists')
    .select(['id', 'organization_id', 'purpose', 'length', 'credential', 'etag', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();

export const storeListCredential = (db: Db, id: string, credential: Record<string, unknown>, etag: string) =>
  db
    .updateTable('credential_status_lists')
    .set({ credential: toJson(credential), etag, updated_at: new Date() })
    .where('id', '=', id)
    .execute();

/** Indices set in a list: revoked credentials for a revocation list, suspended ones for a suspension list. */
export async function setIndices(db: Db, listId: string, purpose: StatusPurpose): Promise<number[]> {
  if (purpose === 'revocation') {
    const rows = await db
      .selectFrom('credentials')
      .select('revocation_index as i')
      .where('revocation_list_id', '=', listId)
      .where('status', '=', 'revoked')
      .execute();
    return rows.map((r) => r.i);
  }
  const rows = await db
    .selectFrom('credentials')
    .select('suspension_index as i')
    .where('suspension_list_id', '=', listId)
    // A revoked credential stays refused by its suspension bit (its only entry since decision 68).
    .where('status', 'in', ['suspended', 'revoked'])
    .execute();
  return rows.map((r) => r.i);
}

/** Several lists at once, with the encoded bitstring only (what verification reads). */
export const listsForCheck = (db: Db, ids: string[]) =>
  db
    .selectFrom('credential_status_lists')
    .select(['id', 'organization_id', 'purpose', 'length', sql<string | null>`credential->'credentialSubject'->>'encodedList'`.as('encoded')])
    .where('id', 'in', ids)
    .execute();

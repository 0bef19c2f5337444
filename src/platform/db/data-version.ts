// The data version (migration 0140, decision 133): moves in the same commit as any change to the
// register's data, so a cache keyed by it is right in every process that reads it.
import { sql } from 'kysely';
import type { Db } from './database.ts';

/** One primary-key read; on a replica, the version of the data that replica holds. */
export async function readDataVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ version: string }>`SELECT version::text AS version FROM data_version`.execute(db);
  return rows[0]?.version ?? '0';
}

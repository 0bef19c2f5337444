// Owned by helper E (keys, credentials, status lists). Placeholder until its tables land.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

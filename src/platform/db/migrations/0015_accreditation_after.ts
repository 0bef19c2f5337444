// Owned by helper A (appeals, follow-up, case extras). Placeholder until its tables land.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

// Owned by helper C (files, self-assessment reports). Placeholder until its tables land.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

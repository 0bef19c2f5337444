// Owned by helper G (specifications, batches, certificates, learner). Placeholder until its tables land.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

// Owned by helper B (panels, visits, reports, council). Placeholder until its tables land.
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}

// Indexes measured by bench/api.bench.ts: ordering the programme register by code (the default
// sort) without sorting every row; text_pattern_ops of 0003 serves only prefix filters.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX programmes_code_order ON programmes (code, id);
    CREATE INDEX organizations_name_order ON organizations (name_kk, id);
  `.execute(db);
}

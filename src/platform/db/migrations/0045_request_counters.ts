// Counters of requests per bucket and time window, shared by every process on the database:
// sign-in throttling (failures per account and per address) and rate limits (search, verify).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE request_counters (
      bucket text NOT NULL,
      window_start timestamptz NOT NULL,
      hits int NOT NULL DEFAULT 0,
      PRIMARY KEY (bucket, window_start)
    )`.execute(db);
  await sql`CREATE INDEX request_counters_age ON request_counters (window_start)`.execute(db);
}

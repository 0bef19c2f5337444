// The data version: one number that moves, in the same commit, whenever a transaction changes the
// register's data, so caches in any process can key on it (decision 133). A statement trigger on
// each data table marks the transaction once (a transaction-local setting); the mark's deferred
// trigger bumps the number at commit, so the row lock is held only between that trigger and the
// commit, and a reader that sees the new number also sees the data that moved it.
import { type Kysely, sql } from 'kysely';

/** Tables whose writes never change what a public response shows: per-request churn, private queues. */
export const UNVERSIONED_TABLES = [
  'data_version',
  'data_version_marks',
  'sessions',
  'request_counters',
  'credential_challenges',
  'notifications',
  'import_jobs',
  'import_uploads',
  'api_tokens',
  'kysely_migration',
  'kysely_migration_lock',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE data_version (id boolean PRIMARY KEY DEFAULT true CHECK (id), version bigint NOT NULL)`.execute(db);
  await sql`INSERT INTO data_version (version) VALUES (1)`.execute(db);
  await sql`CREATE TABLE data_version_marks (id bigserial PRIMARY KEY)`.execute(db);
  await sql`
    CREATE FUNCTION sapa_mark_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF coalesce(current_setting('sapa.data_changed', true), '') <> 'on' THEN
        PERFORM set_config('sapa.data_changed', 'on', true);
        INSERT INTO data_version_marks DEFAULT VALUES;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION sapa_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE data_version SET version = version + 1;
      DELETE FROM data_version_marks WHERE id = NEW.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE CONSTRAINT TRIGGER data_version_bump AFTER INSERT ON data_version_marks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sapa_bump_data_version()`.execute(db);
  // New tables call this from their migration (test/data-version.test.ts checks that every table does).
  await sql`
    CREATE FUNCTION sapa_track_data_version(target regclass) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      EXECUTE format('CREATE TRIGGER data_version_mark AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION sapa_mark_data_change()', target);
    END $$`.execute(db);
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db);
  for (const { table_name } of tables.rows) {
    if (UNVERSIONED_TABLES.includes(table_name)) continue;
    await sql`SELECT sapa_track_data_version(${sql.lit(`"${table_name}"`)}::regclass)`.execute(db);
  }
}

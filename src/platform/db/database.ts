// Opens the database: a PostgreSQL server when DATABASE_URL is set, otherwise embedded PGlite.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded.ts';

// Dates stay 'YYYY-MM-DD' strings (no time-zone shift); counts and bigints become numbers.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  url: string;
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
};

export function kyselyFor(url: string, poolSize: number): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its server (e.g. embedded shutdown) must not crash the process.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
}): Promise<DatabaseHandle> {
  let embedded: EmbeddedPostgres | null = null;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, maxConnections: options.poolSize + 4 });
    url = embedded.url;
  }
  const { db } = kyselyFor(url, options.poolSize);
  return {
    db,
    url,
    embedded,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

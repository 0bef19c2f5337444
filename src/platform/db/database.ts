// Opens the database: a PostgreSQL server when DATABASE_URL is set, otherwise embedded PGlite.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { DataDirInUseError, type DataDirOwner, describeOwner, liveOwnerOf } from './data-dir-lock.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded.ts';
import type { Database } from './schema.ts';

// Dates stay 'YYYY-MM-DD' strings (no time-zone shift); counts and bigints become numbers.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  url: string;
  embedded: EmbeddedPostgres | null;
  /** The running process whose embedded database this handle reaches through its socket. */
  sharedWith: DataDirOwner | null;
  close(): Promise<void>;
};

export function kyselyFor(url: string, poolSize: number): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its server (e.g. embedded shutdown) must not crash the process.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}

/**
 * How a process may use an embedded data directory:
 * - `owner`: it must open the directory itself (the server); refused when another process holds it;
 * - `shared`: it works through the running owner's socket when there is one, else opens the
 *   directory itself for as long as it runs (CLI commands).
 */
export type DataDirAccess = 'owner' | 'shared';

/** Connections the owner's socket accepts beyond its own pool: pg-boss and CLI commands beside it. */
const CONNECTIONS_FOR_OTHERS = 20;

/** How long a CLI command waits for a starting server to open its database. */
const OWNER_START_WAIT_MS = 120_000;

async function ownerDatabaseUrl(dataDir: string): Promise<{ owner: DataDirOwner; url: string } | null> {
  const deadline = Date.now() + OWNER_START_WAIT_MS;
  for (;;) {
    const owner = liveOwnerOf(dataDir);
    if (!owner) return null;
    if (owner.databaseUrl) return { owner, url: owner.databaseUrl };
    if (Date.now() > deadline) throw new Error(`${describeOwner(owner)} holds ${dataDir} but has not opened its database after ${OWNER_START_WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
  access?: DataDirAccess;
}): Promise<DatabaseHandle> {
  const access = options.access ?? 'owner';
  let embedded: EmbeddedPostgres | null = null;
  let sharedWith: DataDirOwner | null = null;
  let url = options.databaseUrl;
  while (!url) {
    if (access === 'shared') {
      const running = await ownerDatabaseUrl(options.dataDir);
      if (running) {
        sharedWith = running.owner;
        url = running.url;
        break;
      }
    }
    try {
      embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, maxConnections: options.poolSize + CONNECTIONS_FOR_OTHERS });
      url = embedded.url;
    } catch (error) {
      // Someone took the directory between our look and our lock: use theirs.
      if (access === 'shared' && error instanceof DataDirInUseError) continue;
      throw error;
    }
  }
  const { db } = kyselyFor(url, options.poolSize);
  return {
    db,
    url,
    embedded,
    sharedWith,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

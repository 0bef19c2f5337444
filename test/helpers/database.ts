// A fresh, migrated database with reference data per test file: PGlite loaded from a cached
// template, or (DATABASE_URL set) a new PostgreSQL database copied from a template database.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { seedReference } from '../../src/cli/seed-reference.ts';
import { systemActor } from '../../src/platform/access/roles.ts';
import { type Db, kyselyFor } from '../../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { silentLogger } from './logger.ts';

export type TestDatabase = { db: Db; url: string; close(): Promise<void> };

const root = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => join(root, dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** Changes to migrations, reference data or the seed code (src/cli, *.seed.ts, the reference reader) give a new template. */
function templateKey(): string {
  const hash = createHash('sha256');
  const seeds = filesUnder('src').filter((f) => f.endsWith('.seed.ts'));
  for (const file of [...filesUnder('src/platform/db/migrations'), ...filesUnder('data/reference'), ...filesUnder('src/platform/reference'), ...filesUnder('src/cli'), ...seeds]) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function prepare(db: Db): Promise<void> {
  await migrateToLatest(db);
  await seedReference({ db, actor: systemActor('test-setup'), lang: 'en', log: silentLogger, requestId: null });
}

async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `sapa-test-template-${templateKey()}.tar.gz`);
  if (!existsSync(file)) {
    const embedded = await startEmbeddedPostgres({ maxConnections: 4 });
    const { db } = kyselyFor(embedded.url, 2);
    await prepare(db);
    await db.destroy();
    const dump = await embedded.pglite.dumpDataDir('gzip');
    await embedded.stop();
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  return new Blob([readFileSync(file)]);
}

async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function postgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const template = `sapa_tpl_${templateKey()}`;
  const name = `sapa_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(7263102)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!exists.rowCount) {
        await admin.query(`CREATE DATABASE ${template}`);
        const { db } = kyselyFor(databaseUrl(serverUrl, template), 2);
        try {
          await prepare(db);
        } catch (error) {
          await db.destroy();
          await admin.query(`DROP DATABASE ${template}`);
          throw error;
        }
        await db.destroy();
      }
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7263102)');
    }
  });
  const url = databaseUrl(serverUrl, name);
  const { db } = kyselyFor(url, 5);
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** An embedded data directory on disk, migrated and with reference data, as `npm start` leaves it. */
export async function createTestDataDir(dataDir: string): Promise<void> {
  const embedded = await startEmbeddedPostgres({ dataDir, loadDataDir: await pgliteTemplate(), maxConnections: 1 });
  await embedded.stop();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return postgresDatabase(serverUrl);
  const embedded = await startEmbeddedPostgres({ loadDataDir: await pgliteTemplate(), maxConnections: 12 });
  const { db } = kyselyFor(embedded.url, 5);
  return {
    db,
    url: embedded.url,
    async close() {
      await db.destroy();
      await embedded.stop();
    },
  };
}


// A fresh database for one benchmark run: embedded PGlite (default) or a new database on the
// PostgreSQL server of DATABASE_URL, dropped afterwards. Migrated, with reference data.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { referenceDir, referenceSchemas } from '../../src/platform/reference/reference-files.ts';
import { seedReference } from '../../src/cli/seed-reference.ts';
import { systemActor } from '../../src/platform/access/roles.ts';
import { type Db, kyselyFor } from '../../src/platform/db/database.ts';
import { startEmbeddedPostgres } from '../../src/platform/db/embedded.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { tableProgress } from './progress.ts';

export type DatabaseKind = 'pglite' | 'postgresql';
export type BenchDatabase = {
  db: Db;
  /** The pool under `db`: the bench's bare-db references read through the very same connections. */
  pool: pg.Pool;
  kind: DatabaseKind;
  close(): Promise<void>;
};

/** Logs of the app and the seed go to stderr: stdout carries only the JSON result lines. */
export const benchLogger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));

const benchRoot = new URL('../../data/bench/', import.meta.url).pathname;

export function missingReferenceFiles(): string[] {
  return Object.keys(referenceSchemas).filter((name) => !existsSync(join(referenceDir, `${name}.json`)));
}

/** Migrates and loads the reference data; without it the generator falls back on built-in codes. */
export async function prepareDatabase(db: Db): Promise<{ reference: 'seeded' | 'fallback' }> {
  await migrateToLatest(db);
  const missing = missingReferenceFiles();
  if (missing.length) {
    process.stderr.write(`reference data missing in ${referenceDir} (${missing.join(', ')}): using fallback codes\n`);
    return { reference: 'fallback' };
  }
  await seedReference(
    {
      db,
      actor: systemActor('bench'),
      lang: 'en',
      log: benchLogger,
      requestId: null,
    },
    tableProgress(),
  );
  return { reference: 'seeded' };
}

export async function openFreshDatabase(options: { poolSize: number }): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `sapa_bench_${randomBytes(5).toString('hex')}`;
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const { db, pool } = kyselyFor(url.toString(), options.poolSize);
    return {
      db,
      pool,
      kind: 'postgresql',
      async close() {
        await db.destroy();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  // On disk, as `sapa serve` runs embedded: a new directory per run, removed afterwards.
  await import('node:fs/promises').then((fs) => fs.mkdir(benchRoot, { recursive: true }));
  const dataDir = await mkdtemp(join(benchRoot, 'run-'));
  const embedded = await startEmbeddedPostgres({
    dataDir,
    maxConnections: options.poolSize + 4,
  });
  const { db, pool } = kyselyFor(embedded.url, options.poolSize);
  return {
    db,
    pool,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

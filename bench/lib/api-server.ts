// The server side of api.bench.ts, in its own process so the load generator does not share its
// event loop: a fresh database with the national data set, Sapa's app and the bare reference app
// (same Hono + @hono/node-server stack, no database). Reports over IPC; all output on stderr.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { generateNationalDataSet } from '../generate.ts';
import { benchLogger, openFreshDatabase, prepareDatabase } from './database.ts';
import { tableProgress } from './progress.ts';
import { addDatabaseReferences, captureSearchSql } from './bare-db.ts';
import { SEARCH_QUERIES } from './search-queries.ts';

export type ServerReady = {
  type: 'ready';
  sapaUrl: string;
  bareUrl: string;
  database: 'pglite' | 'postgresql';
  reference: 'seeded' | 'fallback';
  rows: Record<string, number>;
  generateMs: number;
  publicProgrammeIds: string[];
  organizationIds: string[];
  regionCodes: string[];
  /** Ids of each other kind of record page (empty when the data set has none: the figure is skipped). */
  sqfIds: string[];
  standardIds: string[];
  qualificationIds: string[];
};

export const BARE_BODY = {
  status: 'ok',
  service: 'bare-hono',
  version: 1,
} as const;

type Listening = { url: string; close(): Promise<void> };

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        // Lets requests in progress finish (for a few seconds) before the database closes under them.
        close: () =>
          new Promise<void>((done) => {
            const force = setTimeout(() => {
              (server as import('node:http').Server).closeAllConnections?.();
              done();
            }, 5000);
            server.close(() => {
              clearTimeout(force);
              done();
            });
          }),
      });
    });
  });
}

async function main(): Promise<void> {
  const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10);
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  const database = await openFreshDatabase({ poolSize });
  process.stderr.write(`database: ${database.kind === 'pglite' ? 'fresh embedded PGlite' : 'fresh database on the DATABASE_URL server'}\n`);
  const { reference } = await prepareDatabase(database.db);
  const data = await generateNationalDataSet(database.db, {
    organizations: Math.max(20, Math.round(1000 * scale)),
    programmes: Math.max(50, Math.round(10_000 * scale)),
    sqfs: Math.max(2, Math.round(50 * scale)),
    standards: Math.max(10, Math.round(600 * scale)),
    onProgress: tableProgress(),
  });
  process.stderr.write(`data set generated in ${(data.ms / 1000).toFixed(1)} s\n`);
  const idsOf = async (table: 'sqfs' | 'occupational_standards' | 'qualifications') =>
    (await database.db.selectFrom(table).select('id').orderBy('id').limit(500).execute()).map((r) => r.id);
  const [sqfIds, standardIds, qualificationIds] = await Promise.all([idsOf('sqfs'), idsOf('occupational_standards'), idsOf('qualifications')]);

  const config = loadConfig({
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SAPA_DEMO: 'false',
    DB_POOL_SIZE: String(poolSize),
    // One load generator is one client address: a per-address limit would answer 429 to nearly all.
    RATE_LIMIT_SEARCH_PER_MINUTE: '0',
  });
  const sapa = await listen(createApp({ db: database.db, config, log: benchLogger }).fetch);
  const bareApp = new Hono();
  bareApp.get('/bare', (c) => c.json(BARE_BODY));
  addDatabaseReferences(bareApp, database.pool, await captureSearchSql(database.pool, config, SEARCH_QUERIES));
  const bare = await listen(bareApp.fetch);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([sapa.close(), bare.close()]);
    await database.close();
    process.exit(0);
  };
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'stop') void stop();
  });
  // The parent went away (crash, Ctrl-C): do not leave a database behind.
  process.on('disconnect', () => void stop());

  const ready: ServerReady = {
    type: 'ready',
    sapaUrl: sapa.url,
    bareUrl: bare.url,
    database: database.kind,
    reference,
    rows: data.rows,
    generateMs: data.ms,
    publicProgrammeIds: data.publicProgrammeIds,
    organizationIds: data.organizationIds,
    regionCodes: data.regionCodes,
    sqfIds,
    standardIds,
    qualificationIds,
  };
  process.send?.(ready);
}

main().catch((error) => {
  process.stderr.write(`bench server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

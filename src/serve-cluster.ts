// Several HTTP processes on one port (node:cluster): `sapa serve --workers N`. Nothing one process
// needs is kept only in another's memory: sessions, rate-limit counters and jobs are in PostgreSQL,
// and the in-memory caches hold only what never changes (keys, calendars, compiled schemas). The
// primary migrates (and bootstraps) once, runs the background jobs unless a separate `sapa worker`
// does (--no-jobs), forks the HTTP processes and starts a new one when one dies.
import cluster from 'node:cluster';
import type { Config } from './config.ts';
import { JOBS } from './jobs.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { startJobs, stopJobs } from './platform/jobs/jobs.ts';
import { createLogger } from './platform/log.ts';
import { type ServeOptions, startServer } from './server.ts';

export class WorkersNeedServerDatabase extends Error {
  constructor() {
    super('--workers needs a PostgreSQL server (DATABASE_URL): an embedded database is opened by one process only');
  }
}

/** Starts N HTTP processes (N ≥ 2) under this primary; with N = 1, or in a forked process, one server. */
export async function serveWithWorkers(config: Config, workers: number, options: ServeOptions = {}): Promise<void> {
  if (cluster.isWorker) {
    await startServer(config, { jobs: false });
    return;
  }
  if (workers <= 1) {
    await startServer(config, options);
    return;
  }
  if (!config.DATABASE_URL) throw new WorkersNeedServerDatabase();
  const log = createLogger(config);
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
  await migrateToLatest(handle.db);
  await options.bootstrap?.(handle.db);
  if (options.jobs !== false) await startJobs({ jobs: JOBS, connectionString: handle.url, db: handle.db, log });
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log.warn({ worker: worker.id, code, signal }, 'an HTTP process stopped; starting another');
    cluster.fork();
  });
  log.info({ url: `http://localhost:${config.PORT}`, workers, jobs: options.jobs !== false }, 'Sapa is listening');
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down the HTTP processes');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    await stopJobs();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** `sapa worker`: the background jobs alone, beside HTTP processes started with --no-jobs. */
export async function runJobWorker(config: Config): Promise<void> {
  const log = createLogger(config);
  if (!config.DATABASE_URL) throw new WorkersNeedServerDatabase();
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
  await migrateToLatest(handle.db);
  await startJobs({ jobs: JOBS, connectionString: handle.url, db: handle.db, log });
  log.info({ jobs: JOBS.map((j) => j.name) }, 'job worker running');
  const shutdown = async () => {
    await stopJobs();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

// Starts Sapa: config, database (embedded or server), migrations, HTTP, graceful shutdown.
import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { JOBS } from './jobs.ts';
import { type Config, demoModeWarning } from './config.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { openReplicas } from './platform/db/replicas.ts';
import { answerMalformedRequests } from './platform/http/client-errors.ts';
import { createLogger } from './platform/log.ts';
import { startJobs, stopJobs } from './platform/jobs/jobs.ts';

export type ServeOptions = {
  bootstrap?: (db: import('./platform/db/database.ts').Db) => Promise<void>;
  /** false: this process only queues jobs; a `sapa worker` (or the cluster's primary) runs them. */
  jobs?: boolean;
};

export async function startServer(config: Config, options: ServeOptions = {}) {
  const log = createLogger(config);
  const handle = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DB_POOL_SIZE });
  log.info({ database: handle.embedded ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL from DATABASE_URL' }, 'database open');
  const demoWarning = demoModeWarning(config);
  if (demoWarning) log.warn(demoWarning);
  const lock = handle.embedded?.lock;
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  await options.bootstrap?.(handle.db);
  // Replicas serve public reads on a server database only; the embedded one has none.
  const replicas =
    config.DATABASE_URL && config.DATABASE_REPLICA_URLS.length
      ? openReplicas({
          urls: config.DATABASE_REPLICA_URLS,
          primary: handle.db,
          poolSize: config.DB_POOL_SIZE,
          maxLagSeconds: config.REPLICA_MAX_LAG_SECONDS,
          onChange: (url, healthy, reason) => log[healthy ? 'info' : 'warn']({ replica: url.replace(/\/\/[^@/]*@/, '//'), reason }, healthy ? 'read replica in use' : 'read replica skipped'),
        })
      : undefined;
  const app = createApp({ db: handle.db, config, log, replicas });
  await startJobs({ jobs: JOBS, connectionString: handle.url, db: handle.db, log, work: options.jobs !== false });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    // CLI commands and a second `npm start` read where this server is from the lock.
    lock?.publish({ httpUrl: `http://localhost:${info.port}` });
    log.info(
      // With --workers, every process listens on the same port (node:cluster shares it).
      { url: `http://localhost:${info.port}`, ...(cluster.isWorker ? { worker: cluster.worker?.id } : {}) },
      'HTTP process ready',
    );
    if (cluster.isWorker) return;
    log.info({ url: `http://localhost:${info.port}`, docs: `http://localhost:${info.port}/api/docs` }, 'Sapa is listening');
  });

  answerMalformedRequests(server);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    server.close();
    await stopJobs();
    await replicas?.close();
    await handle.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return { server, handle, app };
}

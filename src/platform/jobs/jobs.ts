// Background jobs on pg-boss 12, in the same database as the data (batch issuance, imports,
// exports, reminders). Modules define their jobs (`defineJob`); the server passes the list of every
// job to `startJobs` (src/jobs.ts), so what runs is visible in one place and nothing registers
// itself by being imported. One runner per process. pg-boss keeps a small pool of its own (its
// maintenance sends multi-statement scripts whose every result it reads, which a Kysely connection
// does not return), while a job can still be enqueued inside the caller's Kysely transaction.
import type { Logger } from 'pino';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';

export type JobContext = { db: Db; log: Logger; jobId: string };

export type JobDefinition<T = unknown> = {
  name: string;
  // A method, so a job of any data type fits a list of JobDefinition (data comes from pg-boss).
  handler(data: T, job: JobContext): Promise<void>;
  /** Attempts after the first failure (default 2). */
  retryLimit?: number;
  /** Also runs on this cron schedule (Asia/Almaty) once the runner starts. */
  cron?: string;
};

/** A job a module offers; it runs only once it is in the list given to `startJobs`. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/**
 * How a job whose worker died (kill -9, a lost machine) comes back. A live worker refreshes the
 * job's heartbeat every HEARTBEAT_SECONDS / 2; the supervisor, every SUPERVISE_SECONDS, fails a job
 * whose heartbeat is older than HEARTBEAT_SECONDS, and pg-boss retries it after RETRY_DELAY_SECONDS
 * (a job resumes where it stopped, e.g. a batch's pending rows). Without a heartbeat pg-boss waits
 * for its 15-minute expiry instead. Worst case: heartbeat + supervision + retry delay + polling, under a minute.
 */
export const RECOVERY = { HEARTBEAT_SECONDS: 20, SUPERVISE_SECONDS: 10, RETRY_DELAY_SECONDS: 5, RETRY_DELAY_MAX_SECONDS: 10, POLLING_SECONDS: 2 } as const;

let running: { boss: PgBoss; db: Db; log: Logger; names: Set<string> } | null = null;

export type StartJobsOptions = {
  /** Every job this process may queue or work on. */
  jobs: readonly JobDefinition[];
  /** The database pg-boss connects to (the app's; embedded PGlite serves it on a local socket). */
  connectionString: string;
  /** pg-boss's own pool; embedded mode allows the app pool + 4 connections. */
  poolSize?: number;
  /** The app's database, handed to job handlers. */
  db: Db;
  log: Logger;
  /** How often idle workers look for work; tests use a short one. */
  pollingIntervalSeconds?: number;
  /** false: only enqueue (a web process beside separate worker processes). */
  work?: boolean;
  /** How often lost jobs are looked for (RECOVERY.SUPERVISE_SECONDS); tests use a short one. */
  superviseIntervalSeconds?: number;
};

/** Starts pg-boss (installing its schema on first use), creates the queues and their workers. */
export async function startJobs(options: StartJobsOptions): Promise<void> {
  if (running) return;
  // Loaded when a runner starts, not by every module that defines a job.
  const { PgBoss } = await import('pg-boss');
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: options.poolSize ?? 2,
    schema: 'pgboss',
    // Scheduling and maintenance need a leader; one process doing them is enough for Sapa.
    schedule: options.work !== false && options.jobs.some((j) => j.cron),
    supervise: options.work !== false,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? RECOVERY.SUPERVISE_SECONDS,
    // Heartbeat failures are found by the queue monitor, which runs only this often.
    monitorIntervalSeconds: options.superviseIntervalSeconds ?? RECOVERY.SUPERVISE_SECONDS,
    migrate: true,
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'job runner error'));
  await boss.start();
  running = { boss, db: options.db, log: options.log, names: new Set(options.jobs.map((j) => j.name)) };
  for (const { name, handler, retryLimit } of options.jobs) {
    const queueOptions = { retryLimit: retryLimit ?? 2, retryDelay: RECOVERY.RETRY_DELAY_SECONDS, retryBackoff: true, retryDelayMax: RECOVERY.RETRY_DELAY_MAX_SECONDS, heartbeatSeconds: RECOVERY.HEARTBEAT_SECONDS };
    // createQueue keeps an existing queue's options, so a queue made by an older release gets them here.
    await boss.createQueue(name, queueOptions);
    await boss.updateQueue(name, queueOptions);
    if (options.work === false) continue;
    await boss.work<object>(name, { pollingIntervalSeconds: Math.max(0.5, options.pollingIntervalSeconds ?? RECOVERY.POLLING_SECONDS), batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        const log = options.log.child({ job: name, jobId: job.id });
        try {
          await handler(job.data, { db: options.db, log, jobId: job.id });
        } catch (error) {
          log.error({ err: error }, 'job failed');
          throw error;
        }
      }
    });
  }
  if (options.work === false) return;
  for (const { name, cron } of options.jobs) if (cron) await boss.schedule(name, cron, null, { tz: 'Asia/Almaty' });
}

/** Stops the workers, letting a running job finish (up to the timeout). */
export async function stopJobs(timeoutMs = 10_000): Promise<void> {
  const current = running;
  running = null;
  if (!current) return;
  await current.boss.stop({ graceful: true, timeout: timeoutMs });
}

export function jobsRunning(): boolean {
  return running !== null;
}

/**
 * Queues a job. Pass the transaction the job's records were written in: the job then exists
 * only if that transaction commits, and the worker never sees half-written records.
 */
export async function enqueueJob(name: string, data: object, options: { db?: Db; singletonKey?: string } = {}): Promise<string> {
  if (!running) throw new Error(`the job runner is not started; cannot queue ${name}`);
  if (!running.names.has(name)) throw new Error(`no handler registered for job ${name}`);
  const { fromKysely } = await import('pg-boss');
  const id = await running.boss.send(name, data, {
    ...(options.db ? { db: fromKysely(options.db) } : {}),
    singletonKey: options.singletonKey,
  });
  if (!id) throw new Error(`job ${name} was not queued (a job with the same key is waiting)`);
  return id;
}

/** The state of a queued job as pg-boss keeps it ('created', 'active', 'completed', 'failed', ...). */
export async function jobState(name: string, id: string): Promise<string | null> {
  if (!running) return null;
  const [job] = await running.boss.findJobs(name, { id });
  return job?.state ?? null;
}

// Background jobs on pg-boss 12, in the same database as the data (batch issuance, imports,
// exports, reminders). Handlers are registered by modules at import time; the server (or a test)
// starts one runner per process. pg-boss keeps a small pool of its own (its maintenance sends
// multi-statement scripts whose every result it reads, which a Kysely connection does not return),
// while a job can still be enqueued inside the caller's Kysely transaction.
import type { Logger } from 'pino';
import { PgBoss, fromKysely } from 'pg-boss';
import type { Db } from '../db/database.ts';

export type JobContext = { db: Db; log: Logger; jobId: string };
export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

type Registered = { handler: JobHandler<unknown>; retryLimit: number };
const handlers = new Map<string, Registered>();
const schedules = new Map<string, { cron: string; data: object | null }>();

let running: { boss: PgBoss; db: Db; log: Logger } | null = null;

/** Registers the handler of a job name (once per name; modules call this at import time). */
export function registerJob<T>(name: string, handler: JobHandler<T>, options: { retryLimit?: number } = {}): void {
  // The queue gives back the JSON enqueueJob was given for this name, so it is that handler's T.
  handlers.set(name, { handler: (data, job) => handler(data as T, job), retryLimit: options.retryLimit ?? 2 });
}

/** Runs a registered job on a cron schedule (Asia/Almaty) once the runner starts. */
export function scheduleJob(name: string, cron: string, data: object | null = null): void {
  schedules.set(name, { cron, data });
}

export type StartJobsOptions = {
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
};

/** Starts pg-boss (installing its schema on first use), creates the queues and their workers. */
export async function startJobs(options: StartJobsOptions): Promise<void> {
  if (running) return;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: options.poolSize ?? 2,
    schema: 'pgboss',
    // Scheduling and maintenance need a leader; one process doing them is enough for Sapa.
    schedule: schedules.size > 0,
    supervise: true,
    migrate: true,
  });
  boss.on('error', (error) => options.log.error({ err: error }, 'job runner error'));
  await boss.start();
  running = { boss, db: options.db, log: options.log };
  for (const [name, { handler, retryLimit }] of handlers) {
    await boss.createQueue(name, { retryLimit, retryDelay: 5, retryBackoff: true });
    if (options.work === false) continue;
    await boss.work<object>(name, { pollingIntervalSeconds: Math.max(0.5, options.pollingIntervalSeconds ?? 2), batchSize: 1 }, async (jobs) => {
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
  for (const [name, { cron, data }] of schedules) await boss.schedule(name, cron, data, { tz: 'Asia/Almaty' });
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
  if (!handlers.has(name)) throw new Error(`no handler registered for job ${name}`);
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

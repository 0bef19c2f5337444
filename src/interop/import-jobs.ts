// Committing an import as a job with progress. Starting checks who may import and that the file
// reads, stores the file and queues the job in the caller's transaction; the job re-reads the
// starter's current roles and commits through the one engine (all rows in one transaction, or
// nothing), writing its progress (rows done of total) as it goes and its outcome at the end.
import type { Logger } from 'pino';
import { type Actor, actorId, actorLabel, systemActor } from '../platform/access/roles.ts';
import { actorOfUser } from '../platform/auth/auth.service.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError, notFound, unauthenticated } from '../platform/errors.ts';
import { type Problem, problemFor } from '../platform/http/problem.ts';
import { type Lang, LANGUAGES } from '../platform/i18n/i18n.ts';
import { defineJob, enqueueJob } from '../platform/jobs/jobs.ts';
import * as repo from './import-jobs.repository.ts';
import type { ImportJobState, StoredProblem } from './import-jobs.table.ts';
import type { ImportOutcome } from './import-run.ts';
import { type UploadOptions, commitImport, problemOfOutcome, readUpload, registerDescriptor, requireImport } from './import-service.ts';

export const COMMIT_IMPORT_JOB = 'interop.commit-import';
const IMPORT_JOB = 'import-job';

export type ImportJobView = {
  id: string;
  register: string;
  state: ImportJobState;
  done: number;
  total: number;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Rows created, updated, unchanged and every problem, once the job has run. */
  outcome: ImportOutcome | null;
  /** Why nothing was stored (state failed), in the reader's language. */
  problem: Problem | null;
};

export const importJobPath = (id: string) => `/api/imports/jobs/${id}`;

function present(ctx: Ctx, job: repo.ImportJobRecord): ImportJobView {
  const p = job.problem;
  const problem = p
    ? problemFor(new AppError(p.code, p.status, p.messageKey, { params: p.params, issues: p.issues, extra: p.extra }), ctx.lang, importJobPath(job.id), ctx.requestId)
    : null;
  return {
    id: job.id,
    register: job.register,
    state: job.state,
    done: job.done,
    total: job.total,
    createdBy: job.created_by_label,
    createdAt: job.created_at.toISOString(),
    startedAt: job.started_at?.toISOString() ?? null,
    finishedAt: job.finished_at?.toISOString() ?? null,
    outcome: job.outcome,
    problem,
  };
}

/** Checks the actor and the file, then queues the commit (in the caller's transaction). */
export async function startImportCommit(ctx: Ctx, register: string, bytes: Uint8Array, options: UploadOptions = {}): Promise<ImportJobView> {
  const descriptor = registerDescriptor(register);
  requireImport(ctx, descriptor);
  const table = await readUpload(bytes, options);
  const id = await repo.insertImportJob(ctx.db, {
    register: descriptor.register,
    total: table.rows.length,
    file: bytes,
    encoding: options.encoding,
    lang: ctx.lang,
    createdBy: actorId(ctx.actor),
    createdByLabel: actorLabel(ctx.actor),
  });
  await repo.setJobId(ctx.db, id, await enqueueJob(COMMIT_IMPORT_JOB, { importId: id }, { db: ctx.db }));
  return getImportJob(ctx, id);
}

/** A job is seen by whoever started it (another user gets 404, as if it did not exist). */
export async function getImportJob(ctx: Ctx, id: string): Promise<ImportJobView> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const job = await repo.findImportJob(ctx.db, id);
  if (!job || (ctx.actor.kind === 'user' && job.created_by !== ctx.actor.userId)) throw notFound(IMPORT_JOB, id);
  return present(ctx, job);
}

const stored = (error: AppError): StoredProblem => ({
  code: error.code,
  status: error.status,
  messageKey: error.messageKey,
  params: error.details.params,
  issues: error.details.issues,
  extra: error.details.extra,
});

/**
 * Writes progress beside the commit's transaction, at most one write in flight and a few a second.
 * (On embedded PGlite another connection waits for the transaction, so the writes land at its end.)
 */
function progressWriter(db: Db, id: string) {
  let inFlight = false;
  let lastAt = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (inFlight || (now - lastAt < 250 && done < total)) return;
    inFlight = true;
    lastAt = now;
    repo
      .setProgress(db, id, done)
      .catch(() => {})
      .finally(() => {
        inFlight = false;
      });
  };
}

/** Runs a queued commit once; a job already finished is left as it is (a retry changes nothing). */
export async function runImportJob(db: Db, log: Logger, id: string): Promise<void> {
  const job = await repo.findImportJob(db, id);
  if (!job || job.state === 'completed' || job.state === 'failed') return;
  const file = await repo.fileOf(db, id);
  await repo.markRunning(db, id);
  const actor: Actor = job.created_by ? await actorOfUser({ db }, job.created_by) : systemActor(job.created_by_label);
  const lang = (LANGUAGES as readonly string[]).includes(job.lang) ? (job.lang as Lang) : 'en';
  const ctx: Ctx = { db, actor, lang, log, requestId: `import:${id}` };
  let outcome: ImportOutcome | null = null;
  let problem: StoredProblem | null = null;
  try {
    outcome = await commitImport(ctx, job.register, file ?? new Uint8Array(), { ...job.options, onProgress: progressWriter(db, id) });
    if (!outcome.committed) problem = stored(problemOfOutcome(outcome));
  } catch (error) {
    if (!(error instanceof AppError)) log.error({ err: error, importId: id }, 'import job failed');
    problem = stored(error instanceof AppError ? error : new AppError('internal', 500, 'errors.internal'));
  }
  await repo.markFinished(db, id, { state: problem ? 'failed' : 'completed', done: outcome?.total ?? 0, outcome, problem });
}

// A worker lost mid-commit leaves its transaction rolled back and the job 'running': the retry runs it again.
export const commitImportJob = defineJob<{ importId: string }>({
  name: COMMIT_IMPORT_JOB,
  async handler(data, job) {
    await runImportJob(job.db, job.log, data.importId);
  },
});

/** Imports of the signed-in user that failed in the last 30 days: their workspace home lists them. */
export async function myFailedImports(ctx: Ctx): Promise<number> {
  if (ctx.actor.kind !== 'user') return 0;
  return repo.failedImportsOf(ctx.db, ctx.actor.userId, new Date(Date.now() - 30 * 86_400_000));
}

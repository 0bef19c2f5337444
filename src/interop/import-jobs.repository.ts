// SQL of import jobs.
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import type { ImportOutcome } from './import-run.ts';
import type { StoredProblem } from './import-jobs.table.ts';

export type ImportJobRecord = Awaited<ReturnType<typeof findImportJob>> & {};

const COLUMNS = [
  'id', 'register', 'state', 'done', 'total', 'options', 'lang', 'created_by', 'created_by_label',
  'outcome', 'problem', 'job_id', 'created_at', 'started_at', 'finished_at',
] as const;

export async function insertImportJob(
  db: Db,
  job: { register: string; total: number; file: Uint8Array; encoding?: string; lang: string; createdBy: string | null; createdByLabel: string },
): Promise<string> {
  const row = await db
    .insertInto('import_jobs')
    .values({
      register: job.register,
      total: job.total,
      file: job.file,
      options: toJson(job.encoding ? { encoding: job.encoding } : {}),
      lang: job.lang,
      created_by: job.createdBy,
      created_by_label: job.createdByLabel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findImportJob(db: Db, id: string) {
  return db.selectFrom('import_jobs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function fileOf(db: Db, id: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('import_jobs').select('file').where('id', '=', id).executeTakeFirst();
  return row?.file ?? null;
}

export async function setJobId(db: Db, id: string, jobId: string): Promise<void> {
  await db.updateTable('import_jobs').set({ job_id: jobId }).where('id', '=', id).execute();
}

export async function markRunning(db: Db, id: string): Promise<void> {
  await db.updateTable('import_jobs').set({ state: 'running', done: 0, started_at: new Date() }).where('id', '=', id).execute();
}

/** Progress only moves forward and only while running (a late write never undoes the finish). */
export async function setProgress(db: Db, id: string, done: number): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set((eb) => ({ done: eb.fn('greatest', [eb.ref('done'), eb.val(done)]) }))
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

export async function markFinished(
  db: Db,
  id: string,
  end: { state: 'completed' | 'failed'; done: number; outcome: ImportOutcome | null; problem: StoredProblem | null },
): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({
      state: end.state,
      done: end.done,
      outcome: end.outcome ? toJson(end.outcome) : null,
      problem: end.problem ? toJson(end.problem) : null,
      file: null,
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** How many of a user's imports failed since a moment (for their workspace home). */
export async function failedImportsOf(db: Db, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('import_jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_by', '=', userId)
    .where('state', '=', 'failed')
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

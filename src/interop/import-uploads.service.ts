// Imports from the workspace pages: the uploaded file is kept (for its uploader only) between the
// preview and the commit, because a page without JavaScript cannot hold the file itself. The commit
// runs as the importer's job (import-jobs.ts), whose progress and outcome the result page shows.
import { type Actor, actorId } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import { cleanFileName } from '../platform/files/file-kinds.ts';
import { maxUploadBytes } from '../platform/files/files.ts';
import { getImportJob, type ImportJobView, startImportCommit } from './import-jobs.ts';
import type { ImportOutcome } from './import-run.ts';
import { mayImport, previewImport, registerDescriptor } from './import-service.ts';
import { REGISTER_NAMES } from './import-registers.ts';
import * as repo from './import-uploads.repository.ts';

const KEPT_DAYS = 7;
const UPLOAD = 'import-upload';

export type StagedUpload = {
  id: string;
  register: string;
  fileName: string;
  encoding: string | null;
  /** The commit's job, once it was asked for: its state, rows done of total, and outcome. */
  commit: ImportJobView | null;
};

function userOf(ctx: Ctx): string {
  const id = actorId(ctx.actor);
  if (!id) throw unauthenticated();
  return id;
}

/** The registers this person may import into, in the workspace's order. */
export const importableRegisters = (actor: Actor): string[] => REGISTER_NAMES.filter((r) => mayImport(actor, registerDescriptor(r)));

const fileIssue = (messageKey: string, params?: Record<string, string | number>) =>
  new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path: 'file', messageKey, params }] });

/** Keeps an upload for a register the actor may import into; its id leads to the preview. */
export async function stageUpload(ctx: Ctx, input: { register: string; fileName: string; encoding?: string; bytes: Uint8Array }): Promise<string> {
  const userId = userOf(ctx);
  const descriptor = registerDescriptor(input.register);
  if (!mayImport(ctx.actor, descriptor)) throw forbidden(descriptor.permission);
  if (!input.bytes.byteLength) throw fileIssue('errors.interop.noFile');
  if (input.bytes.byteLength > maxUploadBytes()) {
    throw fileIssue('errors.documents.fileTooLarge', { maxMb: Math.round((maxUploadBytes() / 1048576) * 10) / 10 });
  }
  await repo.dropUploadsBefore(ctx.db, userId, new Date(Date.now() - KEPT_DAYS * 86_400_000));
  return repo.insertUpload(ctx.db, {
    userId,
    register: input.register,
    fileName: cleanFileName(input.fileName),
    encoding: input.encoding || null,
    bytes: input.bytes,
  });
}

async function uploadRow(ctx: Ctx, id: string, options: { forUpdate?: boolean } = {}) {
  const row = await repo.findUpload(ctx.db, id, userOf(ctx), options);
  if (!row) throw notFound(UPLOAD, id);
  return row;
}

const present = async (ctx: Ctx, row: Awaited<ReturnType<typeof uploadRow>>): Promise<StagedUpload> => ({
  id: row.id,
  register: row.register,
  fileName: row.file_name,
  encoding: row.encoding,
  commit: row.import_job_id ? await getImportJob(ctx, row.import_job_id) : null,
});

export async function stagedUpload(ctx: Ctx, id: string): Promise<StagedUpload> {
  return present(ctx, await uploadRow(ctx, id));
}

/** What the kept file would do; nothing is stored. A file that cannot be read is a 422 naming `file`. */
export async function previewUpload(ctx: Ctx, id: string): Promise<{ upload: StagedUpload; outcome: ImportOutcome }> {
  const row = await uploadRow(ctx, id);
  const outcome = await previewImport(ctx, row.register, row.bytes, { encoding: row.encoding ?? undefined });
  return { upload: await present(ctx, row), outcome };
}

/**
 * Starts storing the kept file, all or nothing, as a job (call inside a transaction); the row lock
 * makes a second click, even a simultaneous one, find the first click's job instead of starting one.
 */
export async function startUploadCommit(ctx: Ctx, id: string): Promise<ImportJobView> {
  const row = await uploadRow(ctx, id, { forUpdate: true });
  if (row.import_job_id) return getImportJob(ctx, row.import_job_id);
  const job = await startImportCommit(ctx, row.register, row.bytes, { encoding: row.encoding ?? undefined });
  await repo.setImportJob(ctx.db, id, job.id);
  return job;
}

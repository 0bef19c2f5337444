// Imports from the workspace pages: the uploaded file is kept (for its uploader only) between the
// preview and the commit, because a page without JavaScript cannot hold the file itself; the
// commit's outcome is kept for the result page. Previews and commits are the importer's own.
import { type Actor, actorId } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../platform/errors.ts';
import { cleanFileName } from '../platform/files/file-kinds.ts';
import { maxUploadBytes } from '../platform/files/files.ts';
import type { ImportOutcome } from './import-run.ts';
import { commitImport, mayImport, previewImport, registerDescriptor } from './import-service.ts';
import { REGISTER_NAMES } from './import-registers.ts';
import * as repo from './import-uploads.repository.ts';

const KEPT_DAYS = 7;
const UPLOAD = 'import-upload';

export type StagedUpload = { id: string; register: string; fileName: string; encoding: string | null; committed: boolean; outcome: ImportOutcome | null };

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

async function uploadRow(ctx: Ctx, id: string) {
  const row = await repo.findUpload(ctx.db, id, userOf(ctx));
  if (!row) throw notFound(UPLOAD, id);
  return row;
}

const present = (row: Awaited<ReturnType<typeof uploadRow>>): StagedUpload => ({
  id: row.id,
  register: row.register,
  fileName: row.file_name,
  encoding: row.encoding,
  committed: row.committed_at !== null,
  outcome: row.outcome as ImportOutcome | null,
});

export async function stagedUpload(ctx: Ctx, id: string): Promise<StagedUpload> {
  return present(await uploadRow(ctx, id));
}

/** What the kept file would do; nothing is stored. A file that cannot be read is a 422 naming `file`. */
export async function previewUpload(ctx: Ctx, id: string): Promise<{ upload: StagedUpload; outcome: ImportOutcome }> {
  const row = await uploadRow(ctx, id);
  const outcome = await previewImport(ctx, row.register, row.bytes, { encoding: row.encoding ?? undefined });
  return { upload: present(row), outcome };
}

/**
 * Stores the kept file, all or nothing (call inside a transaction). A second commit of the same
 * upload (a second click) answers with the first one's outcome and writes nothing.
 */
export async function commitUpload(ctx: Ctx, id: string): Promise<ImportOutcome> {
  const row = await uploadRow(ctx, id);
  if (row.committed_at && row.outcome) return row.outcome as ImportOutcome;
  const outcome = await commitImport(ctx, row.register, row.bytes, { encoding: row.encoding ?? undefined });
  if (outcome.committed) await repo.markCommitted(ctx.db, id, outcome);
  return outcome;
}

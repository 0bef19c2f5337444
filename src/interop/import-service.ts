// Importing a file into a register: who may, how the upload is read, and preview versus commit.
// Routes, pages and the CLI all come through here.
import { type Actor, holdsAnywhere } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, forbidden, unauthenticated } from '../platform/errors.ts';
import type { Table } from '../platform/tabular/read-table.ts';
import { readUploadTable } from '../platform/tabular/upload.ts';
import type { AnyDescriptor } from './import-descriptor.ts';
import { descriptorOf } from './import-registers.ts';
import { type ImportOutcome, type RunOptions, runImport } from './import-run.ts';

export const MAX_IMPORT_ROWS = 20_000;

export type UploadOptions = { encoding?: string; delimiter?: string };

export function registerDescriptor(register: string): AnyDescriptor {
  const descriptor = descriptorOf(register);
  if (!descriptor) throw new AppError('not_found', 404, 'errors.interop.unknownRegister', { params: { register } });
  return descriptor;
}

/** Whether the actor holds the register's import permission for some organization or everywhere. */
export function mayImport(actor: Actor, descriptor: AnyDescriptor): boolean {
  return holdsAnywhere(actor, descriptor.permission);
}

/** Throws 401/403 unless the actor may import into the register. */
export function requireImport(ctx: Ctx, descriptor: AnyDescriptor): void {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  if (!mayImport(ctx.actor, descriptor)) throw forbidden(descriptor.permission);
}

export async function readUpload(bytes: Uint8Array, options: UploadOptions = {}): Promise<Table> {
  return readUploadTable(bytes, options, 'file', MAX_IMPORT_ROWS);
}

/** What the file would do: rows to create, update or leave, and every problem; nothing is stored. */
export async function previewImport(ctx: Ctx, register: string, bytes: Uint8Array, options: UploadOptions = {}): Promise<ImportOutcome> {
  const descriptor = registerDescriptor(register);
  requireImport(ctx, descriptor);
  return runImport(ctx, descriptor, await readUpload(bytes, options), { commit: false });
}

/** Stores the whole file or, when any row has a problem, nothing (the outcome lists the problems). */
export async function commitImport(
  ctx: Ctx,
  register: string,
  bytes: Uint8Array,
  options: UploadOptions & Pick<RunOptions, 'onProgress' | 'beforeRow'> = {},
): Promise<ImportOutcome> {
  const descriptor = registerDescriptor(register);
  requireImport(ctx, descriptor);
  return runImport(ctx, descriptor, await readUpload(bytes, options), { commit: true, onProgress: options.onProgress, beforeRow: options.beforeRow });
}

/** The 422 a commit with problems answers: every problem, already localized with its row and column. */
export function problemOfOutcome(outcome: ImportOutcome): AppError {
  return new AppError('validation_failed', 422, 'errors.validationFailed', {
    // The key says which rule; the message is the localized text.
    issues: outcome.problems.map((p) => ({ path: `rows.${p.row}${p.column ? `.${p.column}` : ''}`, messageKey: 'errors.interop.problem', params: { message: p.message } })),
    extra: { badRows: [...new Set(outcome.problems.map((p) => p.row))] },
  });
}

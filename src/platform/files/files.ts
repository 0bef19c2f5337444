// The file store: uploads checked by content, stored once per SHA-256 (deduplicated), with a
// `files` row per content. Bytes become visible only after the row's transaction commits, so a
// refused upload or a rolled-back transaction leaves neither a row nor a file behind.
import { createHash } from 'node:crypto';
import { type Ctx, inTransaction } from '../context.ts';
import type { Db } from '../db/database.ts';
import { validationFailed } from '../errors.ts';
import { recordChange } from '../history/history.ts';
import { actorId } from '../access/roles.ts';
import { settings } from '../settings.ts';
import { type BlobStore, type StagedBlob, localBlobStore } from './blob-store.ts';
import { DOCUMENT_KINDS, type FileKind, inspectUpload } from './file-kinds.ts';

export type StoredFile = { sha256: string; size: number; mediaType: string; extension: string };

let override: BlobStore | null = null;

/** The configured store: FILES_DIR on the local disk unless another store was set. */
export function fileStore(): BlobStore {
  return override ?? localBlobStore(settings().FILES_DIR);
}

/** Replaces the store (an S3-compatible adapter, or a test double); null restores the default. */
export function useFileStore(store: BlobStore | null): void {
  override = store;
}

/** Staged bytes of one unit of work, published only if that work (and its transaction) succeeds. */
export type FileBatch = { stage(bytes: Uint8Array, sha256: string): Promise<void> };

/**
 * Runs `work` (which should open and finish the transaction, e.g. `writeTx`) with a batch that
 * putFile stages into; publishes the staged bytes when `work` resolved, discards them when it threw.
 */
export async function withFileBatch<T>(work: (batch: FileBatch) => Promise<T>): Promise<T> {
  const store = fileStore();
  const pending: { staged: StagedBlob; sha256: string }[] = [];
  const batch: FileBatch = {
    async stage(bytes, sha256) {
      pending.push({ staged: await store.stage(bytes), sha256 });
    },
  };
  let result: T;
  try {
    result = await work(batch);
  } catch (error) {
    await Promise.all(pending.map((p) => store.discard(p.staged)));
    throw error;
  }
  for (const p of pending) await store.publish(p.staged, p.sha256);
  return result;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const maxUploadBytes = () => Math.floor(settings().MAX_UPLOAD_MB * 1024 * 1024);

/**
 * Checks the upload (size, type by content, name matching the content) and records it in the
 * caller's transaction; 422 listing the reason when refused, and then nothing is staged.
 */
export async function putFile(
  ctx: Ctx,
  bytes: Uint8Array,
  options: { declaredName: string; batch: FileBatch; allowed?: readonly FileKind[]; path?: string },
): Promise<StoredFile> {
  const inspected = await inspectUpload(bytes, options.declaredName, {
    maxBytes: maxUploadBytes(),
    allowed: options.allowed ?? DOCUMENT_KINDS,
    path: options.path,
  });
  if (!inspected.ok) throw validationFailed(inspected.issues);
  const file: StoredFile = { sha256: sha256Hex(bytes), size: bytes.byteLength, mediaType: inspected.file.mediaType, extension: inspected.file.extension };
  const inserted = await ctx.db
    .insertInto('files')
    .values({ sha256: file.sha256, size: file.size, media_type: file.mediaType, extension: file.extension, created_by: actorId(ctx.actor) })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .returning('sha256')
    .executeTakeFirst();
  // Same content already stored: nothing to write, unless its bytes went missing (then they are restored).
  if (inserted || !(await fileStore().has(file.sha256))) await options.batch.stage(bytes, file.sha256);
  if (inserted) {
    await recordChange(ctx, { entityType: 'file', entityId: file.sha256, action: 'file.store', before: null, after: file, versioned: false });
  }
  return file;
}

/**
 * For callers outside a request (CLI, jobs): stores one file in its own transaction and publishes
 * it after the commit. Inside a request, use withFileBatch around writeTx and putFile instead.
 */
export async function storeFile(ctx: Ctx, bytes: Uint8Array, options: { declaredName: string; allowed?: readonly FileKind[] }): Promise<StoredFile> {
  // Inside an open transaction the bytes would be published before that transaction commits.
  if (ctx.db.isTransaction) throw new Error('storeFile opens its own transaction: call putFile with a batch instead');
  return withFileBatch((batch) => inTransaction(ctx, (trx) => putFile(trx, bytes, { ...options, batch })));
}

export async function fileMeta(db: Db, sha256: string): Promise<StoredFile | null> {
  const row = await db.selectFrom('files').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  return row ? { sha256: row.sha256, size: row.size, mediaType: row.media_type, extension: row.extension } : null;
}

/** The stored bytes, or null when the store does not have them. */
export function readFileBytes(sha256: string): Promise<Uint8Array | null> {
  return fileStore().read(sha256);
}

/** Content-Disposition for a download under the uploader's name (RFC 6266 / RFC 5987 for non-ASCII). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

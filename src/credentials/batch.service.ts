// Batch issuance from a CSV of learners. Every row is checked before anything is issued; by
// default one bad row stops the whole batch (listing every bad row), `partial` issues the good
// ones. Issuing runs as a job with progress; the same file for the same specification is one
// batch, and each row carries an idempotency key (specification + learner + date of award), so
// running a batch again, or another file naming the same learner and date, issues nothing twice.
import type { Logger } from 'pino';
import { systemActor } from '../platform/access/roles.ts';
import { actorId, actorLabel } from '../platform/access/roles.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError, conflict, notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { translator } from '../platform/i18n/i18n.ts';
import { defineJob, enqueueJob } from '../platform/jobs/jobs.ts';
import { todayInAlmaty } from '../frameworks/frameworks.api.ts';
import type { BatchRowError } from './credential-products.table.ts';
import { type BatchRow, type CheckedRow, checkBatchCsv, checkBatchTable, contentHash, tableContentHash } from './batch.rows.ts';
import { type RowsPreview, readUploadTable, rowsPreview } from '../platform/tabular/upload.ts';
import { decodeText } from '../platform/tabular/decode.ts';
import * as repo from './batch.repository.ts';
import { issueFromSpecification, standardsOf } from './specification.issue.ts';
import { findSpecification } from './specification.repository.ts';
import { assertStillEntitled, getSpecification, presentSpecification } from './specification.service.ts';
import { credentialAccess } from './credentials.access.ts';

export const ISSUE_BATCH_JOB = 'credentials.issue-batch';
const BATCH = 'credential-batch';

export type BatchRowView = {
  row: number;
  status: string;
  name: string | null;
  credentialId: string | null;
  errors: { column: string; key: string; message: string }[];
};

export type BatchView = {
  id: string;
  specificationId: string;
  organizationId: string;
  status: string;
  partial: boolean;
  total: number;
  done: number;
  issued: number;
  skipped: number;
  invalid: number;
  failed: number;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  rows: BatchRowView[];
  /** Where the next page of rows starts (pass as `cursor`), or null when these are the last. */
  nextCursor: string | null;
};

/** A batch's rows a page at a time: BATCH_ROWS.default unless asked, never more than BATCH_ROWS.max. */
export const BATCH_ROWS = { default: 100, max: 1000 } as const;
export type BatchRowsPage = { cursor?: number; limit?: number };

function present(ctx: Ctx, b: repo.BatchRecord, rows: repo.BatchRowRecord[], nextCursor: string | null = null): BatchView {
  const t = translator(ctx.lang);
  return {
    id: b.id,
    specificationId: b.specification_id,
    organizationId: b.organization_id,
    status: b.status,
    partial: b.partial,
    total: b.total,
    done: b.done,
    issued: b.issued,
    skipped: b.skipped,
    invalid: b.invalid,
    failed: b.failed,
    createdBy: b.created_by_label,
    createdAt: b.created_at.toISOString(),
    startedAt: b.started_at?.toISOString() ?? null,
    finishedAt: b.finished_at?.toISOString() ?? null,
    error: b.error,
    rows: rows.map((r) => ({
      row: r.row_number,
      status: r.status,
      name: r.data.name ?? null,
      credentialId: r.credential_id,
      errors: r.errors.map((e) => ({ column: e.column, key: e.messageKey, message: t(e.messageKey, e.params) })),
    })),
    nextCursor,
  };
}

/** A batch with one page of its rows (those after `cursor`, a row number), in file order. */
export async function getBatch(ctx: Ctx, id: string, page: BatchRowsPage = {}): Promise<BatchView> {
  const batch = await repo.findBatch(ctx.db, id);
  if (!batch) throw notFound(BATCH, id);
  credentialAccess(ctx, batch.organization_id).require('issue');
  return withRows(ctx, batch, page);
}

async function withRows(ctx: Ctx, batch: repo.BatchRecord, page: BatchRowsPage = {}): Promise<BatchView> {
  const limit = Math.max(1, Math.min(BATCH_ROWS.max, page.limit ?? BATCH_ROWS.default));
  const rows = await repo.batchRows(ctx.db, batch.id, { after: page.cursor ?? 0, limit });
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return present(ctx, batch, shown, more ? String(shown.at(-1)?.row_number ?? 0) : null);
}

/** The batches of an organization, newest first, without their rows (for the workspace). */
export async function listBatches(ctx: Ctx, q: { organizationId: string; specificationId?: string; limit: number; offset: number }) {
  credentialAccess(ctx, q.organizationId).require('issue');
  const { items, total } = await repo.listBatches(ctx.db, q);
  return { items: items.map((b) => present(ctx, b, [])), total };
}

/**
 * The learners' file: CSV text, or the uploaded bytes (CSV in UTF-8, UTF-16 or a Cyrillic code page,
 * detected or given as `encoding`; comma, semicolon or tab; or XLSX), read by the importer's reader.
 */
export type BatchSource = { csv?: string; file?: Uint8Array; encoding?: string };
export type CreateBatchInput = BatchSource & { specificationId: string; partial: boolean };

type CheckedFile = { rows: CheckedRow[]; hash: string };

async function checkSource(source: BatchSource, partial: boolean, spec: { id: string; learnerIdentification: string }): Promise<CheckedFile> {
  const options = { specificationId: spec.id, identification: spec.learnerIdentification, today: todayInAlmaty() };
  let checked: ReturnType<typeof checkBatchCsv>;
  let hash: string;
  if (source.file) {
    const table = await readUploadTable(source.file, { encoding: source.encoding }, 'csv');
    if (table.format === 'csv') {
      // The same hash as the same text sent as a string: one file is one batch however it came.
      const text = decodeText(source.file, source.encoding).text;
      checked = checkBatchTable(table, options);
      hash = contentHash(spec.id, partial, text);
    } else {
      checked = checkBatchTable(table, options);
      hash = tableContentHash(spec.id, partial, table);
    }
  } else {
    checked = checkBatchCsv(source.csv ?? '', options);
    hash = contentHash(spec.id, partial, source.csv ?? '');
  }
  if (!checked.ok) throw validationFailed([{ path: 'csv', messageKey: checked.problem.messageKey, params: checked.problem.params }]);
  return { rows: checked.rows, hash };
}

/**
 * What a learners' file would do, before anything is issued: rows to issue, rows already issued
 * (the same learner and date under this specification), and every problem with its row, column and
 * a localized message.
 */
export async function previewBatch(ctx: Ctx, input: BatchSource & { specificationId: string }): Promise<RowsPreview> {
  const spec = await getSpecification(ctx, input.specificationId);
  credentialAccess(ctx, spec.organizationId).require('issue');
  const { rows } = await checkSource(input, false, spec);
  const issuedKeys = await repo.issuedKeys(ctx.db, spec.organizationId, rows.flatMap((r) => (r.key ? [r.key] : [])));
  return rowsPreview(
    ctx.lang,
    rows.map((r) => ({
      row: r.row,
      action: r.issues.length ? 'invalid' : r.key && issuedKeys.has(r.key) ? 'unchanged' : 'create',
      label: r.value?.name ?? r.data.name ?? '',
      problems: r.issues.map((i) => ({ column: i.column, messageKey: i.messageKey, params: i.params })),
    })),
  );
}

/**
 * Checks the file and queues the batch (in the caller's transaction, so the job exists only if the
 * batch does). `created` is false when the same file was already submitted: nothing new happens.
 */
export async function createBatch(ctx: Ctx, input: CreateBatchInput, options: { enqueue?: boolean } = {}): Promise<{ batch: BatchView; created: boolean }> {
  const spec = await getSpecification(ctx, input.specificationId);
  credentialAccess(ctx, spec.organizationId).require('issue');
  if (spec.status !== 'active') throw conflict('errors.product.specificationWithdrawn', { id: spec.id });
  const checked = await checkSource(input, input.partial, spec);
  const hash = checked.hash;
  const earlier = await repo.findBatchByContent(ctx.db, spec.id, hash, input.partial);
  if (earlier) return { batch: await withRows(ctx, earlier), created: false };
  await assertStillEntitled(ctx, spec);

  const bad = checked.rows.filter((r) => r.issues.length);
  if (bad.length && !input.partial) {
    throw new AppError('validation_failed', 422, 'errors.product.batch.invalidRows', {
      issues: bad.flatMap((r) => r.issues.map((i) => ({ path: `rows.${r.row}.${i.column}`, messageKey: i.messageKey, params: i.params }))),
      extra: { badRows: bad.map((r) => r.row) },
    });
  }
  const batch = await repo.insertBatch(
    ctx.db,
    { specificationId: spec.id, organizationId: spec.organizationId, contentHash: hash, partial: input.partial, createdBy: actorId(ctx.actor), createdByLabel: actorLabel(ctx.actor) },
    checked.rows.map((r) => ({
      row: r.row,
      data: r.value ? (Object.fromEntries(Object.entries(r.value).filter(([, v]) => v !== null)) as Record<string, string>) : r.data,
      key: r.key,
      errors: r.issues.map((i): BatchRowError => ({ column: i.column, messageKey: i.messageKey, params: i.params })),
    })),
  );
  await recordChange(ctx, {
    entityType: BATCH,
    entityId: batch.id,
    action: 'create',
    before: null,
    after: { specificationId: spec.id, total: batch.total, invalid: batch.invalid, partial: input.partial, contentHash: hash },
    versioned: false,
  });
  if (batch.invalid === batch.total) await repo.markFinished(ctx.db, batch.id, 'completed');
  else if (options.enqueue !== false) await repo.setJobId(ctx.db, batch.id, await enqueueJob(ISSUE_BATCH_JOB, { batchId: batch.id }, { db: ctx.db }));
  const stored = (await repo.findBatch(ctx.db, batch.id)) as repo.BatchRecord;
  return { batch: await withRows(ctx, stored), created: true };
}

/**
 * Issues the pending rows of a batch, one transaction per row so progress is visible and a crash
 * resumes where it stopped. The job and the CLI both run this.
 */
export async function runBatch(db: Db, log: Logger, batchId: string, onProgress?: (done: number, total: number) => void): Promise<void> {
  const batch = await repo.findBatch(db, batchId);
  if (!batch || batch.status === 'completed') return;
  await repo.markStarted(db, batchId);
  const specRow = await findSpecification(db, batch.specification_id);
  if (!specRow) throw notFound('credential-specification', batch.specification_id);
  const spec = presentSpecification(specRow);
  const base: Ctx = { db, actor: systemActor(`batch ${batchId} for ${batch.created_by_label}`), lang: 'en', log, requestId: `batch:${batchId}` };
  const standards = await standardsOf(base, spec);
  let done = batch.done;
  for (const row of await repo.pendingRows(db, batchId)) {
    const v = row.data as Partial<BatchRow>;
    try {
      await inTransaction(base, async (ctx) => {
        const issued = await issueFromSpecification(
          ctx,
          spec,
          { name: v.name ?? '', email: v.email ?? null, identifier: v.identifier ?? '' },
          v.awardedOn ?? '',
          row.idempotency_key ?? '',
          standards,
        );
        await repo.settleRow(ctx.db, batchId, row.row_number, { status: issued.created ? 'issued' : 'skipped', credentialId: issued.id, errors: [] });
      });
    } catch (error) {
      const message = error instanceof AppError ? error.messageKey : (error as Error).message;
      log.warn({ err: error, batchId, row: row.row_number }, 'batch row failed');
      await repo.settleRow(db, batchId, row.row_number, {
        status: 'failed',
        credentialId: null,
        errors: [{ column: '', messageKey: 'errors.product.row.issueFailed', params: { row: row.row_number, message } }],
      });
    }
    onProgress?.(++done, batch.total);
  }
  await repo.markFinished(db, batchId, 'completed');
}

// A batch that cannot run at all says why; pg-boss retries it, and a retry resumes the pending rows.
export const issueBatchJob = defineJob<{ batchId: string }>({
  name: ISSUE_BATCH_JOB,
  async handler(data, job) {
    try {
      await runBatch(job.db, job.log, data.batchId);
    } catch (error) {
      await repo.markFinished(job.db, data.batchId, 'failed', error instanceof AppError ? error.messageKey : (error as Error).message);
      throw error;
    }
  },
});

// SQL of credential batches and their rows.
import { type Selectable, sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';
import type { BatchRowError, CredentialProductTables } from './credential-products.table.ts';

export type BatchRecord = Selectable<CredentialProductTables['credential_batches']>;
export type BatchRowRecord = Selectable<CredentialProductTables['credential_batch_rows']>;

export const findBatch = (db: Db, id: string) => db.selectFrom('credential_batches').selectAll().where('id', '=', id).executeTakeFirst();

export const findBatchByContent = (db: Db, specificationId: string, contentHash: string, partial: boolean) =>
  db
    .selectFrom('credential_batches')
    .selectAll()
    .where('specification_id', '=', specificationId)
    .where('content_hash', '=', contentHash)
    .where('partial', '=', partial)
    .executeTakeFirst();

export async function insertBatch(
  db: Db,
  batch: { specificationId: string; organizationId: string; contentHash: string; partial: boolean; createdBy: string | null; createdByLabel: string },
  rows: { row: number; data: Record<string, string>; key: string | null; errors: BatchRowError[] }[],
): Promise<BatchRecord> {
  const invalid = rows.filter((r) => r.errors.length).length;
  const created = await db
    .insertInto('credential_batches')
    .values({
      specification_id: batch.specificationId,
      organization_id: batch.organizationId,
      content_hash: batch.contentHash,
      partial: batch.partial,
      total: rows.length,
      invalid,
      done: invalid,
      created_by: batch.createdBy,
      created_by_label: batch.createdByLabel,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('credential_batch_rows')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          batch_id: created.id,
          row_number: r.row,
          data: toJson(r.data),
          idempotency_key: r.key,
          status: r.errors.length ? 'invalid' : 'pending',
          errors: toJson(r.errors),
        })),
      )
      .execute();
  }
  return created;
}

export async function listBatches(db: Db, q: { organizationId: string; specificationId?: string; limit: number; offset: number }) {
  let query = db.selectFrom('credential_batches').where('organization_id', '=', q.organizationId);
  if (q.specificationId) query = query.where('specification_id', '=', q.specificationId);
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export const setJobId = (db: Db, id: string, jobId: string) => db.updateTable('credential_batches').set({ job_id: jobId }).where('id', '=', id).execute();

/** One page of a batch's rows after a row number (keyset on the primary key), one more than asked to tell whether more follow. */
export const batchRows = (db: Db, id: string, page: { after: number; limit: number }) =>
  db
    .selectFrom('credential_batch_rows')
    .selectAll()
    .where('batch_id', '=', id)
    .where('row_number', '>', page.after)
    .orderBy('row_number')
    .limit(page.limit + 1)
    .execute();

export const pendingRows = (db: Db, id: string) =>
  db.selectFrom('credential_batch_rows').selectAll().where('batch_id', '=', id).where('status', '=', 'pending').orderBy('row_number').execute();

export const markStarted = (db: Db, id: string) =>
  db
    .updateTable('credential_batches')
    .set({ status: 'running', error: null, finished_at: null, started_at: sql`coalesce(started_at, now())` })
    .where('id', '=', id)
    .execute();

export const markFinished = (db: Db, id: string, status: 'completed' | 'failed', error: string | null = null) =>
  db.updateTable('credential_batches').set({ status, error, finished_at: new Date() }).where('id', '=', id).execute();

/** Records one row's outcome and advances the batch's counters in the same statement pair. */
export async function settleRow(
  db: Db,
  batchId: string,
  row: number,
  outcome: { status: 'issued' | 'skipped' | 'failed'; credentialId: string | null; errors: BatchRowError[] },
): Promise<void> {
  await db
    .updateTable('credential_batch_rows')
    .set({ status: outcome.status, credential_id: outcome.credentialId, errors: toJson(outcome.errors) })
    .where('batch_id', '=', batchId)
    .where('row_number', '=', row)
    .execute();
  await db
    .updateTable('credential_batches')
    .set((eb) => ({ done: eb('done', '+', 1), [outcome.status]: eb(outcome.status, '+', 1) }))
    .where('id', '=', batchId)
    .execute();
}

/** Which of these idempotency keys an organization has already issued a credential under. */
export async function issuedKeys(db: Db, organizationId: string, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db.selectFrom('credentials').select('idempotency_key').where('organization_id', '=', organizationId).where('idempotency_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.idempotency_key).filter((k): k is string => k !== null));
}

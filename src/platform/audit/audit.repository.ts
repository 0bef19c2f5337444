// SQL of the audit trail.
import { sql } from 'kysely';
import { bulkSessionOf } from '../db/bulk-session.ts';
import type { Db } from '../db/database.ts';
import { toJson } from '../db/schema.ts';
import { type AuditFields, type ChainEntry, GENESIS_HASH, linkHash } from './audit-chain.ts';

/** Appends one entry; the advisory lock keeps the chain linear across concurrent transactions. */
export async function appendAuditEntry(trx: Db, fields: AuditFields): Promise<void> {
  // In a bulk run the lock, once taken, is held to the end of the transaction: the head it read stays the head.
  const bulk = bulkSessionOf(trx);
  let prevHash = bulk?.auditHead ?? null;
  if (prevHash === null) {
    await sql`SELECT pg_advisory_xact_lock(7263101)`.execute(trx);
    const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    prevHash = last?.hash ?? GENESIS_HASH;
  }
  const hash = linkHash(prevHash, fields);
  await trx
    .insertInto('audit_log')
    .values({
      at: fields.at,
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      before: fields.before === undefined || fields.before === null ? null : toJson(fields.before),
      after: fields.after === undefined || fields.after === null ? null : toJson(fields.after),
      request_id: fields.requestId,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  if (bulk) bulk.auditHead = hash;
}

/** Reads the chain in pages, oldest first, so verification runs in constant memory. */
export async function* readAuditChain(db: Db, pageSize = 1000): AsyncGenerator<ChainEntry[]> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    after = rows[rows.length - 1]?.seq ?? after;
  }
}

export async function countAuditEntries(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// SQL of the audit trail.
import { sql } from 'kysely';
import { bulkQueue } from '../db/bulk-session.ts';
import type { Db } from '../db/database.ts';
import { type AuditFields, type ChainEntry, GENESIS_HASH, canonicalStates, linkHash } from './audit-chain.ts';

/** The row of one entry linked to `prevHash` (the states stored as the canonical JSON the hash covers). */
function auditRow(fields: AuditFields, prevHash: string) {
  const states = canonicalStates(fields);
  const withStates = { ...fields, canonical: states };
  return {
    at: fields.at,
    actor_id: fields.actorId,
    actor_label: fields.actorLabel,
    action: fields.action,
    entity_type: fields.entityType,
    entity_id: fields.entityId,
    before: fields.before === undefined || fields.before === null ? null : states.before,
    after: fields.after === undefined || fields.after === null ? null : states.after,
    request_id: fields.requestId,
    prev_hash: prevHash,
    hash: linkHash(prevHash, withStates),
  };
}

/** The chain's head, under the lock that keeps the chain linear across concurrent transactions. */
async function lockedHead(trx: Db): Promise<string> {
  await sql`SELECT pg_advisory_xact_lock(7263101)`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last?.hash ?? GENESIS_HASH;
}

// A bulk run queues its entries and links them when it writes them, 200 to a statement; the lock,
// once taken, is held to the end of the transaction, so the head it read stays the head.
const queueAuditEntry = bulkQueue<AuditFields>('audit', 1, async (trx, entries, session) => {
  let head = session.auditHead ?? (await lockedHead(trx));
  const rows = entries.map((fields) => {
    const row = auditRow(fields, head);
    head = row.hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('audit_log').values(rows.slice(i, i + 200)).execute();
  session.auditHead = head;
});

/** Appends one entry (in a bulk run, queues it). */
export async function appendAuditEntry(trx: Db, fields: AuditFields): Promise<void> {
  if (queueAuditEntry(trx, fields)) return;
  await trx.insertInto('audit_log').values(auditRow(fields, await lockedHead(trx))).execute();
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

// Every mutation of a register record: one audit entry and one new version, in the caller's transaction.
import { sql } from 'kysely';
import { actorId, actorLabel } from '../access/roles.ts';
import { appendAuditEntry } from '../audit/audit.repository.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Ctx } from '../context.ts';
import { bulkQueue, flushBulkWrites } from '../db/bulk-session.ts';
import type { Db } from '../db/database.ts';
import { toJson } from '../db/schema.ts';

export type Change = {
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  /** Records without versions (users, sessions) only reach the audit trail. */
  versioned?: boolean;
  /** Demonstration history is written with past dates; everything else happens now. */
  at?: Date;
};

/** The scalar top-level fields of a version: what asOf lists filter and sort on. */
export function versionSummary(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object') return {};
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v === null || typeof v !== 'object'));
}

export async function recordChange(ctx: Ctx, change: Change): Promise<void> {
  const at = change.at ?? new Date();
  const base = { actorId: actorId(ctx.actor), actorLabel: actorLabel(ctx.actor), requestId: ctx.requestId };
  // The record is serialized once: the audit entry, its hash and the version share the text.
  const canonical = { before: canonicalJson(change.before ?? null), after: canonicalJson(change.after ?? null) };
  await appendAuditEntry(ctx.db, {
    ...base,
    at,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before,
    after: change.after,
    canonical,
  });
  if (change.versioned === false) return;
  const version: QueuedVersion = {
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    at,
    actorId: base.actorId,
    actorLabel: base.actorLabel,
    requestId: base.requestId,
    data: canonical.after,
    summary: toJson(versionSummary(change.after)),
  };
  if (queueVersion(ctx.db, version)) return;
  // The previous version is closed and the new one written in one statement (one round trip per
  // write); the subquery reads the versions as they were before it.
  // A deletion leaves a tombstone (data JSON null), so the change feed can tell consumers.
  await ctx.db
    .with('closed', (db) =>
      db
        .updateTable('record_versions')
        .set({ valid_to: at })
        .where('entity_type', '=', change.entityType)
        .where('entity_id', '=', change.entityId)
        .where('valid_to', 'is', null)
        .returning('version'),
    )
    .insertInto('record_versions')
    .values({
      entity_type: change.entityType,
      entity_id: change.entityId,
      version: sql<number>`(SELECT coalesce(max(version), 0) + 1 FROM record_versions WHERE entity_type = ${change.entityType} AND entity_id = ${change.entityId})`,
      valid_from: at,
      valid_to: null,
      action: change.action,
      actor_id: base.actorId,
      actor_label: base.actorLabel,
      request_id: base.requestId,
      data: version.data,
      summary: version.summary,
    })
    .execute();
}

type QueuedVersion = {
  entityType: string;
  entityId: string;
  action: string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  requestId: string | null;
  /** JSON text, so a tombstone stays JSON null. */
  data: string;
  summary: string;
};

// A bulk run's versions, 200 to a statement (a tombstone's JSON null may come out of the recordset as
// SQL NULL, and is stored as JSON null): each record's open version is closed at the time of its
// first new one, and the new ones of a record follow each other (numbered after the highest stored).
const queueVersion = bulkQueue<QueuedVersion>('versions', 2, async (db, versions) => {
  for (let i = 0; i < versions.length; i += 200) {
    const chunk = versions.slice(i, i + 200);
    const rows = chunk.map((v, j) => {
      const sameRecord = (w: QueuedVersion) => w.entityType === v.entityType && w.entityId === v.entityId;
      const next = chunk.slice(j + 1).find(sameRecord);
      return {
        entity_type: v.entityType,
        entity_id: v.entityId,
        ordinal: chunk.slice(0, j + 1).filter(sameRecord).length,
        valid_from: v.at.toISOString(),
        valid_to: next ? next.at.toISOString() : null,
        action: v.action,
        actor_id: v.actorId,
        actor_label: v.actorLabel,
        request_id: v.requestId,
      };
    });
    // The versions' JSON goes in as it is, not as strings to escape and parse again (a passport is ~9 kB).
    const payload = `[${rows.map((row, j) => `${JSON.stringify(row).slice(0, -1)},"data":${chunk[j]?.data},"summary":${chunk[j]?.summary}}`).join(',')}]`;
    await sql`
      WITH v AS (
        SELECT * FROM jsonb_to_recordset(${payload}::jsonb) AS v(
          entity_type text, entity_id uuid, ordinal int, valid_from timestamptz, valid_to timestamptz,
          action text, actor_id uuid, actor_label text, request_id text, data jsonb, summary jsonb)
      ), closed AS (
        UPDATE record_versions r SET valid_to = v.valid_from FROM v
        WHERE v.ordinal = 1 AND r.entity_type = v.entity_type AND r.entity_id = v.entity_id AND r.valid_to IS NULL
        RETURNING r.version
      )
      INSERT INTO record_versions (entity_type, entity_id, version, valid_from, valid_to, action, actor_id, actor_label, request_id, data, summary)
      SELECT v.entity_type, v.entity_id,
        coalesce((SELECT max(x.version) FROM record_versions x WHERE x.entity_type = v.entity_type AND x.entity_id = v.entity_id), 0) + v.ordinal,
        v.valid_from, v.valid_to, v.action, v.actor_id, v.actor_label, v.request_id, coalesce(v.data, 'null'::jsonb), v.summary
      FROM v`.execute(db);
  }
});

/** The end of a calendar day in Kazakhstan (UTC+5): "as of 2024-09-01" includes that whole day. */
export function endOfDayAlmaty(date: string): Date {
  return new Date(`${date}T23:59:59.999+05:00`);
}

/** The data of one record's versions made by `at`. */
function versionsMadeBy(db: Db, entityType: string, entityId: string, at: Date) {
  return db.selectFrom('record_versions').select('data').where('entity_type', '=', entityType).where('entity_id', '=', entityId).where('valid_from', '<=', at);
}

export async function versionAsOf<T>(db: Db, entityType: string, entityId: string, asOf: Date): Promise<T | null> {
  await flushBulkWrites(db, { withRow: true });
  const row = await versionsMadeBy(db, entityType, entityId, asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .executeTakeFirst();
  return (row?.data as T | undefined) ?? null;
}

/** The latest version made by `at` whose scalar `field` held one of `values` (e.g. the last reviewed one). */
export async function lastVersionWhere<T>(
  db: Db,
  entityType: string,
  entityId: string,
  at: Date,
  where: { field: string; values: readonly string[] },
): Promise<T | null> {
  await flushBulkWrites(db, { withRow: true });
  const row = await versionsMadeBy(db, entityType, entityId, at)
    .where(sql<string>`summary->>${where.field}`, 'in', [...where.values])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (row?.data as T | undefined) ?? null;
}

/** Every record of a type as it stood at `asOf`, filtered on its stored fields. */
export async function snapshotAsOf<T>(
  db: Db,
  entityType: string,
  asOf: Date,
  filters: Record<string, string | number | undefined> = {},
  page: { limit: number; offset: number } = { limit: 50, offset: 0 },
): Promise<{ items: T[]; total: number }> {
  await flushBulkWrites(db, { withRow: true });
  let query = db
    .selectFrom('record_versions')
    .where('entity_type', '=', entityType)
    .where('valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .where(sql<string>`jsonb_typeof(data)`, '<>', 'null');
  for (const [field, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    query = query.where(sql<string>`summary->>${field}`, '=', String(value));
  }
  const [rows, count] = await Promise.all([
    query.select('data').orderBy(sql`summary->>'id'`).limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => r.data as T), total: Number(count.n) };
}

export type HistoryEntry = { version: number; action: string; actor: string; at: string; validTo: string | null; data: unknown };

export async function historyOf(db: Db, entityType: string, entityId: string): Promise<HistoryEntry[]> {
  await flushBulkWrites(db, { withRow: true });
  const rows = await db
    .selectFrom('record_versions')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    action: r.action,
    actor: r.actor_label,
    at: r.valid_from.toISOString(),
    validTo: r.valid_to?.toISOString() ?? null,
    data: r.data,
  }));
}

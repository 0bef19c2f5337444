// The shortcuts of a bulk run stay exact: the audit chain stays linked across a row rolled back to
// its savepoint, search documents of kept rows are written (and only those), and a reference read
// runs once per run and every time outside one.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { silentLogger } from '../../../test/helpers/logger.ts';
import { systemActor } from '../access/roles.ts';
import { appendAuditEntry } from '../audit/audit.repository.ts';
import { historyOf, recordChange } from '../history/history.ts';
import { upsertSearchDocument } from '../search/search-index.ts';
import { beginBulkSession, endBulkSession, flushBulkWrites, rememberedReference, rowKept, rowRolledBack } from './bulk-session.ts';
import type { Db } from './database.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database?.close());

const entry = (entityId: string) => ({
  at: new Date(),
  actorId: null,
  actorLabel: 'test',
  action: 'test.bulk',
  entityType: 'bulk-test',
  entityId,
  before: null,
  after: { entityId },
  requestId: null,
});
const title = (text: string) => ({ kk: text, ru: text, en: text });

/** Runs rows in one transaction the way the importer does: a savepoint each, kept or rolled back. */
async function inBulk(rows: { keep: boolean; write: (db: Db) => Promise<void> }[]) {
  await database.db.transaction().execute(async (trx) => {
    beginBulkSession(trx);
    try {
      for (const row of rows) {
        await sql`savepoint bulk_row`.execute(trx);
        await row.write(trx);
        if (row.keep) rowKept(trx);
        else {
          await sql`rollback to savepoint bulk_row`.execute(trx);
          rowRolledBack(trx);
        }
        await sql`release savepoint bulk_row`.execute(trx);
      }
      await flushBulkWrites(trx);
    } finally {
      endBulkSession(trx);
    }
  });
}

test('the audit chain stays linked when a row after a written one is rolled back', async () => {
  const ids: string[] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await inBulk(ids.map((id, i) => ({ keep: i !== 1, write: (db) => appendAuditEntry(db, entry(id)) })));
  const chain = await database.db.selectFrom('audit_log').select(['entity_id', 'prev_hash', 'hash']).orderBy('seq').execute();
  for (let i = 1; i < chain.length; i++) assert.equal(chain[i]?.prev_hash, chain[i - 1]?.hash, `entry ${i} links to the one before`);
  assert.deepEqual(
    chain.filter((c) => ids.includes(c.entity_id)).map((c) => c.entity_id),
    [ids[0], ids[2], ids[3]],
  );
});

test('search documents of kept rows are written at the end; those of rolled-back rows are not', async () => {
  const kept: string = randomUUID();
  const dropped: string = randomUUID();
  const document = (id: string) => (db: Db) => upsertSearchDocument(db, { entityType: 'bulk-test', entityId: id, title: title(`Документ ${id}`) });
  await inBulk([
    { keep: true, write: document(kept) },
    { keep: false, write: document(dropped) },
  ]);
  const written = await database.db.selectFrom('search_documents').select('entity_id').where('entity_type', '=', 'bulk-test').execute();
  assert.deepEqual(
    written.map((w) => w.entity_id),
    [kept],
  );
});

test('a reference read runs once in a bulk run and every time outside one', async () => {
  let loads = 0;
  const load = async () => ++loads;
  await rememberedReference(database.db, 'k', load);
  await rememberedReference(database.db, 'k', load);
  assert.equal(loads, 2);
  await inBulk([{ keep: true, write: async (db) => void (await Promise.all([rememberedReference(db, 'k', load), rememberedReference(db, 'k', load)])) }]);
  assert.equal(loads, 3);
});

const ctxOf = (db: Db) => ({ db, actor: systemActor('bulk-test'), lang: 'en' as const, log: silentLogger, requestId: null });
const change = (entityId: string, after: unknown, at: Date) => ({ entityType: 'bulk-test', entityId, action: 'test.bulk', before: null, after, at });
const versionsOf = (entityId: string) =>
  database.db.selectFrom('record_versions').select(['version', 'valid_from', 'valid_to', 'data']).where('entity_id', '=', entityId).orderBy('version').execute();

test('versions queued in a bulk run are numbered after the stored ones, each closing the one before', async () => {
  const id = randomUUID();
  const [t1, t2, t3] = [new Date('2025-01-01T00:00:00Z'), new Date('2025-02-01T00:00:00Z'), new Date('2025-03-01T00:00:00Z')];
  await recordChange(ctxOf(database.db), change(id, { n: 1 }, t1));
  await inBulk([
    { keep: true, write: (db) => recordChange(ctxOf(db), change(id, { n: 2 }, t2)) },
    { keep: false, write: (db) => recordChange(ctxOf(db), change(id, { n: 99 }, t3)) },
    { keep: true, write: (db) => recordChange(ctxOf(db), change(id, null, t3)) },
  ]);
  const versions = await versionsOf(id);
  assert.deepEqual(
    versions.map((v) => [v.version, v.valid_from.toISOString(), v.valid_to?.toISOString() ?? null, v.data]),
    [
      [1, t1.toISOString(), t2.toISOString(), { n: 1 }],
      [2, t2.toISOString(), t3.toISOString(), { n: 2 }],
      // A deletion's tombstone stays JSON null through the queue.
      [3, t3.toISOString(), null, null],
    ],
  );
  const chain = await database.db.selectFrom('audit_log').select(['prev_hash', 'hash']).orderBy('seq').execute();
  for (let i = 1; i < chain.length; i++) assert.equal(chain[i]?.prev_hash, chain[i - 1]?.hash, `entry ${i} links to the one before`);
});

test("a history read in a bulk run sees the row's own queued version, and a rollback after it undoes it", async () => {
  const id = randomUUID();
  const seen: number[] = [];
  const writeAndRead = async (db: Db) => {
    await recordChange(ctxOf(db), change(id, { n: 1 }, new Date()));
    seen.push((await historyOf(db, 'bulk-test', id)).length);
  };
  await inBulk([
    { keep: false, write: writeAndRead },
    { keep: true, write: writeAndRead },
    { keep: true, write: (db) => appendAuditEntry(db, entry(id)) },
  ]);
  assert.deepEqual(seen, [1, 1]);
  assert.equal((await versionsOf(id)).length, 1);
  const chain = await database.db.selectFrom('audit_log').select(['prev_hash', 'hash']).orderBy('seq').execute();
  for (let i = 1; i < chain.length; i++) assert.equal(chain[i]?.prev_hash, chain[i - 1]?.hash, `entry ${i} links to the one before`);
});

// The shortcuts of a bulk run stay exact: the audit chain stays linked across a row rolled back to
// its savepoint, search documents of kept rows are written (and only those), and a reference read
// runs once per run and every time outside one.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { appendAuditEntry } from '../audit/audit.repository.ts';
import { flushSearchDocuments, upsertSearchDocument } from '../search/search-index.ts';
import { beginBulkSession, endBulkSession, rememberedReference, rowKept, rowRolledBack } from './bulk-session.ts';
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
      await flushSearchDocuments(trx);
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

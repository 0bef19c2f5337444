// Public responses kept by data version (issue 17, decision 133): ETag and 304, a write through
// the services or straight in SQL seen by the next read, a second app (another process's cache)
// over the same database right after a write in the first, and signed-in reads never shared.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../src/app.ts';
import { readDataVersion } from '../src/platform/db/data-version.ts';
import { UNVERSIONED_TABLES } from '../src/platform/db/migrations/0140_data_version.ts';
import { PUBLIC_CACHE_CONTROL } from '../src/platform/http/response-cache.ts';
import { type TestApp, createTestAppAs } from './helpers/app.ts';
import { testConfig } from './helpers/database.ts';
import { silentLogger } from './helpers/logger.ts';

let t: TestApp;
let ministry: string;
before(async () => {
  ({ t, token: ministry } = await createTestAppAs('ministry', { template: 'demo' }));
});
after(() => t.close());

const LIST = '/api/organizations?limit=1';
const totalOf = async (res: Response) => ((await res.json()) as { total: number }).total;

let bin = 990140000100;
const newOrganization = () => ({
  bin: String(++bin),
  name: { kk: 'Кэш университеті', ru: 'Университет кэша', en: 'Cache University' },
  aliases: [],
  kind: 'university',
  legalForm: 'private',
  regionCode: 'KZ-75',
});

describe('public responses cached by data version', () => {
  test('a public read has an ETag and Cache-Control; If-None-Match with it answers 304 without a body', async () => {
    const first = await t.request('GET', LIST);
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag');
    assert.ok(etag, 'an ETag');
    assert.equal(first.headers.get('cache-control'), PUBLIC_CACHE_CONTROL);
    assert.match(first.headers.get('vary') ?? '', /Accept-Language/);
    const body = await first.text();
    const again = await t.request('GET', LIST);
    assert.equal(again.headers.get('etag'), etag, 'the same data answers the same tag');
    assert.equal(await again.text(), body);
    const notModified = await t.request('GET', LIST, { headers: { 'if-none-match': etag } });
    assert.equal(notModified.status, 304);
    assert.equal(await notModified.text(), '');
    assert.equal(notModified.headers.get('etag'), etag);
    assert.equal((await t.request('GET', LIST, { headers: { 'if-none-match': '"other"' } })).status, 200);
  });

  test('a page in each language is its own entry, with its own tag', async () => {
    const kk = await t.request('GET', '/kk/organizations');
    const ru = await t.request('GET', '/ru/organizations');
    assert.equal(kk.status, 200);
    assert.notEqual(kk.headers.get('etag'), ru.headers.get('etag'));
    assert.match(await kk.text(), /lang="kk"/);
    assert.match(await ru.text(), /lang="ru"/);
  });

  test('a write through the API is seen by the next read, whose old tag no longer matches', async () => {
    const before = await t.request('GET', LIST);
    const etag = before.headers.get('etag') ?? '';
    const total = await totalOf(before);
    const created = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization() });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const after = await t.request('GET', LIST, { headers: { 'if-none-match': etag } });
    assert.equal(after.status, 200, 'changed data is sent again, not 304');
    assert.notEqual(after.headers.get('etag'), etag);
    assert.equal(await totalOf(after), total + 1);
  });

  test("another process's cache (a second app on the same database) sees a write made through the first", async () => {
    const other = createApp({ db: t.db, config: testConfig(), log: silentLogger });
    const before = await other.request(LIST);
    const total = await totalOf(before);
    await totalOf(await other.request(LIST)); // now held in the second app's cache
    assert.equal((await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization() })).status, 201);
    assert.equal(await totalOf(await other.request(LIST)), total + 1);
  });

  test('a change made straight in SQL moves the data version too, and a rolled-back one does not', async () => {
    const before = await t.request('GET', LIST);
    const total = await totalOf(before);
    const version = await readDataVersion(t.db);
    await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`UPDATE organizations SET aliases = aliases`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    assert.equal(await readDataVersion(t.db), version, 'nothing committed, nothing moved');
    await t.db.transaction().execute(async (trx) => {
      await sql`UPDATE organizations SET aliases = aliases`.execute(trx);
      await sql`UPDATE programmes SET updated_at = updated_at`.execute(trx);
    });
    assert.equal(BigInt(await readDataVersion(t.db)), BigInt(version) + 1n, 'one step per committed transaction');
    // Same rows, so the same bytes and tag: a client's copy stays good across a version that changed nothing it shows.
    const after = await t.request('GET', LIST, { headers: { 'if-none-match': before.headers.get('etag') ?? '' } });
    assert.equal(after.status, 304);
    assert.equal(total, await totalOf(await t.request('GET', LIST)));
  });

  test('a signed-in read is neither cached nor marked public', async () => {
    const res = await t.request('GET', LIST, { token: ministry });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('etag'), null);
    assert.notEqual(res.headers.get('cache-control'), PUBLIC_CACHE_CONTROL);
  });

  test('every table moves the data version except the listed per-request ones', async () => {
    const { rows } = await sql<{ table_name: string; tracked: boolean }>`
      SELECT c.relname AS table_name,
             EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'data_version_mark') AS tracked
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`.execute(t.db);
    const untracked = rows.filter((r) => !r.tracked && !UNVERSIONED_TABLES.includes(r.table_name)).map((r) => r.table_name);
    assert.deepEqual(untracked, [], 'a new table calls sapa_track_data_version in its migration');
  });
});

// Read replicas against a real primary and a real streaming replica made here with the
// PostgreSQL 15 binaries (initdb, pg_basebackup -R): public reads go to the replica, a client
// who has just written reads its write from the primary while the replica's replay is paused,
// and a stopped replica is skipped without an error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../src/app.ts';
import { type Db, kyselyFor } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openReplicas, parseLsn, type ReplicaSet } from '../src/platform/db/replicas.ts';
import { testConfig } from './helpers/database.ts';
import { silentLogger } from './helpers/logger.ts';
import { addReplicaProbe, type ReplicaCluster, replicaClusterUnavailable, startReplicaCluster } from './helpers/replica-cluster.ts';

const skip = replicaClusterUnavailable ?? false;

async function until(what: string, ok: () => Promise<boolean> | boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let cluster: ReplicaCluster | null = null;
let primary: Db;
let replicaDb: Db;
let replicas: ReplicaSet;
let app: ReturnType<typeof createApp>;

before(async () => {
  if (skip) return;
  cluster = await startReplicaCluster();
  primary = kyselyFor(cluster.primaryUrl, 4).db;
  replicaDb = kyselyFor(cluster.replicaUrl, 2).db;
  await migrateToLatest(primary);
  // Lag is measured from the last replayed transaction, so the paused replay below stays "in time".
  replicas = openReplicas({ urls: [cluster.replicaUrl], primary, poolSize: 2, maxLagSeconds: 3600, checkEveryMs: 300 });
  app = createApp({ db: primary, config: testConfig(), log: silentLogger, replicas });
  await addReplicaProbe(app, primary);
  await until(
    'the replica to replay the probe',
    async () => (await sql`select 1 from replica_probe`.execute(replicaDb).catch(() => ({ rows: [] }))).rows.length > 0,
  );
  await until('the replica to be healthy', () => replicas.state()[0]?.healthy === true);
});

after(async () => {
  await replicas?.close();
  await primary?.destroy();
  await replicaDb?.destroy().catch(() => undefined);
  await cluster?.close();
});

const read = async (cookie?: string) => {
  const res = await app.request('/probe', { headers: cookie ? { cookie } : {} });
  assert.equal(res.status, 200);
  return (await res.json()) as { value: string; recovery: boolean };
};

test('LSNs compare as numbers', () => {
  assert.ok((parseLsn('1/0') ?? 0n) > (parseLsn('0/FFFFFFFF') ?? 0n));
  assert.equal(parseLsn('not an lsn'), null);
});

test('public reads go to the replica; a client reads its own writes while replay is paused', { skip }, async () => {
  assert.deepEqual(await read(), { value: 'one', recovery: true });
  const real = await app.request('/api/qualifications');
  assert.equal(real.status, 200, 'a Sapa route reads its tables from the replica');

  await sql`select pg_wal_replay_pause()`.execute(replicaDb);
  const write = await app.request('/probe', { method: 'POST', body: 'two' });
  assert.equal(write.status, 204);
  const setCookie = write.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /sapa_lsn=[0-9A-F]+%2F[0-9A-F]+|sapa_lsn=[0-9A-F]+\/[0-9A-F]+/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  const cookie = setCookie.split(';')[0] ?? '';
  await replicas.checkAll();
  assert.equal(replicas.state()[0]?.healthy, true, 'a paused replica within the lag limit stays in use');

  // The same replica under a one-second limit: it has received the write but not replayed it.
  const reasons: string[] = [];
  const strict = openReplicas({
    urls: [cluster?.replicaUrl ?? ''],
    primary,
    poolSize: 1,
    maxLagSeconds: 1,
    checkEveryMs: 200,
    onChange: (_url, healthy, reason) => reasons.push(`${healthy}:${reason ?? ''}`),
  });
  try {
    await until('the lagging replica to be skipped', () => reasons.some((r) => r.startsWith('false:lagging')));
    assert.equal(strict.forRead(), null);
  } finally {
    await strict.close();
  }

  assert.deepEqual(await read(), { value: 'one', recovery: true }, 'others read the replica (stale while paused)');
  assert.deepEqual(await read(cookie), { value: 'two', recovery: false }, 'the writer reads its write from the primary');

  await sql`select pg_wal_replay_resume()`.execute(replicaDb);
  await until('the replica to replay the write', async () => {
    await replicas.checkAll();
    return (await read(cookie)).recovery;
  });
  assert.deepEqual(await read(cookie), { value: 'two', recovery: true }, 'once replayed, the writer reads the replica too');
});

test('a stopped replica is skipped without an error', { skip }, async () => {
  // The test's own connection to the replica goes first: an idle client of a pool without an error
  // listener throws "Connection terminated unexpectedly" when its server stops (the app's pools listen).
  await replicaDb.destroy();
  await cluster?.stopReplica();
  await until('the replica to be marked down', () => replicas.state()[0]?.healthy === false);
  assert.deepEqual(await read(), { value: 'two', recovery: false });
  assert.equal((await app.request('/api/qualifications')).status, 200);
});

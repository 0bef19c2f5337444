// Read replicas against a real primary and a real streaming replica made here with the
// PostgreSQL 15 binaries (initdb, pg_basebackup -R): public reads go to the replica, a client
// who has just written reads its write from the primary while the replica's replay is paused,
// and a stopped replica is skipped without an error.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { createApp } from '../src/app.ts';
import { inTransaction } from '../src/platform/context.ts';
import { type Db, kyselyFor } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { openReplicas, parseLsn, type ReplicaSet } from '../src/platform/db/replicas.ts';
import { testConfig } from './helpers/database.ts';
import { silentLogger } from './helpers/logger.ts';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const missing = ['initdb', 'pg_ctl', 'pg_basebackup'].find((b) => !existsSync(join(BIN, b)));
const skip = missing ? `the PostgreSQL binaries are not on this machine (${join(BIN, missing)} is missing)` : false;

const run = promisify(execFile);
// PostgreSQL refuses to run as root: as root, the clusters belong to the postgres user.
const asRoot = process.getuid?.() === 0;
const pg = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]) : run(join(BIN, tool), args));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function until(what: string, ok: () => Promise<boolean> | boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let dir = '';
let primary: Db;
let replicaDb: Db;
let replicas: ReplicaSet;
let app: ReturnType<typeof createApp>;
let replicaUp = false;

const start = (name: string, port: number) =>
  pg('pg_ctl', ['-D', join(dir, name), '-l', join(dir, `${name}.log`), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'sapa-replicas-'));
  if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  await pg('initdb', ['-D', join(dir, 'primary'), '-U', 'postgres', '--auth=trust', '-N']);
  await start('primary', primaryPort);
  await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', join(dir, 'replica'), '-R', '-X', 'stream']);
  await start('replica', replicaPort);
  replicaUp = true;
  primary = kyselyFor(`postgres://postgres@127.0.0.1:${primaryPort}/postgres`, 4).db;
  replicaDb = kyselyFor(`postgres://postgres@127.0.0.1:${replicaPort}/postgres`, 2).db;
  await migrateToLatest(primary);
  await sql`create table replica_probe (id int primary key, value text not null)`.execute(primary);
  await sql`insert into replica_probe values (1, 'one')`.execute(primary);
  // Lag is measured from the last replayed transaction, so the paused replay below stays "in time".
  replicas = openReplicas({ urls: [`postgres://postgres@127.0.0.1:${replicaPort}/postgres`], primary, poolSize: 2, maxLagSeconds: 3600, checkEveryMs: 300 });
  app = createApp({ db: primary, config: testConfig(), log: silentLogger, replicas });
  // A public read and a write, both through ctx.db as any route would use it.
  app.get('/probe', async (c) => {
    const db = c.get('ctx').db;
    const row = await sql<{ value: string; recovery: boolean }>`select value, pg_is_in_recovery() as recovery from replica_probe where id = 1`.execute(db);
    return c.json(row.rows[0]);
  });
  app.post('/probe', async (c) => {
    const value = await c.req.text();
    await inTransaction(c.get('ctx'), (ctx) => sql`update replica_probe set value = ${value} where id = 1`.execute(ctx.db));
    return c.body(null, 204);
  });
  await until(
    'the replica to replay the probe',
    async () => (await sql`select 1 from replica_probe`.execute(replicaDb).catch(() => ({ rows: [] }))).rows.length > 0,
  );
  await until('the replica to be healthy', () => replicas.state()[0]?.healthy === true);
});

after(async () => {
  if (skip || !dir) return;
  await replicas?.close();
  await primary?.destroy();
  await replicaDb?.destroy();
  for (const name of replicaUp ? ['replica', 'primary'] : ['primary']) await pg('pg_ctl', ['-D', join(dir, name), '-m', 'immediate', 'stop']).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
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
  await pg('pg_ctl', ['-D', join(dir, 'replica'), '-m', 'fast', '-w', 'stop']);
  replicaUp = false;
  await until('the replica to be marked down', () => replicas.state()[0]?.healthy === false);
  assert.deepEqual(await read(), { value: 'two', recovery: false });
  assert.equal((await app.request('/api/qualifications')).status, 200);
});

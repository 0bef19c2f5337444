// A throwaway PostgreSQL primary with one streaming replica (initdb, pg_basebackup -R) in a
// temporary directory on free ports, for the read-replica test and bench. As root, the clusters
// run as the postgres user (PostgreSQL refuses root).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { inTransaction } from '../../src/platform/context.ts';
import type { Db } from '../../src/platform/db/database.ts';
import type { AppEnv } from '../../src/platform/http/env.ts';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const missing = ['initdb', 'pg_ctl', 'pg_basebackup'].find((b) => !existsSync(join(BIN, b)));

/** Why a primary and replica cannot be made here, or null when they can. */
export const replicaClusterUnavailable: string | null = missing ? `the PostgreSQL binaries are not on this machine (${join(BIN, missing)} is missing)` : null;

const run = promisify(execFile);
const asRoot = process.getuid?.() === 0;
const pgTool = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]) : run(join(BIN, tool), args));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export type ReplicaCluster = { primaryUrl: string; replicaUrl: string; stopReplica(): Promise<void>; close(): Promise<void> };

export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'sapa-replicas-'));
  const running: string[] = [];
  const stop = async (name: string, mode: string) => {
    if (!running.includes(name)) return;
    running.splice(running.indexOf(name), 1);
    await pgTool('pg_ctl', ['-D', join(dir, name), '-m', mode, '-w', 'stop']).catch(() => {});
  };
  const close = async () => {
    for (const name of [...running].reverse()) await stop(name, 'immediate');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
      chownSync(dir, await id('-u'), await id('-g'));
    }
    const start = async (name: string, port: number) => {
      await pgTool('pg_ctl', [
        '-D',
        join(dir, name),
        '-l',
        join(dir, `${name}.log`),
        '-w',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
        'start',
      ]);
      running.push(name);
    };
    const primaryPort = await freePort();
    const replicaPort = await freePort();
    await pgTool('initdb', ['-D', join(dir, 'primary'), '-U', 'postgres', '--auth=trust', '-N']);
    await start('primary', primaryPort);
    await pgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', join(dir, 'replica'), '-R', '-X', 'stream']);
    await start('replica', replicaPort);
    return {
      primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
      replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
      stopReplica: () => stop('replica', 'fast'),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A row to read and write through `ctx.db`, as any route would: GET /probe answers its value and
 * whether the server that read it is a replica (`pg_is_in_recovery()`); POST /probe sets it.
 */
export async function addReplicaProbe(app: OpenAPIHono<AppEnv>, primary: Db): Promise<void> {
  await sql`create table if not exists replica_probe (id int primary key, value text not null)`.execute(primary);
  await sql`insert into replica_probe values (1, 'one') on conflict do nothing`.execute(primary);
  app.get('/probe', async (c) => {
    const { rows } = await sql<{ value: string; recovery: boolean }>`select value, pg_is_in_recovery() as recovery from replica_probe where id = 1`.execute(
      c.get('ctx').db,
    );
    return c.json(rows[0]);
  });
  app.post('/probe', async (c) => {
    const value = await c.req.text();
    await inTransaction(c.get('ctx'), (ctx) => sql`update replica_probe set value = ${value} where id = 1`.execute(ctx.db));
    return c.body(null, 204);
  });
}

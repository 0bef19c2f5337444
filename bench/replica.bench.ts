// Public reads from a PostgreSQL streaming replica while a writer writes on the primary, against
// the same reads served by the primary alone in the same run (ratio), with read-your-writes
// checked throughout: a client that writes through the app and reads back with its `sapa_lsn`
// cookie must always see its own write. The primary and replica are made here (initdb,
// pg_basebackup -R) in a temporary directory; skipped with the reason without the binaries.
//
// Knobs: BENCH_DURATION (s, default 5), BENCH_CONNECTIONS (10), PG_BIN.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { kyselyFor } from '../src/platform/db/database.ts';
import { openReplicas } from '../src/platform/db/replicas.ts';
import { addReplicaProbe, replicaClusterUnavailable, startReplicaCluster } from '../test/helpers/replica-cluster.ts';
import { benchLogger, prepareDatabase } from './lib/database.ts';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PATH = '/api/qualification-types';

type Served = { url: string; close(): void };

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

/** Writes on the primary as fast as one connection can until stopped; returns how many. */
function writer(write: () => Promise<unknown>) {
  let running = true;
  let count = 0;
  const done = (async () => {
    while (running) {
      await write();
      count++;
    }
  })();
  return async () => {
    running = false;
    await done;
    return count;
  };
}

/** A client that writes through the app and reads back with its cookie, over and over. */
function readYourWrites(url: string) {
  let running = true;
  const tally = { checks: 0, violations: 0, fromReplica: 0 };
  const done = (async () => {
    for (let i = 0; running; i++) {
      const value = `w${i}`;
      const write = await fetch(`${url}/probe`, { method: 'POST', body: value });
      const cookie = (write.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const read = (await (await fetch(`${url}/probe`, { headers: { cookie } })).json()) as { value: string; recovery: boolean };
      tally.checks++;
      if (read.value !== value) tally.violations++;
      if (read.recovery) tally.fromReplica++;
      // A moment later, as a person would: the replica has usually replayed it by then.
      await new Promise((r) => setTimeout(r, 20));
      const later = (await (await fetch(`${url}/probe`, { headers: { cookie } })).json()) as { value: string; recovery: boolean };
      tally.checks++;
      if (later.value !== value) tally.violations++;
      if (later.recovery) tally.fromReplica++;
    }
  })();
  return async () => {
    running = false;
    await done;
    return tally;
  };
}

async function measure(url: string) {
  const result = await autocannon({ url: `${url}${PATH}`, connections, duration, warmup: { connections, duration: 1 } });
  return {
    rps: Math.round(result.requests.total / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
  };
}

async function main() {
  if (replicaClusterUnavailable) {
    process.stderr.write(`replica.bench skipped: ${replicaClusterUnavailable}\n`);
    return;
  }
  const cluster = await startReplicaCluster();
  const primary = kyselyFor(cluster.primaryUrl, 10).db;
  const writes = kyselyFor(cluster.primaryUrl, 1).db;
  const replicas = openReplicas({ urls: [cluster.replicaUrl], primary, poolSize: 10, maxLagSeconds: 10 });
  const served: Served[] = [];
  try {
    await prepareDatabase(primary);
    await sql`create table bench_writes (id bigserial primary key, at timestamptz not null default now(), note text)`.execute(primary);
    const config = loadConfig({ ...process.env, DATABASE_URL: cluster.primaryUrl, LOG_LEVEL: 'warn', RATE_LIMIT_SEARCH_PER_MINUTE: '0' });
    const viaReplica = createApp({ db: primary, config, log: benchLogger, replicas });
    const viaPrimary = createApp({ db: primary, config, log: benchLogger });
    await addReplicaProbe(viaReplica, primary);
    await addReplicaProbe(viaPrimary, primary);
    const [replicaServer, primaryServer] = [await listen(viaReplica.fetch), await listen(viaPrimary.fetch)];
    served.push(replicaServer, primaryServer);
    for (let i = 0; i < 100 && !replicas.state()[0]?.healthy; i++) await new Promise((r) => setTimeout(r, 100));
    const probe = await fetch(`${replicaServer.url}${PATH}`);
    if (probe.status !== 200) throw new Error(`${PATH} answered ${probe.status}`);

    let reference = 0;
    const write = () => sql`insert into bench_writes (note) values (repeat('x', 200))`.execute(writes);
    for (const [name, server] of [
      ['primary-read-under-writes', primaryServer],
      ['replica-read-under-writes', replicaServer],
    ] as const) {
      const stopWriter = writer(write);
      const stopChecker = readYourWrites(server.url);
      const started = performance.now();
      const figure = await measure(server.url);
      const seconds = (performance.now() - started) / 1000;
      const ryw = await stopChecker();
      const written = await stopWriter();
      const line = {
        name,
        describe: `GET ${PATH}, ${connections} connections, while one connection inserts on the primary`,
        ...figure,
        writesPerSecond: Math.round(written / seconds),
        readYourWrites: ryw,
        replica: replicas.state()[0]?.healthy ? 'healthy' : 'skipped',
      };
      process.stdout.write(
        `${JSON.stringify(name === 'replica-read-under-writes' ? { ...line, ratioToPrimary: reference ? Number((figure.rps / reference).toPrecision(3)) : null } : line)}\n`,
      );
      if (name === 'primary-read-under-writes') reference = figure.rps;
      if (ryw.violations) process.exitCode = 1;
    }
  } finally {
    for (const s of served) s.close();
    await replicas.close();
    await writes.destroy();
    await primary.destroy();
    await cluster.close();
  }
}

await main();

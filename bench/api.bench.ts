// HTTP throughput and tail latency of Sapa's public API on the national data set, each figure
// paired with a bare Hono endpoint (same HTTP stack, no database) measured right before it, so
// the ratio holds when the machine's speed drifts. One JSON line per figure on stdout.
//
// Knobs: BENCH_DURATION (s, default 5), BENCH_CONNECTIONS (10), BENCH_WARMUP (s, 1),
// BENCH_FIGURES (comma-separated names, default all), BENCH_SCALE (data set size factor, 1),
// BENCH_POOL_SIZE (10), DATABASE_URL (PostgreSQL server: a fresh database is created on it).
import { type ChildProcess, fork } from 'node:child_process';
import autocannon, { type Result } from 'autocannon';
import type { ServerReady } from './lib/api-server.ts';
import { Rng } from './lib/prng.ts';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 1);
const only = process.env.BENCH_FIGURES?.split(',').map((s) => s.trim()).filter(Boolean);

/** A figure: a name and the path of each request (called per request, so it may vary). */
type Figure = { name: string; describe: string; path: (data: ServerReady, rng: Rng) => string };

/** Add a figure here; it is probed once and skipped (with a note on stderr) when it does not answer 200. */
const FIGURES: Figure[] = [
  {
    name: 'programme-by-id',
    describe: 'GET /api/programmes/{id}, a random public programme per request',
    path: (d, rng) => `/api/programmes/${rng.pick(d.publicProgrammeIds)}`,
  },
  {
    name: 'programme-list-filtered',
    describe: 'GET /api/programmes?field=06&nqfLevel=6&limit=20 (first page and total)',
    path: () => '/api/programmes?field=06&nqfLevel=6&limit=20',
  },
  {
    name: 'organization-by-id',
    describe: 'GET /api/organizations/{id}, a random generated organization per request',
    path: (d, rng) => `/api/organizations/${rng.pick(d.organizationIds)}`,
  },
  {
    name: 'organization-list-by-region',
    describe: 'GET /api/organizations?region=…&limit=20, the region with most organizations',
    path: (d) => `/api/organizations?region=${encodeURIComponent(d.regionCodes[0] ?? '')}&limit=20`,
  },
];

const log = (line: string) => process.stderr.write(`${line}\n`);

function startServer(): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(new URL('./lib/api-server.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    // The server's own stdout goes to our stderr: stdout carries only result lines.
    stdio: ['ignore', 2, 2, 'ipc'],
    env: process.env,
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: ServerReady) => resolve({ child, ready: message }));
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code} before it was ready`)));
  });
}

async function measure(baseUrl: string, path: () => string): Promise<Result> {
  return autocannon({
    url: baseUrl,
    connections,
    duration,
    warmup: warmup > 0 ? { connections, duration: warmup } : undefined,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
  });
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const rps = (r: Result) => (r.duration > 0 ? r.requests.total / r.duration : 0);
const failures = (r: Result) => r.non2xx + r.errors;

async function main(): Promise<void> {
  const { child, ready } = await startServer();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const figures = FIGURES.filter((f) => !only || only.includes(f.name));
    for (const figure of figures) {
      const rng = new Rng(`api.bench:${figure.name}`);
      const probe = await fetch(`${ready.sapaUrl}${figure.path(ready, rng)}`);
      if (probe.status !== 200) {
        log(`skipping ${figure.name}: ${figure.describe} answered ${probe.status} ${(await probe.text()).slice(0, 300)}`);
        continue;
      }
      await probe.arrayBuffer().catch(() => undefined);
      log(`measuring ${figure.name} (${duration} s, ${connections} connections, after a ${warmup} s warm-up) and its reference`);
      const reference = await measure(ready.bareUrl, () => '/bare');
      const result = await measure(ready.sapaUrl, () => figure.path(ready, rng));
      if (failures(result) || failures(reference)) {
        log(`  ${figure.name}: ${result.non2xx} non-2xx, ${result.errors} errors (status counts ${JSON.stringify(result.statusCodeStats)}); reference: ${failures(reference)}`);
      }
      const line = {
        bench: 'api',
        figure: figure.name,
        rps: round(rps(result)),
        p99_ms: result.latency.p99,
        p50_ms: result.latency.p50,
        reference: 'bare-hono',
        reference_rps: round(rps(reference)),
        reference_p99_ms: reference.latency.p99,
        rps_ratio: round(rps(result) / rps(reference), 4),
        p99_ratio: round(result.latency.p99 / Math.max(reference.latency.p99, 1), 2),
        non_2xx: result.non2xx,
        errors: result.errors,
        database: ready.database,
        connections,
        duration_s: duration,
        rows: { programmes: ready.rows.programmes, organizations: ready.rows.organizations, record_versions: ready.rows.record_versions, search_documents: ready.rows.search_documents },
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  } finally {
    child.send({ type: 'stop' });
    await exited;
  }
}

main().catch((error) => {
  log(`api.bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});

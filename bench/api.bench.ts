// HTTP throughput and tail latency of Sapa's public API on the national data set, each figure
// paired with references measured right before it, so the ratio holds when the machine's speed
// drifts: a bare Hono endpoint (same HTTP stack, no database), bare-db (the same stack reading one
// programme row by primary key through Sapa's own pool: `bare_db_ratio`) and, for the search
// figures, the search's own SQL straight through pg (`search_sql_ratio`). One JSON line per figure.
//
// Knobs: BENCH_DURATION (s, default 5), BENCH_CONNECTIONS (10), BENCH_WARMUP (s, 1),
// BENCH_FIGURES (comma-separated names, default all), BENCH_SCALE (data set size factor, 1),
// BENCH_POOL_SIZE (10), DATABASE_URL (PostgreSQL server: a fresh database is created on it).
import { type ChildProcess, fork } from 'node:child_process';
import autocannon, { type Result } from 'autocannon';
import type { ServerReady } from './lib/api-server.ts';
import { Rng } from './lib/prng.ts';
import { SEARCH_QUERIES } from './lib/search-queries.ts';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 1);
const only = process.env.BENCH_FIGURES?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);


/**
 * A figure: a name and the path of each request (called per request, so it may vary). A slow
 * figure gives `responses`: it is measured over that many responses (after one warm-up round)
 * instead of BENCH_DURATION seconds, so it has numbers at all when one request takes seconds.
 */
type Figure = {
  name: string;
  describe: string;
  path: (data: ServerReady, rng: Rng) => string;
  responses?: number;
  /** The search's own SQL straight through pg for the same request (search figures). */
  sql?: (rng: Rng) => string;
};

/** An id from the list, or 'none' (a 404, so the figure is skipped) when the data set has no such record. */
const pickOrNone = (rng: Rng, ids: readonly string[]) => (ids.length ? rng.pick(ids) : 'none');

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
  {
    name: 'programme-list-as-of',
    describe: 'GET /api/programmes?asOf=2024-01-01&field=06&nqfLevel=6&limit=20 (the register as it stood that day)',
    path: () => '/api/programmes?asOf=2024-01-01&field=06&nqfLevel=6&limit=20',
    responses: 30,
  },
  {
    name: 'indicator-programmes-by-field',
    describe: 'GET /api/indicators/programmes?by=field: programmes in the register by field, with published figures and lineage (issue 15: p95 ≤ 50 ms; cached by data version)',
    path: () => '/api/indicators/programmes?by=field',
  },
  {
    name: 'indicator-accredited-share-by-region',
    describe: 'GET /api/indicators/programmes-accredited-share?field=…&by=region, a random field per request (12 views, each computed once per data version)',
    path: (_d, rng) => `/api/indicators/programmes-accredited-share?by=region&field=${rng.pick(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'])}`,
  },
  {
    name: 'indicator-ger-by-region',
    describe: 'GET /api/indicators/gross-enrolment-ratio?by=region: students in ISCED 5–8 over the population aged 18–22, from the statistics rows (six years × every region)',
    path: () => '/api/indicators/gross-enrolment-ratio?by=region',
  },
  {
    name: 'indicator-statistics-views',
    describe: 'GET /api/indicators/{students|state-grants|faculty|gross-enrolment-ratio}?by=…: a random statistics view per request (each computed once per data version)',
    path: (_d, rng) =>
      rng.pick([
        '/api/indicators/students?by=level',
        '/api/indicators/students?by=region&funding=state',
        '/api/indicators/state-grants?by=level',
        '/api/indicators/faculty?by=degree',
        '/api/indicators/faculty?by=title',
        '/api/indicators/gross-enrolment-ratio?by=gender',
      ]),
  },
  {
    name: 'indicator-cold',
    describe: 'GET /api/indicators/gross-enrolment-ratio?by=region&asOf=…, a new day per request: every input gathered again (no cache hit), the cost the first request of a data version pays',
    path: (_d, rng) => `/api/indicators/gross-enrolment-ratio?by=region&asOf=20${rng.int(10, 24)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    responses: 40,
  },
  {
    name: 'search',
    describe: 'GET /api/search?q=…, a random query per request from a fixed list (Cyrillic, Latin, codes)',
    path: (_d, rng) => `/api/search?q=${encodeURIComponent(rng.pick(SEARCH_QUERIES))}`,
    sql: (rng) => `/bare-search?q=${encodeURIComponent(rng.pick(SEARCH_QUERIES))}`,
  },
  {
    name: 'search-page',
    describe: 'GET /kk/search?q=…, the HTML results page with facets, same queries as search',
    path: (_d, rng) => `/kk/search?q=${encodeURIComponent(rng.pick(SEARCH_QUERIES))}`,
    sql: (rng) => `/bare-search?q=${encodeURIComponent(rng.pick(SEARCH_QUERIES))}`,
  },
  {
    name: 'programme-page',
    describe: 'GET /kk/programmes/{id}: the record page with its accreditation, status banner and breadcrumbs (issue 11: under 50 ms)',
    path: (d, rng) => `/kk/programmes/${rng.pick(d.publicProgrammeIds)}`,
  },
  {
    name: 'programme-list-page',
    describe: 'GET /kk/programmes?field=06: the list page with facets, badges and the field → direction → group tree',
    path: () => '/kk/programmes?field=06',
  },
  {
    name: 'organization-page',
    describe: 'GET /kk/organizations/{id}: profile, accreditation, licences and programmes with their badges',
    path: (d, rng) => `/kk/organizations/${rng.pick(d.organizationIds)}`,
  },
  {
    name: 'qualification-page',
    describe: 'GET /kk/qualifications/{id}: passport, issued certificates, provenance, occupations and programmes',
    path: (d, rng) => `/kk/qualifications/${pickOrNone(rng, d.qualificationIds)}`,
  },
  {
    name: 'occupational-standard-page',
    describe: 'GET /kk/occupational-standards/{id}: passport, provenance, occupations with labour functions',
    path: (d, rng) => `/kk/occupational-standards/${pickOrNone(rng, d.standardIds)}`,
  },
  {
    name: 'sqf-page',
    describe: 'GET /kk/sqfs/{id}: a sectoral framework with its qualification map',
    path: (d, rng) => `/kk/sqfs/${pickOrNone(rng, d.sqfIds)}`,
  },
  {
    name: 'nqf-page',
    describe: 'GET /kk/nqf/6: an NQF level with its descriptors, provenance, qualification types and counts',
    path: () => '/kk/nqf/6',
  },
  {
    name: 'register-3-page',
    describe: 'GET /kk/registers/3: Register 3 with its standing badges',
    path: () => '/kk/registers/3',
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

type Measurement = { result: Result; rps: number; p50: number; p95: number; p99: number };

/** Percentile of sorted samples (nearest rank). */
function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * One autocannon run. Latency percentiles come from each response's own time (autocannon's
 * histogram keeps whole milliseconds, too coarse for the sub-millisecond reference).
 */
async function measure(baseUrl: string, path: () => string, responses?: number): Promise<Measurement> {
  const times: number[] = [];
  const instance = autocannon({
    url: baseUrl,
    connections,
    ...(responses ? { amount: Math.max(responses, connections) } : { duration }),
    ...(responses ? { warmup: { connections, amount: connections } } : warmup > 0 ? { warmup: { connections, duration: warmup } } : {}),
    // Slow figures queue behind each other on an embedded database: count them, do not time them out.
    timeout: 120,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: path() }),
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  const sorted = Float64Array.from(times).sort();
  return {
    result,
    rps: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

async function settle(baseUrl: string): Promise<void> {
  for (let i = 0; i < 3; i++) await (await fetch(`${baseUrl}/api/health`)).arrayBuffer();
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Ratios span 1e-5 to 1e4: keep three significant digits rather than fixed decimals. */
const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(3)) : null);
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
      const how = figure.responses ? `${figure.responses} responses` : `${duration} s`;
      log(`measuring ${figure.name} (${how}, ${connections} connections, after a warm-up) and its reference`);
      const reference = await measure(ready.bareUrl, () => '/bare');
      const dbRng = new Rng(`api.bench:bare-db:${figure.name}`);
      const bareDb = await measure(ready.bareUrl, () => `/bare-db/${dbRng.pick(ready.publicProgrammeIds)}`);
      const sqlRng = new Rng(`api.bench:sql:${figure.name}`);
      const searchSql = figure.sql ? await measure(ready.bareUrl, () => figure.sql?.(sqlRng) ?? '/bare') : undefined;
      const sapa = await measure(ready.sapaUrl, () => figure.path(ready, rng), figure.responses);
      // Requests still queued in the server would slow the next figure: wait until it answers again.
      await settle(ready.sapaUrl);
      if (failures(sapa.result) || failures(reference.result)) {
        log(
          `  ${figure.name}: ${sapa.result.non2xx} non-2xx, ${sapa.result.errors} errors (${JSON.stringify(sapa.result.statusCodeStats)}); reference: ${failures(reference.result)}`,
        );
      }
      const line = {
        bench: 'api',
        figure: figure.name,
        rps: round(sapa.rps, 1),
        p99_ms: round(sapa.p99),
        p95_ms: round(sapa.p95),
        p50_ms: round(sapa.p50),
        bare_db_rps: round(bareDb.rps, 1),
        bare_db_p99_ms: round(bareDb.p99),
        bare_db_ratio: ratio(sapa.rps, bareDb.rps),
        ...(searchSql && {
          search_sql_rps: round(searchSql.rps, 1),
          search_sql_p95_ms: round(searchSql.p95),
          search_sql_ratio: ratio(sapa.rps, searchSql.rps),
        }),
        reference: 'bare-hono',
        reference_rps: round(reference.rps, 1),
        reference_p99_ms: round(reference.p99),
        rps_ratio: ratio(sapa.rps, reference.rps),
        p99_ratio: ratio(sapa.p99, reference.p99),
        non_2xx: sapa.result.non2xx,
        errors: sapa.result.errors,
        database: ready.database,
        connections,
        ...(figure.responses ? { responses: sapa.result.requests.total } : { duration_s: duration }),
        rows: {
          programmes: ready.rows.programmes,
          organizations: ready.rows.organizations,
          record_versions: ready.rows.record_versions,
          search_documents: ready.rows.search_documents,
          statistical_observations: ready.rows.statistical_observations,
        },
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

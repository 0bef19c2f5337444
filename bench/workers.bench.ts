// `sapa serve --workers 2` against one HTTP process on programme-by-id, in the same run, on the
// national data set (issue 17: ≥ 1.5× the throughput of one). PostgreSQL only (DATABASE_URL):
// embedded PGlite serves one process. One JSON line on stdout.
//
// Knobs: BENCH_DURATION (s, default 5), BENCH_CONNECTIONS (50), BENCH_SCALE (1).
import autocannon from 'autocannon';
import { nationalDatabase } from './lib/national-database.ts';
import { Rng } from './lib/prng.ts';
import { startSapaServe } from './lib/sapa-serve.ts';

const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function measure(url: string, ids: string[]) {
  const rng = new Rng('workers.bench');
  const result = await autocannon({
    url,
    connections,
    duration,
    warmup: { connections, duration: 2 },
    requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/programmes/${rng.pick(ids)}` }) }],
  });
  return { rps: result.requests.total / result.duration, p99: result.latency.p99, failures: result.non2xx + result.errors };
}

async function main() {
  if (!process.env.DATABASE_URL) {
    process.stderr.write('workers.bench: skipped, needs a PostgreSQL server (DATABASE_URL)\n');
    return;
  }
  const national = await nationalDatabase();
  try {
    const figures: Record<number, { rps: number; p99: number; failures: number }> = {};
    for (const workers of [1, 2]) {
      const served = await startSapaServe(national.url, { workers });
      try {
        process.stderr.write(`measuring programme-by-id on ${workers} HTTP process(es)\n`);
        figures[workers] = await measure(served.url, national.publicProgrammeIds);
      } finally {
        await served.stop();
      }
    }
    const one = figures[1];
    const two = figures[2];
    if (!one || !two) return;
    process.stdout.write(
      `${JSON.stringify({
        bench: 'workers',
        figure: 'programme-by-id',
        workers_1_rps: Math.round(one.rps),
        workers_2_rps: Math.round(two.rps),
        workers_1_p99_ms: one.p99,
        workers_2_p99_ms: two.p99,
        ratio: Number((two.rps / one.rps).toPrecision(3)),
        failures: one.failures + two.failures,
        connections,
        duration_s: duration,
      })}\n`,
    );
  } finally {
    await national.database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`workers.bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

// Soak (issue 17): `sapa serve` on PostgreSQL with the national data set, mixed public reads at 80%
// of the peak measured first, for SOAK_MINUTES (default 10). Reports errors and the server's RSS
// each minute; passes with 0 errors, RSS growth ≤ 10% from the first minute to the last and RSS
// under 250 MB. Not in `npm run bench` (it takes minutes): `npx tsx bench/soak.ts`.
//
// Knobs: SOAK_MINUTES (10), SOAK_SHARE (0.8 of peak), BENCH_CONNECTIONS (50), BENCH_SCALE (1),
// DATABASE_URL (required).
import autocannon, { type Result } from 'autocannon';
import { nationalDatabase } from './lib/national-database.ts';
import { Rng } from './lib/prng.ts';
import { rssMb, startSapaServe } from './lib/sapa-serve.ts';
import { SEARCH_QUERIES } from './lib/search-queries.ts';

const minutes = Number(process.env.SOAK_MINUTES ?? 10);
const share = Number(process.env.SOAK_SHARE ?? 0.8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const RSS_LIMIT_MB = 250;

/** Public reads a visitor makes, in a fixed mix. */
function mixedPath(rng: Rng, programmes: string[], organizations: string[]): string {
  const q = encodeURIComponent(rng.pick(SEARCH_QUERIES));
  const pick = rng.pick([0, 0, 0, 1, 1, 2, 3, 4, 5, 6]);
  switch (pick) {
    case 0:
      return `/api/programmes/${rng.pick(programmes)}`;
    case 1:
      return `/api/organizations/${rng.pick(organizations)}`;
    case 2:
      return '/api/programmes?field=06&nqfLevel=6&limit=20';
    case 3:
      return `/api/search?q=${q}`;
    case 4:
      return `/kk/search?q=${q}`;
    case 5:
      return `/kk/programmes/${rng.pick(programmes)}`;
    default:
      return `/ru/organizations/${rng.pick(organizations)}`;
  }
}

function load(url: string, rng: Rng, programmes: string[], organizations: string[], options: { duration: number; rate?: number }): PromiseLike<Result> {
  return autocannon({
    url,
    connections,
    duration: options.duration,
    ...(options.rate ? { overallRate: options.rate } : {}),
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: mixedPath(rng, programmes, organizations) }) }],
  });
}

async function main() {
  if (!process.env.DATABASE_URL) {
    process.stderr.write('soak: needs a PostgreSQL server (DATABASE_URL)\n');
    process.exitCode = 1;
    return;
  }
  const national = await nationalDatabase();
  const served = await startSapaServe(national.url);
  const pid = served.pids[0] ?? 0;
  const rng = new Rng('soak');
  try {
    process.stderr.write('measuring the peak of mixed public reads (20 s)\n');
    const peakRun = await load(served.url, rng, national.publicProgrammeIds, national.organizationIds, { duration: 20 });
    const peak = peakRun.requests.total / peakRun.duration;
    const rate = Math.max(1, Math.round(peak * share));
    process.stderr.write(`peak ${peak.toFixed(0)} req/s; soaking at ${rate} req/s for ${minutes} min\n`);
    const perMinute: { minute: number; rps: number; p99_ms: number; errors: number; non_2xx: number; rss_mb: number }[] = [];
    for (let minute = 1; minute <= minutes; minute++) {
      const samples: number[] = [];
      const sampler = setInterval(async () => {
        const mb = await rssMb(pid);
        if (mb !== null) samples.push(mb);
      }, 2000);
      const run = await load(served.url, rng, national.publicProgrammeIds, national.organizationIds, { duration: 60, rate });
      clearInterval(sampler);
      const rss = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : ((await rssMb(pid)) ?? 0);
      const line = {
        minute,
        rps: Math.round(run.requests.total / run.duration),
        p99_ms: run.latency.p99,
        errors: run.errors + run.timeouts,
        non_2xx: run.non2xx,
        rss_mb: Math.round(rss),
      };
      perMinute.push(line);
      process.stderr.write(`${JSON.stringify(line)}\n`);
    }
    const first = perMinute[0];
    const last = perMinute[perMinute.length - 1];
    const errors = perMinute.reduce((n, m) => n + m.errors + m.non_2xx, 0);
    const growth = first && last ? (last.rss_mb - first.rss_mb) / first.rss_mb : 0;
    const maxRss = Math.max(...perMinute.map((m) => m.rss_mb));
    const summary = {
      bench: 'soak',
      minutes,
      peak_rps: Math.round(peak),
      rate_rps: rate,
      errors,
      rss_first_minute_mb: first?.rss_mb,
      rss_last_minute_mb: last?.rss_mb,
      rss_growth: Number(growth.toFixed(3)),
      rss_max_mb: maxRss,
      passed: errors === 0 && growth <= 0.1 && maxRss < RSS_LIMIT_MB,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    if (!summary.passed) process.exitCode = 1;
  } finally {
    await served.stop();
    await national.database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

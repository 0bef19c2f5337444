// Whether sign-in's answer time tells which accounts exist: the median time of a wrong password
// for an existing account against that of an unknown e-mail, at the production password cost,
// through the app in-process. One JSON line on stdout; a ratio near 1 is the target (it was ~30).
// Knob: BENCH_SIGN_INS (attempts of each kind, default 20).
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/platform/access/roles.ts';
import { createUser } from '../src/platform/auth/auth.service.ts';
import { inTransaction } from '../src/platform/context.ts';
import { benchLogger, openFreshDatabase, prepareDatabase } from './lib/database.ts';

const attempts = Number(process.env.BENCH_SIGN_INS ?? 20);
const database = await openFreshDatabase({ poolSize: 2 });
await prepareDatabase(database.db);
// Throttling would answer 429 long before the attempts are spent: lift it for the measurement.
const config = loadConfig({ LOG_LEVEL: 'warn', SIGN_IN_ATTEMPTS_PER_ACCOUNT: String(attempts * 4), SIGN_IN_ATTEMPTS_PER_ADDRESS: String(attempts * 4) });
const app = createApp({ db: database.db, config, log: benchLogger });
const ctx = { db: database.db, actor: systemActor('bench'), lang: 'en' as const, log: benchLogger, requestId: null };
await inTransaction(ctx, (c) => createUser(c, { email: 'known@bench.sapa.kz', displayName: 'Known', password: 'the right password', roles: [{ role: 'ministry', organizationId: null }] }));

async function medianMs(email: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < attempts; i++) {
    const started = performance.now();
    const res = await app.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: `wrong ${i}` }) });
    await res.text();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

await medianMs('warm-up@bench.sapa.kz');
const known = await medianMs('known@bench.sapa.kz');
const unknown = await medianMs('nobody@bench.sapa.kz');
process.stdout.write(`${JSON.stringify({ bench: 'sign-in timing', database: database.kind, knownAccountMs: Math.round(known), unknownAccountMs: Math.round(unknown), ratio: Math.round((known / unknown) * 100) / 100 })}\n`);
await database.close();

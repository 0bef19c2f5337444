import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, createTestDatabase } from '../../../test/helpers/database.ts';
import { silentLogger } from '../../../test/helpers/logger.ts';
import { enqueueJob, jobState, registerJob, startJobs, stopJobs } from './jobs.ts';

let database: TestDatabase;
const seen: { n: number; jobId: string }[] = [];
let failures = 0;

registerJob<{ n: number }>('test.echo', async (data, job) => {
  seen.push({ n: data.n, jobId: job.jobId });
});
registerJob<{ n: number }>('test.flaky', async () => {
  failures += 1;
  if (failures < 2) throw new Error('first attempt fails');
}, { retryLimit: 3 });

before(async () => {
  database = await createTestDatabase();
  await startJobs({ db: database.db, log: silentLogger, pollingIntervalSeconds: 0.5 });
});
after(async () => {
  await stopJobs();
  await database?.close();
});

async function until(check: () => Promise<boolean> | boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('runs a queued job on PGlite through the socket and reports it completed', async () => {
  const id = await enqueueJob('test.echo', { n: 7 });
  await until(async () => (await jobState('test.echo', id)) === 'completed');
  assert.deepEqual(seen.find((s) => s.jobId === id)?.n, 7);
});

test('a job queued in a rolled-back transaction never runs', async () => {
  let queued = '';
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      queued = await enqueueJob('test.echo', { n: 99 }, { db: trx });
      throw new Error('roll back');
    }),
  );
  assert.ok(queued);
  assert.equal(await jobState('test.echo', queued), null);
});

test('retries a failing job until it succeeds', async () => {
  const id = await enqueueJob('test.flaky', { n: 1 });
  await until(async () => (await jobState('test.flaky', id)) === 'completed', 30_000);
  assert.equal(failures, 2);
});

test('refuses to queue a job nobody handles', async () => {
  await assert.rejects(enqueueJob('test.nobody', {}), /no handler/);
});

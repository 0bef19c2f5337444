import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestDatabase, createTestDatabase } from '../../../test/helpers/database.ts';
import pino from 'pino';
import { defineJob, enqueueJob, jobState, startJobs, stopJobs } from './jobs.ts';

let database: TestDatabase;
const seen: { n: number; jobId: string }[] = [];
let failures = 0;

const errors: string[] = [];
// Errors the runner reports (pg-boss maintenance included) are collected: there must be none.
const log = pino({ level: 'error' }, { write: (line: string) => void errors.push(line) });

const echo = defineJob<{ n: number }>({
  name: 'test.echo',
  async handler(data, job) {
    seen.push({ n: data.n, jobId: job.jobId });
  },
});
const flaky = defineJob<{ n: number }>({
  name: 'test.flaky',
  retryLimit: 3,
  async handler() {
    failures += 1;
    if (failures < 2) throw new Error('first attempt fails');
  },
});

before(async () => {
  database = await createTestDatabase();
  await startJobs({ jobs: [echo, flaky], connectionString: database.url, db: database.db, log, pollingIntervalSeconds: 0.5 });
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

test('the runner reports no errors of its own (pg-boss maintenance runs on its own pool)', async () => {
  await new Promise((r) => setTimeout(r, 1500));
  assert.deepEqual(errors.filter((e) => !e.includes('first attempt fails')), []);
});

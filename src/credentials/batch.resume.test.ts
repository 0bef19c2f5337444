// A batch whose server was killed mid-way (kill -9) resumes soon after the restart, without issuing
// anything twice. The crash is reproduced in the database as a killed worker leaves it: the batch
// half issued and "running", its pg-boss job active with a heartbeat nobody refreshes any more.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { TestApp } from '../../test/helpers/app.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import { JOBS } from '../jobs.ts';
import { RECOVERY, startJobs, stopJobs } from '../platform/jobs/jobs.ts';
import { runBatch } from './batch.service.ts';
import { appWithSpecification } from './specification.fixtures.ts';

let t: TestApp;
let editor: string;
let specId: string;

before(async () => {
  ({ t, editor, specId } = await appWithSpecification());
});
after(async () => {
  await stopJobs();
  await t?.close();
});

test('the settings bring a job whose worker died back within a minute', () => {
  const worst = RECOVERY.HEARTBEAT_SECONDS + RECOVERY.SUPERVISE_SECONDS + RECOVERY.RETRY_DELAY_MAX_SECONDS + RECOVERY.POLLING_SECONDS;
  assert.ok(worst < 60, `worst case ${worst} s`);
});

test('a batch interrupted by a crash resumes after the restart and issues every learner exactly once', async () => {
  // The first server: it queues jobs but its worker is the one that "dies".
  await startJobs({ jobs: JOBS, connectionString: t.url, db: t.db, log: silentLogger, work: false });
  const rows = Array.from({ length: 12 }, (_, i) => `Learner ${i + 1},learner${i + 1}@example.kz,2026-01-15,A`);
  const created = await t.json('POST', '/api/credentials/batches', { token: editor, body: { specificationId: specId, csv: ['name,email,date,grade', ...rows].join('\n') } });
  assert.equal(created.status, 202, JSON.stringify(created.body));
  const batchId: string = created.body.id;
  const { job_id: jobId } = await t.db.selectFrom('credential_batches').select('job_id').where('id', '=', batchId).executeTakeFirstOrThrow();
  assert.ok(jobId);

  // The worker took the job and issued 5 rows, then the process was killed.
  await sql`UPDATE pgboss.job SET state = 'active', started_on = now() - interval '1 minute', heartbeat_on = now() - interval '1 minute' WHERE id = ${jobId}::uuid`.execute(t.db);
  await assert.rejects(
    runBatch(t.db, silentLogger, batchId, (done) => {
      if (done === 5) throw new Error('kill -9');
    }),
  );
  const halfway = await t.json('GET', `/api/credentials/batches/${batchId}`, { token: editor });
  assert.equal(halfway.body.status, 'running');
  assert.equal(halfway.body.done, 5);
  await stopJobs();

  // The restarted server.
  await startJobs({ jobs: JOBS, connectionString: t.url, db: t.db, log: silentLogger, pollingIntervalSeconds: 0.5, superviseIntervalSeconds: 1 });
  const end = Date.now() + 30_000;
  let batch = halfway.body;
  while (batch.status === 'running' || batch.status === 'queued') {
    if (Date.now() > end) assert.fail(`still ${batch.status} ${batch.done}/${batch.total} half a minute after the restart`);
    await new Promise((r) => setTimeout(r, 200));
    batch = (await t.json('GET', `/api/credentials/batches/${batchId}`, { token: editor })).body;
  }
  assert.equal(batch.status, 'completed');
  assert.equal(batch.issued, 12);
  const issued = await t.db.selectFrom('credentials').select((eb) => eb.fn.countAll<number>().as('n')).where('specification_id', '=', specId).executeTakeFirstOrThrow();
  assert.equal(Number(issued.n), 12);
});

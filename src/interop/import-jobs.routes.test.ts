// Committing an import as a job over HTTP: 202 with a Location, polled to completion with its
// progress; a file with a bad row ends failed with the localized problem and stores nothing;
// a job is seen only by whoever started it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import { JOBS } from '../jobs.ts';
import { startJobs, stopJobs } from '../platform/jobs/jobs.ts';

let t: TestApp;
let ministry: string;

before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
  await startJobs({ jobs: JOBS, connectionString: t.url, db: t.db, log: silentLogger, pollingIntervalSeconds: 0.5 });
});
after(async () => {
  await stopJobs();
  await t?.close();
});

const HEADER = 'БИН;Название (на казахском);Название (на русском);Тип';
const commit = (csv: string, lang = 'en') =>
  t.app.request('/api/imports/organizations/commit', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'accept-language': lang, authorization: `Bearer ${ministry}` },
    body: Buffer.from(csv),
  });

async function finished(location: string, token = ministry, lang = 'en') {
  const end = Date.now() + 30_000;
  for (;;) {
    const res = await t.json('GET', location, { token, lang });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    if (res.body.state === 'completed' || res.body.state === 'failed') return res.body;
    assert.ok(res.body.done <= res.body.total);
    if (Date.now() > end) throw new Error(`import still ${res.body.state}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const organizationsWithBin = async (prefix: string) =>
  Number((await t.db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).where('bin', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n);

test('start → poll → done: 202 with the job and its Location, progress up to the total, the outcome at the end', async () => {
  const rows = Array.from({ length: 5 }, (_, i) => `93000000000${i};Колледж ${i};Колледж ${i};college`);
  const res = await commit([HEADER, ...rows].join('\n'));
  assert.equal(res.status, 202, await res.clone().text());
  const job = await res.json();
  const location = res.headers.get('location');
  assert.equal(location, `/api/imports/jobs/${job.id}`);
  assert.ok(['queued', 'running', 'completed'].includes(job.state));
  assert.equal(job.total, 5);
  const done = await finished(location ?? '');
  assert.equal(done.state, 'completed', JSON.stringify(done.problem));
  assert.deepEqual([done.done, done.total, done.outcome.create, done.outcome.committed, done.problem], [5, 5, 5, true, null]);
  assert.equal(await organizationsWithBin('93000000000'), 5);
  // Someone else does not see it; nobody signed out does.
  const other = await t.tokenFor('ministry');
  assert.equal((await t.json('GET', location ?? '', { token: other })).status, 404);
  assert.equal((await t.json('GET', location ?? '')).status, 401);
});

test('a file with a bad row: the job fails with the localized problem, and nothing is written', async () => {
  const rows = ['940000000001;Колледж;Колледж;college', '940000000002;Колледж два;Колледж два;castle', '940000000003;Колледж три;Колледж три;college'];
  const res = await commit([HEADER, ...rows].join('\n'), 'ru');
  assert.equal(res.status, 202, await res.clone().text());
  const done = await finished(res.headers.get('location') ?? '', ministry, 'ru');
  assert.equal(done.state, 'failed');
  assert.equal(done.outcome.committed, false);
  assert.equal(done.problem.status, 422);
  assert.deepEqual(done.problem.badRows, [3]);
  assert.match(done.problem.errors[0].message, /^Строка 3, столбец «Тип»/);
  assert.equal(await organizationsWithBin('94000000000'), 0);
});

test('an unreadable or empty file is refused at once (422), with no job', async () => {
  const res = await commit(HEADER);
  assert.equal(res.status, 422);
  assert.equal((await t.db.selectFrom('import_jobs').select('id').where('total', '=', 0).execute()).length, 0);
});

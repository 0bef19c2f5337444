import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import { JOBS } from '../jobs.ts';
import { startJobs, stopJobs } from '../platform/jobs/jobs.ts';
import { inTransaction } from '../platform/context.ts';
import { createBatch, runBatch } from './batch.service.ts';
import { licensedUniversity, orgIdByKey, specBody } from './specification.fixtures.ts';

let t: TestApp;
let university: string;
let editor: string;
let specId: string;

before(async () => {
  t = await createTestApp();
  university = await licensedUniversity(t);
  editor = await t.tokenFor('org-editor', university);
  const spec = await t.json('POST', '/api/credentials/specifications', { token: editor, body: specBody(university) });
  assert.equal(spec.status, 201, JSON.stringify(spec.body));
  specId = spec.body.id;
  await startJobs({ jobs: JOBS, connectionString: t.url, db: t.db, log: silentLogger, pollingIntervalSeconds: 0.5 });
});
after(async () => {
  await stopJobs();
  await t?.close();
});

const csvOf = (...rows: string[]) => ['name,email,date,grade', ...rows].join('\n');

async function credentialsOfSpec(): Promise<number> {
  const r = await t.db.selectFrom('credentials').select((eb) => eb.fn.countAll<number>().as('n')).where('specification_id', '=', specId).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function finished(id: string) {
  const end = Date.now() + 30_000;
  for (;;) {
    const res = await t.json('GET', `/api/credentials/batches/${id}`, { token: editor });
    assert.equal(res.status, 200);
    if (res.body.status === 'completed' || res.body.status === 'failed') return res.body;
    if (Date.now() > end) throw new Error(`batch still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

test('a batch with bad rows issues nothing and lists every bad row with its line and column, localized', async () => {
  const csv = csvOf('Asel Nurova,asel@example.kz,2026-01-15,A', ',no-mail,2026-01-15,', 'Berik Ospan,berik@example.kz,31.02.2026,B');
  const res = await t.json('POST', '/api/credentials/batches', { token: editor, lang: 'ru', body: { specificationId: specId, csv } });
  assert.equal(res.status, 422);
  assert.deepEqual(res.body.badRows, [3, 4]);
  assert.deepEqual(
    res.body.errors.map((e: { path: string }) => e.path),
    ['rows.3.name', 'rows.3.email', 'rows.4.date'],
  );
  assert.match(res.body.errors[2].message, /Строка 4/);
  assert.equal(await credentialsOfSpec(), 0);
});

test('issues a good batch as a job, reporting progress and the credential of every row', async () => {
  const csv = csvOf('Aigerim Sadykova,aigerim@example.kz,2026-02-01,A', 'Daniyar Ermekov,daniyar@example.kz,2026-02-01,B+', 'Zhanna Ali,zhanna@example.kz,2026-02-02,');
  const res = await t.json('POST', '/api/credentials/batches', { token: editor, body: { specificationId: specId, csv } });
  assert.equal(res.status, 202, JSON.stringify(res.body));
  assert.equal(res.body.total, 3);
  assert.ok(['queued', 'running', 'completed'].includes(res.body.status));
  const done = await finished(res.body.id);
  assert.equal(done.status, 'completed');
  assert.deepEqual([done.done, done.issued, done.skipped, done.failed], [3, 3, 0, 0]);
  assert.ok(done.rows.every((r: { status: string; credentialId: string | null }) => r.status === 'issued' && r.credentialId));
  assert.equal(await credentialsOfSpec(), 3);
  const stored = await t.db.selectFrom('credentials').select(['learner_email', 'valid_from']).where('id', '=', done.rows[0].credentialId).executeTakeFirstOrThrow();
  assert.equal(stored.learner_email, 'aigerim@example.kz');
});

test('submitting the same file again returns the first batch and issues nothing more', async () => {
  const csv = csvOf('Aigerim Sadykova,aigerim@example.kz,2026-02-01,A', 'Daniyar Ermekov,daniyar@example.kz,2026-02-01,B+', 'Zhanna Ali,zhanna@example.kz,2026-02-02,');
  const before = await credentialsOfSpec();
  const again = await t.json('POST', '/api/credentials/batches', { token: editor, body: { specificationId: specId, csv: `\uFEFF${csv.replaceAll('\n', '\r\n')}\r\n` } });
  assert.equal(again.status, 200);
  assert.equal(again.body.issued, 3);
  assert.equal(await credentialsOfSpec(), before);
});

test('another file naming a learner and date already issued skips that row and points at the first credential', async () => {
  const first = await t.db.selectFrom('credentials').select('id').where('specification_id', '=', specId).where('learner_email', '=', 'zhanna@example.kz').executeTakeFirstOrThrow();
  const csv = csvOf('Zhanna Ali,ZHANNA@example.kz,2026-02-02,', 'Marat Bek,marat@example.kz,2026-02-03,');
  const res = await t.json('POST', '/api/credentials/batches', { token: editor, body: { specificationId: specId, csv } });
  assert.equal(res.status, 202);
  const done = await finished(res.body.id);
  assert.deepEqual([done.issued, done.skipped], [1, 1]);
  assert.equal(done.rows[0].status, 'skipped');
  assert.equal(done.rows[0].credentialId, first.id);
});

test('partial mode issues the good rows and reports the bad ones', async () => {
  const body = csvOf('Olzhas Tore,olzhas@example.kz,2026-03-01,', 'Bad Date,bad@example.kz,2099-01-01,');
  const res = await t.app.request(`/api/credentials/batches?specification=${specId}&partial=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editor}`, 'content-type': 'text/csv', 'accept-language': 'kk' },
    body,
  });
  assert.equal(res.status, 202);
  const queued = (await res.json()) as { id: string; invalid: number };
  assert.equal(queued.invalid, 1);
  const done = await finished(queued.id);
  assert.deepEqual([done.issued, done.invalid, done.done, done.total], [1, 1, 2, 2]);
  assert.equal(done.rows[1].status, 'invalid');
  assert.equal(done.rows[1].errors[0].key, 'errors.product.row.futureDate');
});

test('progress is reported row by row when a batch runs', async () => {
  const ctx = { ...t.system, actor: { kind: 'system' as const, label: 'test' } };
  const { batch } = await inTransaction(ctx, (trx) =>
    createBatch(trx, { specificationId: specId, csv: csvOf('P One,p1@example.kz,2026-04-01,', 'P Two,p2@example.kz,2026-04-01,'), partial: false }, { enqueue: false }),
  );
  const seen: string[] = [];
  await runBatch(t.db, silentLogger, batch.id, (done, total) => seen.push(`${done}/${total}`));
  assert.deepEqual(seen, ['1/2', '2/2']);
});

test('refuses learners, anonymous callers and staff of another organization', async () => {
  const csv = csvOf('X Y,xy@example.kz,2026-01-01,');
  const learner = await t.tokenFor('learner');
  assert.equal((await t.json('POST', '/api/credentials/batches', { token: learner, body: { specificationId: specId, csv } })).status, 403);
  assert.equal((await t.json('POST', '/api/credentials/batches', { body: { specificationId: specId, csv } })).status, 401);
  const other = await t.tokenFor('org-admin', await orgIdByKey(t, 'enu'));
  assert.equal((await t.json('POST', '/api/credentials/batches', { token: other, body: { specificationId: specId, csv } })).status, 403);
  const any = await t.db.selectFrom('credential_batches').select('id').executeTakeFirstOrThrow();
  assert.equal((await t.json('GET', `/api/credentials/batches/${any.id}`, { token: other })).status, 403);
});

test('the organization lists its batches with their progress', async () => {
  const res = await t.json('GET', `/api/credentials/batches?organization=${university}&specification=${specId}`, { token: editor });
  assert.equal(res.status, 200);
  assert.ok(res.body.total >= 4);
  assert.ok(res.body.items.every((b: { specificationId: string; rows: unknown[] }) => b.specificationId === specId && b.rows.length === 0));
});

test('a licence that lapsed after the specification was saved stops new batches, with the reason', async () => {
  await t.db.updateTable('licences').set({ status: 'suspended' }).where('organization_id', '=', university).execute();
  try {
    const res = await t.json('POST', '/api/credentials/batches', { token: editor, body: { specificationId: specId, csv: csvOf('New Person,new@example.kz,2026-05-01,') } });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].key, 'errors.product.entitlement.noValidLicence');
  } finally {
    await t.db.updateTable('licences').set({ status: 'active' }).where('organization_id', '=', university).execute();
  }
});

test('a Windows-1251 (or UTF-16) file with dd.mm.yyyy dates is read as Cyrillic, never as "����� ������"', async () => {
  const text = 'ФИО;Почта;Дата\r\nАсель Нурова;asel.cp@example.kz;15.01.2026\r\nБерик Оспанов;berik.cp@example.kz;16.01.2026\r\n';
  const upload = async (bytes: Uint8Array) => {
    const body = new FormData();
    body.append('specificationId', specId);
    body.append('csv', new File([new Uint8Array(bytes)], 'learners.csv', { type: 'text/csv' }));
    return t.app.request('/api/credentials/batches', { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body });
  };
  const cp1251 = await upload(iconv.encode(text, 'windows-1251'));
  assert.equal(cp1251.status, 202, await cp1251.clone().text());
  const batch = await finished((await cp1251.json()).id);
  assert.deepEqual(batch.rows.map((r: { name: string }) => r.name), ['Асель Нурова', 'Берик Оспанов']);
  const raw = await t.app.request(`/api/credentials/batches?specification=${specId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editor}`, 'content-type': 'text/csv' },
    body: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text.replace('asel.cp', 'asel.u16').replace('berik.cp', 'berik.u16'), 'utf-16le')]),
  });
  assert.equal(raw.status, 202, await raw.clone().text());
  const utf16 = await finished((await raw.json()).id);
  assert.deepEqual(utf16.rows.map((r: { name: string }) => r.name), ['Асель Нурова', 'Берик Оспанов']);
  const stored = await t.db.selectFrom('credentials').select('valid_from').where('id', '=', batch.rows[0].credentialId).executeTakeFirstOrThrow();
  assert.match(String(stored.valid_from instanceof Date ? stored.valid_from.toISOString() : stored.valid_from), /^2026-01-1[45]/);
});

test("a batch's rows come a page at a time: limit and cursor, 100 by default, 1000 at most", async () => {
  const csv = csvOf(...Array.from({ length: 5 }, (_, i) => `Paged ${i},paged${i}@example.kz,2026-05-0${i + 1},`));
  const res = await t.json('POST', '/api/credentials/batches', { token: editor, body: { specificationId: specId, csv } });
  assert.equal(res.status, 202, JSON.stringify(res.body));
  await finished(res.body.id);
  const first = await t.json('GET', `/api/credentials/batches/${res.body.id}?limit=2`, { token: editor });
  assert.equal(first.status, 200);
  assert.deepEqual(first.body.rows.map((r: { row: number }) => r.row), [2, 3]);
  assert.equal(first.body.total, 5, 'the counts stay those of the whole batch');
  assert.ok(first.body.nextCursor, 'a cursor to the next page');
  const second = await t.json('GET', `/api/credentials/batches/${res.body.id}?limit=2&cursor=${first.body.nextCursor}`, { token: editor });
  assert.deepEqual(second.body.rows.map((r: { row: number }) => r.row), [4, 5]);
  const last = await t.json('GET', `/api/credentials/batches/${res.body.id}?limit=2&cursor=${second.body.nextCursor}`, { token: editor });
  assert.deepEqual(last.body.rows.map((r: { row: number }) => r.row), [6]);
  assert.equal(last.body.nextCursor, null);
  const whole = await t.json('GET', `/api/credentials/batches/${res.body.id}`, { token: editor });
  assert.equal(whole.body.rows.length, 5, 'the default page (100) holds a small batch whole');
  assert.equal((await t.json('GET', `/api/credentials/batches/${res.body.id}?limit=1001`, { token: editor })).status, 422, 'no more than 1000 rows a page');
  assert.equal((await t.json('GET', `/api/credentials/batches/${res.body.id}?cursor=nonsense`, { token: editor })).status, 422);
});

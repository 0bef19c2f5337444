import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestDatabase, createTestDatabase } from '../../test/helpers/database.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const main = new URL('./main.ts', import.meta.url).pathname;

/** Asynchronous on purpose: embedded PGlite answers the child from this very process. */
function sapa(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent' }, encoding: 'utf8' }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

test('sapa migrate says the database is up to date', async () => {
  const r = await sapa('migrate');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /up to date/);
});

test('sapa seed --reference shows progress and can run again', async () => {
  const r = await sapa('seed', '--reference');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /universities: 133\/133 \(100%\)/);
});

test('sapa user add creates a user, and refuses the same e-mail twice with a clear message', async () => {
  const args = ['user', 'add', '--email', 'cli@sapa.kz', '--name', 'CLI', '--password', 'long enough secret', '--role', 'ministry'];
  const first = await sapa(...args);
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /user [0-9a-f-]{36} created/);
  const second = await sapa(...args);
  assert.equal(second.code, 1);
  assert.match(second.err, /A user with e-mail cli@sapa.kz already exists/);
});

test('sapa token issue prints a token with its expiry; list shows it; revoke ends it', async () => {
  const r = await sapa('token', 'issue', '--email', 'cli@sapa.kz', '--name', 'nightly export', '--days', '7');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out.trim(), /^sapa_[\w-]{40,}$/);
  const id = /token ([0-9a-f-]{36}) expires/.exec(r.err)?.[1] ?? '';
  assert.ok(id, r.err);
  const listed = await sapa('token', 'list', '--email', 'cli@sapa.kz');
  assert.match(listed.out, new RegExp(`${id}  active .* nightly export`));
  assert.ok(!listed.out.includes(r.out.trim()), 'the secret is never listed');
  const revoked = await sapa('token', 'revoke', id);
  assert.equal(revoked.code, 0, revoked.err);
  assert.match((await sapa('token', 'list', '--email', 'cli@sapa.kz')).out, new RegExp(`${id}  revoked`));
});

test('sapa audit verify passes on an intact trail and names the first tampered entry', async () => {
  const ok = await sapa('audit', 'verify');
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /audit trail intact: \d+ entries/);
  const target = await database.db.selectFrom('audit_log').select('seq').orderBy('seq').offset(3).limit(1).executeTakeFirstOrThrow();
  await sql`UPDATE audit_log SET actor_label = 'someone else' WHERE seq = ${target.seq}`.execute(database.db);
  const broken = await sapa('audit', 'verify');
  assert.equal(broken.code, 1);
  assert.match(broken.out, new RegExp(`BROKEN at entry ${target.seq} \\(hash-mismatch\\)`));
});

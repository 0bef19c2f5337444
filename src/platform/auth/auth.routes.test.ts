import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { inTransaction } from '../context.ts';
import { createUser } from './auth.service.ts';
import { TEST_PASSWORD_COST } from './password.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await inTransaction(t.system, (ctx) =>
    createUser(ctx, { email: 'Reviewer@Ministry.kz', displayName: 'Reviewer', password: 'a long enough password', roles: [{ role: 'ministry', organizationId: null }] }),
  );
});
after(() => t.close());

test('signing in sets an httpOnly SameSite session cookie that identifies the user; signing out ends it', async () => {
  const res = await t.request('POST', '/api/auth/sign-in', { body: { email: 'reviewer@ministry.kz', password: 'a long enough password' } });
  assert.equal(res.status, 200);
  const cookie = res.headers.get('set-cookie') ?? '';
  assert.match(cookie, /sapa_session=ses_/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  const session = cookie.split(';')[0] as string;
  const me = await t.json('GET', '/api/auth/me', { headers: { cookie: session } });
  assert.equal(me.body.authenticated, true);
  assert.deepEqual(me.body.roles, [{ role: 'ministry', organizationId: null }]);
  assert.equal((await t.request('POST', '/api/auth/sign-out', { headers: { cookie: session } })).status, 204);
  assert.equal((await t.json('GET', '/api/auth/me', { headers: { cookie: session } })).body.authenticated, false);
});

test('a wrong password is a localized 401 that does not say which part was wrong', async () => {
  const res = await t.json('POST', '/api/auth/sign-in', { lang: 'ru', body: { email: 'reviewer@ministry.kz', password: 'nope' } });
  assert.equal(res.status, 401);
  assert.equal(res.body.detail, 'Неверный e-mail или пароль.');
  const unknown = await t.json('POST', '/api/auth/sign-in', { lang: 'ru', body: { email: 'nobody@ministry.kz', password: 'nope' } });
  assert.equal(unknown.body.detail, res.body.detail);
});

test('passwords are stored as scrypt hashes, never in clear', async () => {
  const row = await t.db.selectFrom('users').select('password_hash').where('email', '=', 'reviewer@ministry.kz').executeTakeFirstOrThrow();
  // The production cost (the default) is checked in password.test.ts; test processes use the cheap one.
  assert.match(row.password_hash, new RegExp(`^scrypt\\$${TEST_PASSWORD_COST.N}\\$8\\$1\\$`));
  assert.doesNotMatch(row.password_hash, /long enough/);
});

test('an unknown bearer token is treated as anonymous: reads work, writes get 401', async () => {
  assert.equal((await t.json('GET', '/api/organizations?limit=1', { token: 'sapa_forged' })).status, 200);
  assert.equal((await t.json('POST', '/api/organizations', { token: 'sapa_forged', body: {} })).status, 401);
});

test('creating a user with an unknown organization names it and stores nothing', async () => {
  const before = await t.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  await assert.rejects(
    inTransaction({ ...t.system }, (ctx) =>
      createUser(ctx, { email: 'x@y.kz', displayName: 'X', password: 'a long enough password', roles: [{ role: 'org-admin', organizationId: '00000000-0000-4000-8000-00000000000a' }] }),
    ),
    (error: { code?: string }) => error.code === 'unknown_reference',
  );
  const afterCount = await t.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(afterCount.n, before.n);
});

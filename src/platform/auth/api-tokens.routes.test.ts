import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { addOrganization } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../context.ts';

let t: TestApp;
let mine: string;
let other: string;

before(async () => {
  t = await createTestApp();
  [mine, other] = await inTransaction(t.system, async (ctx) => [
    await addOrganization(ctx, { kk: 'Токен колледжі', ru: 'Колледж токенов', en: 'Token college' }),
    await addOrganization(ctx, { kk: 'Басқа колледж', ru: 'Другой колледж', en: 'Other college' }),
  ]);
});
after(() => t?.close());

/** A form post as a browser sends it (the test app's request helper sends JSON). */
const postForm = (path: string, token: string, body = '') =>
  t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body });

const me = async (token: string) => (await t.json('GET', '/api/auth/me', { token })).body.authenticated as boolean;

test('an API token stops working once it expires', async () => {
  const token = await t.tokenFor('org-editor', mine);
  assert.equal(await me(token), true);
  await sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT user_id FROM api_tokens ORDER BY created_at DESC LIMIT 1)`.execute(t.db);
  assert.equal(await me(token), false);
});

test('a user issues a token with an expiry, lists it without its secret, and revokes it at once', async () => {
  const session = await t.tokenFor('org-editor', mine);
  const issued = await t.json('POST', '/api/tokens', { token: session, body: { name: 'ci export', expiresInDays: 30 } });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  assert.match(issued.body.token, /^sapa_/);
  const days = (Date.parse(issued.body.apiToken.expiresAt) - Date.now()) / 86_400_000;
  assert.ok(days > 29.9 && days <= 30, `expires in ${days} days`);
  assert.equal(await me(issued.body.token), true);

  const list = await t.json('GET', '/api/tokens', { token: session });
  assert.equal(list.status, 200);
  const listed = list.body.items.find((i: { id: string }) => i.id === issued.body.apiToken.id);
  assert.equal(listed.state, 'active');
  assert.ok(!JSON.stringify(list.body).includes(issued.body.token), 'the secret is never listed');

  const revoked = await t.json('POST', `/api/tokens/${issued.body.apiToken.id}/revoke`, { token: session });
  assert.equal(revoked.status, 200);
  assert.equal(revoked.body.state, 'revoked');
  assert.equal(await me(issued.body.token), false);
  assert.equal((await t.json('POST', `/api/tokens/${issued.body.apiToken.id}/revoke`, { token: session })).status, 200);
});

test("an organization's org-admin lists and revokes its people's tokens; another organization's cannot", async () => {
  const editor = await t.tokenFor('org-editor', mine);
  const { body } = await t.json('POST', '/api/tokens', { token: editor, body: { name: 'script' } });
  const admin = await t.tokenFor('org-admin', mine);
  const foreignAdmin = await t.tokenFor('org-admin', other);

  const list = await t.json('GET', `/api/tokens?organizationId=${mine}`, { token: admin });
  assert.equal(list.status, 200);
  assert.ok(list.body.items.some((i: { id: string }) => i.id === body.apiToken.id));
  assert.equal((await t.json('GET', `/api/tokens?organizationId=${mine}`, { token: foreignAdmin })).status, 403);
  assert.equal((await t.json('GET', `/api/tokens?organizationId=${mine}`, { token: editor })).status, 403);
  assert.equal((await t.json('GET', '/api/tokens')).status, 401);

  assert.equal((await t.json('POST', `/api/tokens/${body.apiToken.id}/revoke`, { token: foreignAdmin })).status, 403);
  assert.equal(await me(body.token), true);
  assert.equal((await t.json('POST', `/api/tokens/${body.apiToken.id}/revoke`, { token: admin })).status, 200);
  assert.equal(await me(body.token), false);
});

test('a token is issued for at most a year', async () => {
  const session = await t.tokenFor('org-editor', mine);
  const res = await t.json('POST', '/api/tokens', { token: session, body: { name: 'forever', expiresInDays: 5000 } });
  assert.equal(res.status, 422);
  assert.equal(res.body.errors[0].path, 'expiresInDays');
});

test('the workspace tokens page: an org-admin sees and revokes the tokens of their people, in kk, ru and en, without JavaScript', async () => {
  const editor = await t.tokenFor('org-editor', mine);
  const { body } = await t.json('POST', '/api/tokens', { token: editor, body: { name: 'nightly-sync' } });
  const admin = await t.tokenFor('org-admin', mine);
  for (const [lang, title] of [['kk', 'API токендері'], ['ru', 'API-токены'], ['en', 'API tokens']]) {
    const res = await t.request('GET', `/${lang}/workspace/tokens`, { token: admin });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes(`<h1>${title}</h1>`), lang);
    assert.ok(html.includes('nightly-sync'));
    assert.ok(html.includes(`/${lang}/workspace/tokens/${body.apiToken.id}/revoke`));
  }
  const revoked = await postForm(`/en/workspace/tokens/${body.apiToken.id}/revoke`, admin);
  assert.equal(revoked.status, 303);
  assert.equal(await me(body.token), false);

  const issued = await postForm('/ru/workspace/tokens', editor, 'name=report+script&expiresInDays=10');
  const issuedHtml = await issued.text();
  assert.equal(issued.status, 200);
  const secret = /<code>(sapa_[\w-]+)<\/code>/.exec(issuedHtml)?.[1];
  assert.ok(secret);
  assert.equal(await me(secret), true);
  const refused = await postForm('/kk/workspace/tokens', editor, 'name=&expiresInDays=900');
  assert.equal(refused.status, 422);
  assert.match(await refused.text(), /error-summary/);
});

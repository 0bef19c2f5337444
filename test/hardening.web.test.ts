// Web hardening: body limits, http(s)-only addresses, sign-in throttling, security headers, CSRF
// and rate limits, each against the real app on a test database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from './helpers/app.ts';
import { TEST_PASSWORD, addUser } from './helpers/factories.ts';
import { inTransaction } from '../src/platform/context.ts';

let t: TestApp;
let ministry: string;
before(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://sapa.example.kz', RATE_LIMIT_SEARCH_PER_MINUTE: '3', SIGN_IN_ATTEMPTS_PER_ACCOUNT: '5' } });
  ministry = await t.tokenFor('ministry');
  await inTransaction(t.system, (ctx) => addUser(ctx, { email: 'throttled@test.sapa.kz', role: 'ministry' }));
  await inTransaction(t.system, (ctx) => addUser(ctx, { email: 'admin@test.sapa.kz', role: 'ministry' }));
});
after(() => t.close());

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.request('POST', '/api/auth/sign-in', { body: { email, password }, headers });

describe('request bodies', () => {
  test('a body over MAX_BODY_KB is refused with 413, before it is read whole', async () => {
    const res = await signIn('someone@test.sapa.kz', 'x'.repeat(2 * 1024 * 1024));
    assert.equal(res.status, 413);
    assert.equal((await res.json()).code, 'payload_too_large');
  });
});

describe('addresses', () => {
  test('an organization website must be http(s): javascript: is a 422 naming website', async () => {
    const body = { name: { kk: 'Сілтеме', ru: 'Ссылка', en: 'Link' }, kind: 'university', regionCode: 'KZ-75', website: 'javascript:alert(1)' };
    const res = await t.json('POST', '/api/organizations', { token: ministry, body });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path), ['website']);
  });
});

describe('sign-in throttling', () => {
  test('after the attempts of an account are spent, even the right password gets 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await signIn('throttled@test.sapa.kz', `wrong password ${i}`)).status, 401);
    const right = await signIn('throttled@test.sapa.kz', TEST_PASSWORD);
    assert.equal(right.status, 429);
    assert.ok(Number(right.headers.get('retry-after')) > 0);
    assert.equal((await right.json()).code, 'too_many_requests');
    assert.equal((await signIn('admin@test.sapa.kz', TEST_PASSWORD)).status, 200, 'another account is not locked out');
  });

  test('an unknown account and a wrong password get the same answer', async () => {
    const unknown = await signIn('nobody@test.sapa.kz', 'wrong password');
    const wrong = await signIn('admin@test.sapa.kz', 'wrong password');
    assert.equal(unknown.status, 401);
    assert.equal(wrong.status, 401);
    const detail = async (res: Response) => ((await res.json()) as { detail: string }).detail;
    assert.equal(await detail(unknown), await detail(wrong));
  });
});

describe('security headers', () => {
  test('every response carries the CSP, nosniff, referrer policy, frame denial and, over https, HSTS', async () => {
    for (const path of ['/en/', '/api/organizations?limit=1', '/api/no-such-route', '/en/no-such-page', '/assets/site.css']) {
      const res = await t.request('GET', path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.doesNotMatch(csp, /unsafe-inline/, path);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/, path);
    }
  });

  test('pages hold no inline style or script that would need unsafe-inline', async () => {
    const html = await (await t.request('GET', '/en/')).text();
    assert.doesNotMatch(html, /<style|\sstyle=|<script(?![^>]*application\/ld\+json)/);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/site\.css\?v=/);
  });
});

describe('cross-site request forgery', () => {
  async function sessionCookie(): Promise<string> {
    const res = await signIn('admin@test.sapa.kz', TEST_PASSWORD);
    assert.equal(res.status, 200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  test('a cookie-authenticated write from another origin (another port of the same host) is refused', async () => {
    const cookie = await sessionCookie();
    const body = { name: { kk: 'Жалған', ru: 'Подделка', en: 'Forged' }, kind: 'university', regionCode: 'KZ-75' };
    const forged = await t.request('POST', 'http://localhost/api/organizations', { body, headers: { cookie, origin: 'http://localhost:8081', 'sec-fetch-site': 'same-site' } });
    assert.equal(forged.status, 403);
    const page = await t.app.request('http://localhost/en/sign-out', { method: 'POST', headers: { cookie, origin: 'http://evil.example' } });
    assert.equal(page.status, 403, 'page forms too');
    const own = await t.request('POST', 'http://localhost/api/organizations', { body, headers: { cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } });
    assert.equal(own.status, 201);
    const proxied = await t.request('POST', 'http://10.0.0.5:3000/api/organizations', { body: { ...body, name: { ...body.name, en: 'Proxied' } }, headers: { cookie, origin: 'https://sapa.example.kz' } });
    assert.equal(proxied.status, 201, 'PUBLIC_URL is trusted behind a proxy');
  });

  test('a sign-in form posted from another site is refused (login CSRF); bearer-token clients are not checked', async () => {
    assert.equal((await signIn('admin@test.sapa.kz', TEST_PASSWORD, { origin: 'http://evil.example' })).status, 403);
    const body = { name: { kk: 'Токен', ru: 'Токен', en: 'Token' }, kind: 'university', regionCode: 'KZ-75' };
    assert.equal((await t.request('POST', '/api/organizations', { token: ministry, body, headers: { origin: 'http://evil.example' } })).status, 201);
  });
});

describe('rate limits', () => {
  test('public search past its limit gets 429 with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.request('GET', '/api/search?q=university')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
  });
});

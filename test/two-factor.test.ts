// Optional TOTP two-factor sign-in: enrolment through the API, the code at sign-in, recovery codes
// used once, roles that need it, and the administrator's enrol/reset.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generate } from 'otplib';
import { enrolTwoFactorFor, resetTwoFactor } from '../src/platform/auth/two-factor.ts';
import { inTransaction } from '../src/platform/context.ts';
import { type TestApp, createTestApp } from './helpers/app.ts';
import { TEST_PASSWORD, addUser } from './helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { TWO_FACTOR_REQUIRED_ROLES: 'agency-head', SIGN_IN_ATTEMPTS_PER_ACCOUNT: '100' } });
  await inTransaction(t.system, async (ctx) => {
    await addUser(ctx, { email: 'totp@test.sapa.kz', role: 'org-editor' });
    await addUser(ctx, { email: 'head@test.sapa.kz', role: 'agency-head' });
  });
});
after(() => t.close());

const signIn = (email: string, code?: string) => t.json('POST', '/api/auth/sign-in', { body: { email, password: TEST_PASSWORD, ...(code ? { code } : {}) } });

describe('two-factor sign-in', () => {
  let recoveryCodes: string[] = [];
  let secret = '';

  test('a user enrols with the secret and a code, and gets ten recovery codes once', async () => {
    const session = await signIn('totp@test.sapa.kz');
    assert.equal(session.status, 200, 'off until enrolled: the password is enough');
    const token = await t.tokenFor('org-editor');
    const started = await t.json('POST', '/api/auth/two-factor/enrolment', { token });
    assert.equal(started.status, 200);
    assert.match(started.body.uri, /^otpauth:\/\/totp\/Sapa:/);
    const wrong = await t.json('POST', '/api/auth/two-factor/confirmation', { token, body: { code: '000000' } });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.errors[0].path, 'code');
    const confirmed = await t.json('POST', '/api/auth/two-factor/confirmation', { token, body: { code: await generate({ secret: started.body.secret }) } });
    assert.equal(confirmed.status, 200);
    assert.equal(confirmed.body.recoveryCodes.length, 10);
    assert.equal((await t.json('POST', '/api/auth/two-factor/enrolment', { token })).status, 409, 'on already');
  });

  test('once on, sign-in needs the current code or an unused recovery code', async () => {
    const enrolled = await inTransaction(t.system, (ctx) => enrolTwoFactorFor(ctx, 'totp@test.sapa.kz'));
    secret = enrolled.secret;
    recoveryCodes = enrolled.recoveryCodes;
    const without = await signIn('totp@test.sapa.kz');
    assert.equal(without.status, 401);
    assert.equal(without.body.secondFactor, 'totp');
    assert.equal((await signIn('totp@test.sapa.kz', '123456')).status, 401);
    assert.equal((await signIn('totp@test.sapa.kz', await generate({ secret }))).status, 200);
    const recovery = recoveryCodes[0] as string;
    assert.equal((await signIn('totp@test.sapa.kz', recovery)).status, 200);
    assert.equal((await signIn('totp@test.sapa.kz', recovery)).status, 401, 'a recovery code works once');
  });

  test('a role that needs two-factor sign-in cannot sign in without it; an administrator enrols and resets', async () => {
    const refused = await signIn('head@test.sapa.kz');
    assert.equal(refused.status, 401);
    assert.match(refused.body.detail, /two-factor/);
    const enrolled = await inTransaction(t.system, (ctx) => enrolTwoFactorFor(ctx, 'head@test.sapa.kz'));
    assert.equal((await signIn('head@test.sapa.kz', await generate({ secret: enrolled.secret }))).status, 200);
    await inTransaction(t.system, (ctx) => resetTwoFactor(ctx, 'totp@test.sapa.kz'));
    assert.equal((await signIn('totp@test.sapa.kz')).status, 200, 'after a reset the password is enough again');
  });
});

describe('two-factor sign-in in the workspace pages', () => {
  test('enrol on the page, then the sign-in form asks for the code as a second step', async () => {
    await inTransaction(t.system, (ctx) => addUser(ctx, { email: 'page@test.sapa.kz', role: 'org-editor' }));
    const form = (path: string, fields: Record<string, string>, cookie = '') =>
      t.app.request(`http://localhost${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: 'http://localhost' },
        body: new URLSearchParams(fields),
      });
    const credentials = { email: 'page@test.sapa.kz', password: TEST_PASSWORD };
    const signedIn = await form('/en/sign-in', credentials);
    assert.equal(signedIn.status, 303);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    assert.equal((await form('/en/workspace/two-factor/start', {}, cookie)).status, 303);
    const page = await (await t.app.request('http://localhost/en/workspace/two-factor', { headers: { cookie } })).text();
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(page)?.[1] as string;
    assert.ok(secret, 'the page shows the secret');
    assert.match(page, /<svg[^>]*role="img"/, 'and its QR code');
    const wrong = await form('/en/workspace/two-factor/confirm', { code: '000000' }, cookie);
    assert.equal(wrong.status, 422);
    const confirmed = await form('/en/workspace/two-factor/confirm', { code: await generate({ secret }) }, cookie);
    assert.equal(confirmed.status, 200);
    assert.equal(((await confirmed.text()).match(/<li><code>/g) ?? []).length, 10, 'ten recovery codes');
    const firstStep = await form('/en/sign-in', credentials);
    assert.equal(firstStep.status, 401);
    assert.match(await firstStep.text(), /name="code"/, 'the second step asks for the code');
    const secondStep = await form('/en/sign-in', { ...credentials, code: await generate({ secret }) });
    assert.equal(secondStep.status, 303);
  });
});

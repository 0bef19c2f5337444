// TOTP secrets are sealed at rest (issue 13): the users table no longer holds the secret, sign-in
// with a code still works, rows written in clear before are sealed by migration 0076, and a sealed
// secret opens only with its key and on its own account.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { after, before, describe, test } from 'node:test';
import { generate, generateSecret } from 'otplib';
import { up as sealExistingSecrets } from '../src/platform/db/migrations/0076_totp_secrets_sealed.ts';
import { openTotpSecret, sealTotpSecret, totpKey } from '../src/platform/auth/totp-secret.ts';
import { issueApiToken } from '../src/platform/auth/auth.service.ts';
import { inTransaction } from '../src/platform/context.ts';
import { type TestApp, createTestApp } from './helpers/app.ts';
import { TEST_PASSWORD, addUser } from './helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { SIGN_IN_ATTEMPTS_PER_ACCOUNT: '100' } });
});
after(() => t.close());

const signIn = (email: string, code?: string) => t.json('POST', '/api/auth/sign-in', { body: { email, password: TEST_PASSWORD, ...(code ? { code } : {}) } });
const storedSecret = async (email: string) =>
  (await t.db.selectFrom('users').select(['id', 'totp_secret']).where('email', '=', email).executeTakeFirstOrThrow()) as { id: string; totp_secret: string };

describe('TOTP secrets at rest', () => {
  test('the column does not hold the secret after enrolment, and sign-in with a code still works', async () => {
    const email = 'sealed@test.sapa.kz';
    const token = await inTransaction(t.system, async (ctx) => (await issueApiToken(ctx, await addUser(ctx, { email, role: 'org-editor' }), 'test')).token);
    const started = await t.json('POST', '/api/auth/two-factor/enrolment', { token });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const secret = started.body.secret as string;
    const stored = await storedSecret(email);
    assert.notEqual(stored.totp_secret, secret);
    assert.ok(!stored.totp_secret.includes(secret), 'the secret is not in the column in any form');
    assert.match(stored.totp_secret, /^v1\./, 'sealed (AES-256-GCM)');
    const confirmed = await t.json('POST', '/api/auth/two-factor/confirmation', { token, body: { code: await generate({ secret }) } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.equal((await signIn(email)).status, 401, 'a code is needed now');
    assert.equal((await signIn(email, await generate({ secret }))).status, 200);
  });

  test('migration 0076 seals secrets kept in clear; sign-in still works; running it again changes nothing', async () => {
    const email = 'clear@test.sapa.kz';
    await inTransaction(t.system, (ctx) => addUser(ctx, { email, role: 'org-editor' }));
    const secret = generateSecret();
    // As two-factor.ts wrote it before secrets were sealed.
    await t.db.updateTable('users').set({ totp_secret: secret, totp_enabled_at: new Date() }).where('email', '=', email).execute();
    await sealExistingSecrets(t.db as unknown as Kysely<unknown>);
    const sealed = await storedSecret(email);
    assert.match(sealed.totp_secret, /^v1\./);
    assert.ok(!sealed.totp_secret.includes(secret));
    assert.equal((await signIn(email, await generate({ secret }))).status, 200);
    await sealExistingSecrets(t.db as unknown as Kysely<unknown>);
    assert.equal((await storedSecret(email)).totp_secret, sealed.totp_secret, 'sealed values are left alone');
  });

  test('a sealed secret opens only with its key and only on its own account', () => {
    const key = totpKey({ TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'), TOTP_KEY_FILE: '/nonexistent' });
    const other = totpKey({ TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'), TOTP_KEY_FILE: '/nonexistent' });
    const sealed = sealTotpSecret('JBSWY3DPEHPK3PXP', 'user-a', key);
    assert.equal(openTotpSecret(sealed, 'user-a', key), 'JBSWY3DPEHPK3PXP');
    assert.throws(() => openTotpSecret(sealed, 'user-a', other), /TOTP_ENCRYPTION_KEY/);
    assert.throws(() => openTotpSecret(sealed, 'user-b', key), /not the key it was sealed with|cannot be opened/);
  });
});

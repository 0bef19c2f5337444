// A deadline reminder reaches whoever owes the step: in their workspace notification list and, through
// a real SMTP server started here, by e-mail, once, in the language they signed in with.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { TEST_PASSWORD, addUser } from '../../test/helpers/factories.ts';
import { type Mail, type TestSmtp, decodedMail, startSmtp } from '../../test/helpers/smtp.ts';
import { inTransaction } from '../platform/context.ts';
import { deliverNotificationMail } from '../platform/notifications/mail.ts';
import { postForm } from '../web/page-session.fixtures.ts';
import { caseInContracting, enuAndKazsee } from './reminders.fixtures.ts';
import { sendDeadlineReminders } from './reminders.ts';

let smtp: TestSmtp;
let received: Mail[];
let t: TestApp;

before(async () => {
  smtp = await startSmtp();
  received = smtp.received;
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sapa <no-reply@sapa.test>' } });
  const parties = await enuAndKazsee(t);
  await inTransaction(t.system, async (ctx) => {
    await addUser(ctx, { email: 'quality@enu.test', role: 'org-admin', organizationId: parties.organizationId });
    await addUser(ctx, { email: 'coordinator@kazsee.test', role: 'agency-staff', organizationId: parties.bodyId });
    await caseInContracting(ctx, parties);
  });
});
after(async () => {
  await t.close();
  await smtp.close();
});

async function signIn(email: string, lang: string): Promise<string> {
  const res = await postForm(t, `/${lang}/sign-in`, { email, password: TEST_PASSWORD });
  assert.equal(res.status, 303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const decoded = decodedMail;

test('a deadline reminder reaches the workspace and the mailbox once, in each recipient language', async () => {
  const quality = await signIn('quality@enu.test', 'ru');
  const coordinator = await signIn('coordinator@kazsee.test', 'kk');

  const reminded = await inTransaction(t.system, (ctx) => sendDeadlineReminders(ctx, '2026-01-30'));
  assert.equal(reminded.length, 1, 'the contract deadline of 5 February is within five working days');
  assert.equal(await deliverNotificationMail(t.db, t.system.log), 2, 'the contract is both sides\' step');

  const toQuality = received.filter((m) => m.to === 'quality@enu.test');
  const toCoordinator = received.filter((m) => m.to === 'coordinator@kazsee.test');
  assert.equal(toQuality.length, 1);
  assert.equal(toCoordinator.length, 1);
  const ru = decoded(toQuality[0]?.raw ?? '');
  assert.match(ru, /Subject: Дело .*: срок этапа «Договор/);
  assert.match(ru, /срок этапа «Договор \(1 месяц\)» — 5 февраля 2026 г\.\r\n/);
  assert.match(ru, /\/ru\/workspace\/accreditation\/cases\//, 'the mail links the case in the recipient language');
  assert.match(decoded(toCoordinator[0]?.raw ?? ''), /Subject: .* ісі: «Шарт \(1 ай\)» кезеңінің мерзімі — 2026 ж\. 5 ақпан/);

  const api = await t.json('GET', '/api/notifications', { headers: { cookie: quality }, lang: 'en' });
  assert.equal(api.status, 200);
  assert.equal(api.body.unread, 1);
  assert.match(api.body.items[0].subject, /Contract/, 'the list speaks the language of the request');

  const page = await (await t.app.request('/ru/workspace/notifications', { headers: { cookie: quality } })).text();
  assert.match(page, /Уведомления \(1 непрочитанное\)/, 'the header counts the unread one');
  assert.match(page, /Не прочитано/);
  assert.match(page, /href="\/ru\/workspace\/accreditation\/cases\/[^"]+"/);

  // The same day again: nothing new is stored or sent.
  assert.deepEqual(await inTransaction(t.system, (ctx) => sendDeadlineReminders(ctx, '2026-01-30')), []);
  assert.equal(await deliverNotificationMail(t.db, t.system.log), 0);
  assert.equal(received.length, 2, 'once');

  const read = await postForm(t, '/ru/workspace/notifications/read', {}, quality);
  assert.equal(read.status, 303);
  assert.equal((await t.json('GET', '/api/notifications', { headers: { cookie: quality } })).body.unread, 0);
  assert.equal((await t.json('GET', '/api/notifications', { headers: { cookie: coordinator } })).body.unread, 1, 'each recipient reads their own');
});

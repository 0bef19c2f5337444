// Every step of a case that waits for someone tells them: in their workspace notification list and,
// through a real SMTP server started here, by e-mail, once, in the language they signed in with.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { type TestSmtp, decodedMail, startSmtp } from '../../test/helpers/smtp.ts';
import { inTransaction } from '../platform/context.ts';
import { deliverNotificationMail } from '../platform/notifications/mail.ts';
import { type Fixture, PASSWORD, accreditationFixture } from '../web/accreditation/workspace-fixtures.ts';
import { postForm } from '../web/page-session.fixtures.ts';
import { insertApprovedDecision, insertCase } from './after.fixtures.ts';
import { caseFactSources } from './case.service.ts';
import { tellPanelSeats } from './case-notifications.ts';
import { panelFacts } from './panel.facts.ts';

let smtp: TestSmtp;
let t: TestApp;
let f: Fixture;

before(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sapa <no-reply@sapa.test>' } });
  f = await accreditationFixture(t);
});
after(async () => {
  caseFactSources.panel = panelFacts;
  await t.close();
  await smtp.close();
});

async function signIn(email: string, lang: string): Promise<string> {
  const res = await postForm(t, `/${lang}/sign-in`, { email, password: PASSWORD });
  assert.equal(res.status, 303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const mailsTo = (email: string) => smtp.received.filter((m) => m.to === email).map((m) => decodedMail(m.raw));
const act = (caseId: string, action: string, token: string, body?: unknown) => t.json('POST', `/api/accreditation/cases/${caseId}/actions/${action}`, { token, body });

test('a case assigned, a panel seat, a vote opened, a report to comment and a decision published each reach their person once, in their language', async () => {
  const staff = await signIn('staff@kazsee.test', 'en');
  const orgAdmin = await signIn('admin@satbayev.test', 'ru');
  const member = await signIn('member@council.test', 'kk');
  const chair = await signIn('chair@experts.test', 'en');
  const conflicted = await signIn('conflicted@council.test', 'ru');

  const head = await t.tokenFor('agency-head', f.orgs.kazsee);
  const staffToken = await t.tokenFor('agency-staff', f.orgs.kazsee);
  const { contractSigned, templateChecked, approved } = await inTransaction(t.system, async (ctx) => ({
    contractSigned: await insertCase(ctx.db, { bodyId: f.orgs.kazsee, organizationId: f.orgs.satbayev, state: 'contract-signed' }),
    templateChecked: await insertCase(ctx.db, { bodyId: f.orgs.kazsee, organizationId: f.orgs.satbayev, state: 'report-template-check' }),
    approved: (await insertApprovedDecision(ctx.db, { bodyId: f.orgs.kazsee, organizationId: f.orgs.satbayev, decidedOn: '2026-11-20', state: 'approved' })).caseId,
  }));
  const numberOf = async (id: string) => (await t.db.selectFrom('accreditation_cases').select('number').where('id', '=', id).executeTakeFirstOrThrow()).number;

  assert.equal((await act(contractSigned, 'assign-coordinator', head, { coordinatorUserId: f.users.staff })).status, 200);
  caseFactSources.panel = async (db, id) => ({ ...(await panelFacts(db, id)), templateChecked: true });
  assert.equal((await act(templateChecked, 'send-for-factual-check', staffToken)).status, 200);
  caseFactSources.panel = panelFacts;
  const published = await act(approved, 'publish', staffToken);
  assert.equal(published.status, 200, JSON.stringify(published.body));

  const [assigned, report, publication] = await Promise.all([numberOf(contractSigned), numberOf(templateChecked), numberOf(approved)]);

  assert.equal(await deliverNotificationMail(t.db, t.system.log), 7);
  const toChair = mailsTo('chair@experts.test');
  assert.equal(toChair.length, 2, 'the chair sits on two panels of the fixture');
  assert.match(toChair.join('\n'), new RegExp(`Subject: You sit on the expert panel of case ${f.numbers.council}`));
  const toMember = mailsTo('member@council.test');
  assert.equal(toMember.length, 1);
  assert.match(toMember[0] ?? '', new RegExp(`Subject: Сіздің дауысыңыз күтілуде: 2026 ж\\. 10 желтоқсан кеңес отырысы[\\s\\S]*${f.numbers.council} ісі`));
  assert.match(toMember[0] ?? '', /\/kk\/workspace\/accreditation\/council\//, 'the mail links the meeting in the recipient language');
  const toStaff = mailsTo('staff@kazsee.test');
  assert.deepEqual(toStaff.length, 1);
  assert.match(toStaff[0] ?? '', new RegExp(`Subject: Case ${assigned} is assigned to you`));
  assert.match(toStaff[0] ?? '', new RegExp(`/en/workspace/accreditation/cases/${contractSigned}`));
  const toOrganization = mailsTo('admin@satbayev.test');
  assert.equal(toOrganization.length, 2);
  assert.match(toOrganization[0] ?? '', new RegExp(`Subject: Проект отчёта по делу ${report} ждёт ваших замечаний`));
  assert.match(toOrganization[1] ?? '', new RegExp(`Subject: Решение по делу ${publication} опубликова ?но`));

  // Each list holds its own, in the language of the request.
  const list = async (cookie: string, lang: string) => (await t.json('GET', '/api/notifications', { headers: { cookie }, lang })).body;
  assert.deepEqual((await list(orgAdmin, 'en')).items.map((n: { subject: string }) => n.subject).sort(), [
    `The decision on case ${publication} is published`,
    `The panel’s draft report on case ${report} waits for your comments`,
  ]);
  assert.equal((await list(staff, 'ru')).items[0].subject, `Вам назначено дело ${assigned}`);
  assert.equal((await list(chair, 'en')).unread, 2);
  assert.equal((await list(member, 'en')).items[0].subject, 'Your vote is awaited: council meeting on 10 December 2026');
  assert.equal((await list(conflicted, 'en')).unread, 1, 'told before declaring the conflict');

  // Telling the same event again stores and sends nothing new.
  await inTransaction(t.system, (ctx) => tellPanelSeats(ctx, { id: f.cases.panel, number: 'x' }, [f.users.chair]));
  assert.equal(await deliverNotificationMail(t.db, t.system.log), 0);
  assert.equal(smtp.received.length, 7, 'once');
});

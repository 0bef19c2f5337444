// The prior-learning pages without JavaScript (issue 16 item 7): a learner finds a programme, claims
// its outcomes, documents the claim and sends it through the confirmation page; the organization's
// staff find it in their queue (paged, sorted, filtered on the server), judge every claim and, after
// the confirmation page, recognise credits issued as a credential. Another organization's staff and
// another learner see nothing of the request.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { TEST_PASSWORD, addUser, insertProgramme } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { toJson } from '../../platform/db/schema.ts';
import { licensedUniversity } from '../../credentials/specification.fixtures.ts';
import { escaped, postForm, sessions, text } from '../page-session.fixtures.ts';

let t: TestApp;
let university: string;
let programmeId: string;
const { as, get } = sessions(() => t, TEST_PASSWORD);
const BASE = '/workspace/recognition/prior-learning';

before(async () => {
  t = await createTestApp();
  university = await licensedUniversity(t);
  const kaznu = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'kaznu').executeTakeFirstOrThrow()).id;
  programmeId = await insertProgramme(t.db, university, { code: '6B06198', synthetic: false });
  const outcome = (code: string, en: string, kk: string) => ({ code, text: { kk, ru: en, en } });
  await t.db
    .updateTable('programmes')
    .set({ outcomes: toJson([outcome('ON1', 'Designs relational databases', 'Реляциялық дерекқорларды жобалайды'), outcome('ON2', 'Writes SQL queries', 'SQL сұрауларын жазады')]) })
    .where('id', '=', programmeId)
    .execute();
  await inTransaction(t.system, async (ctx) => {
    await addUser(ctx, { email: 'aigerim@example.kz', displayName: 'Әйгерім Сәтбаева', role: 'learner' });
    await addUser(ctx, { email: 'other@example.kz', displayName: 'Other Learner', role: 'learner' });
    await addUser(ctx, { email: 'admin@satbayev.test', role: 'org-admin', organizationId: university });
    await addUser(ctx, { email: 'admin@kaznu.test', role: 'org-admin', organizationId: kaznu });
  });
});
after(() => t.close());

let requestId = '';

test('the learner finds the programme, claims outcomes, adds evidence and sends the request through the confirmation page', async () => {
  const found = await get(`/en${BASE}/new?find=6B06198`, 'aigerim@example.kz');
  assert.equal(found.status, 200);
  assert.ok(found.html.includes(`?programme=${programmeId}`), 'the search finds the programme by its code');

  const form = await get(`/kk${BASE}/new?programme=${programmeId}`, 'aigerim@example.kz');
  assert.equal(form.status, 200);
  assert.ok(form.html.includes('Реляциялық дерекқорларды жобалайды'), 'the outcomes are offered in the page language');

  const learner = await as('aigerim@example.kz');
  const empty = await postForm(t, `/en${BASE}`, { organizationId: university, programmeId, statement: 'Three years as a database developer.' }, learner);
  assert.equal(empty.status, 422, 'no claim named');
  assert.match(await empty.text(), /href="#f-claimedCodes"/);

  const created = await postForm(t, `/en${BASE}`, { organizationId: university, programmeId, claimedCodes: ['ON1', 'ON2'], statement: 'Three years as a database developer.' }, learner);
  assert.equal(created.status, 303);
  requestId = /prior-learning\/([0-9a-f-]{36})/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
  assert.ok(requestId);

  const noMonths = await postForm(t, `/en${BASE}/${requestId}/evidence`, { kind: 'work-experience', 'work-description': 'Developer at a bank' }, learner);
  assert.equal(noMonths.status, 422);
  assert.equal((await postForm(t, `/en${BASE}/${requestId}/evidence`, { kind: 'work-experience', months: '36', 'work-description': 'Developer at a bank' }, learner)).status, 303);

  for (const lang of ['kk', 'ru', 'en'] as const) {
    const page = await get(`/${lang}${BASE}/${requestId}`, 'aigerim@example.kz');
    assert.equal(page.status, 200, lang);
    assert.ok(page.html.includes(escaped(text(lang, 'ui.recognition.prior.stage.identification'))), lang);
    assert.ok(page.html.includes(`href="/${lang}/workspace"`), `${lang}: the page links back into the workspace`);
  }

  // Identification → documentation → assessment, each through the page that says what will happen.
  for (const next of ['documentation', 'assessment']) {
    const confirm = await get(`/ru${BASE}/${requestId}/confirm/advance`, 'aigerim@example.kz');
    assert.equal(confirm.status, 200);
    assert.ok(confirm.html.includes(`action="/ru${BASE}/${requestId}/advance"`));
    const moved = await postForm(t, `/ru${BASE}/${requestId}/advance`, {}, learner);
    assert.equal(moved.status, 303);
    assert.match(moved.headers.get('location') ?? '', new RegExp(`done=${next}`));
  }
  const sent = await get(`/en${BASE}/${requestId}`, 'aigerim@example.kz');
  assert.ok(!sent.html.includes(`${BASE}/${requestId}/evidence"`), 'no more evidence once sent');
  const mine = await get(`/en${BASE}`, 'aigerim@example.kz');
  assert.ok(mine.html.includes(requestId) && mine.html.includes(escaped(text('en', 'ui.recognition.prior.stage.assessment'))));
});

test("another organization's staff and another learner cannot see the request, nor the queue of the organization", async () => {
  assert.equal((await get(`/en${BASE}/${requestId}`, 'admin@kaznu.test')).status, 404);
  assert.equal((await get(`/en${BASE}/${requestId}`, 'other@example.kz')).status, 404);
  const queue = await get(`/en${BASE}/queue?organization=${university}`, 'admin@kaznu.test');
  assert.equal(queue.status, 403);
  const ownQueue = await get(`/en${BASE}/queue`, 'admin@kaznu.test');
  assert.equal(ownQueue.status, 200);
  assert.ok(!ownQueue.html.includes(requestId));
  assert.equal((await get(`/en${BASE}/queue`, 'other@example.kz')).status, 403, 'a learner has no queue');
  const kaznu = await as('admin@kaznu.test');
  const assessed = await postForm(t, `/en${BASE}/${requestId}/assessment`, { 'results.0.code': 'ON1', 'results.0.met': 'true', outcomeKind: 'credits', credits: '5', title: 'x', confirmed: '1' }, kaznu);
  assert.equal(assessed.status, 404);
});

test('the organization finds the request in its queue, judges every claim and issues credits after the confirmation page', async () => {
  const queue = await get(`/en${BASE}/queue?stage=assessment&learner=${encodeURIComponent('Әйгерім')}&sort=learner&dir=asc`, 'admin@satbayev.test');
  assert.equal(queue.status, 200);
  assert.ok(queue.html.includes(`id="r-${requestId}"`));
  const none = await get(`/en${BASE}/queue?stage=certified`, 'admin@satbayev.test');
  assert.ok(!none.html.includes(`id="r-${requestId}"`), 'the stage filter runs on the server');
  const csv = await t.app.request(`/en${BASE}/queue?format=csv`, { headers: { cookie: await as('admin@satbayev.test') } });
  assert.equal(csv.status, 200);
  assert.match(await csv.text(), /Әйгерім Сәтбаева/);

  const admin = await as('admin@satbayev.test');
  const unjudged = await postForm(t, `/en${BASE}/${requestId}/assessment`, { 'results.0.code': 'ON1', 'results.0.met': 'true', 'results.1.code': 'ON2', outcomeKind: 'credits', credits: '10', title: 'Databases' }, admin);
  assert.equal(unjudged.status, 422, 'every claim must be judged');

  const fields = { 'results.0.code': 'ON1', 'results.0.met': 'true', 'results.0.note': 'Portfolio', 'results.1.code': 'ON2', 'results.1.met': 'false', outcomeKind: 'credits', credits: '10', title: 'Databases (recognised prior learning)' };
  const confirm = await postForm(t, `/en${BASE}/${requestId}/assessment`, fields, admin);
  assert.equal(confirm.status, 200);
  const page = await confirm.text();
  assert.ok(page.includes('name="confirmed" value="1"'));
  assert.ok(page.includes('10 credits are recognised to Әйгерім Сәтбаева'), 'the page says what will happen');
  const row = await t.db.selectFrom('prior_learning_requests').select('stage').where('id', '=', requestId).executeTakeFirstOrThrow();
  assert.equal(row.stage, 'assessment', 'nothing is recorded before the confirmation');

  const done = await postForm(t, `/en${BASE}/${requestId}/assessment`, { ...fields, confirmed: '1' }, admin);
  assert.equal(done.status, 303);
  assert.match(done.headers.get('location') ?? '', /done=certified/);
  const after = await get(`/kk${BASE}/${requestId}`, 'aigerim@example.kz');
  const credential = await t.db.selectFrom('prior_learning_requests').select('credential_id').where('id', '=', requestId).executeTakeFirstOrThrow();
  assert.ok(credential.credential_id);
  assert.ok(after.html.includes(`/kk/credentials/${credential.credential_id}`), 'the learner sees the credential issued');
});

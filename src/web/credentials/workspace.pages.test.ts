// The certificate pages and the credential workspace over HTTP: an issuer lists, revokes, suspends
// and reinstates credentials (a reason required), issues one from a specification and a batch from a
// CSV; a learner sees their credentials and credits, shares one and asks for recognition.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { silentLogger } from '../../../test/helpers/logger.ts';
import { licensedUniversity, registeredCentre, specBody } from '../../credentials/specification.fixtures.ts';
import { TEST_PASSWORD as PASSWORD, addUser, insertProgramme } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { catalogs } from '../../platform/i18n/i18n.ts';
import { JOBS } from '../../jobs.ts';
import { startJobs, stopJobs } from '../../platform/jobs/jobs.ts';

let t: TestApp;
let orgId: string;
let centreId: string;
let specId: string;
let programmeId: string;
let certificateId: string;
let revokedCertificateId: string;
const LANGS = ['kk', 'ru', 'en'] as const;

// biome-ignore lint/suspicious/noExplicitAny: catalogs are nested JSON
const text = (lang: string, key: string): string => key.split('.').reduce((o: any, k) => o?.[k], catalogs[lang as 'kk']) as string;
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const has = (html: string, lang: string, key: string) => assert.ok(html.includes(escaped(text(lang, key))), `${lang}: ${key}`);

before(async () => {
  t = await createTestApp();
  orgId = await licensedUniversity(t);
  centreId = (await registeredCentre(t)).organizationId;
  programmeId = await insertProgramme(t.db, orgId, {
    code: '6B06197',
    fieldCode: '06',
    narrowFieldCode: '061',
    synthetic: false,
    name: { kk: 'Деректер ғылымы', ru: 'Наука о данных', en: 'Data science' },
  });
  await inTransaction(t.system, async (ctx) => {
    await addUser(ctx, { email: 'admin@uni.test', displayName: 'Uni Admin', role: 'org-admin', organizationId: orgId });
    await addUser(ctx, { email: 'editor@uni.test', displayName: 'Uni Editor', role: 'org-editor', organizationId: orgId });
    await addUser(ctx, { email: 'aru@learner.test', displayName: 'Аружан', role: 'learner' });
  });
  const admin = await t.tokenFor('org-admin', orgId);
  const spec = await t.json('POST', '/api/credentials/specifications', {
    token: admin,
    body: specBody(orgId, { code: 'DA-1', programmeId, programmeCredits: 5, stackability: 'stackable' }),
  });
  assert.equal(spec.status, 201, JSON.stringify(spec.body));
  specId = spec.body.id;
  const staff = await t.tokenFor('org-editor', centreId);
  const cert = (number: string) =>
    t.json('POST', '/api/certificates', {
      token: staff,
      body: { organizationId: centreId, number, holderName: 'Ерлан <Қасымов>', title: 'Электр дәнекерлеуші', issuedOn: '2026-03-10', validUntil: '2029-03-10' },
    });
  certificateId = (await cert('CC-2026-0001')).body.id;
  revokedCertificateId = (await cert('CC-2026-0002')).body.id;
  const revoked = await t.json('POST', `/api/certificates/${revokedCertificateId}/revoke`, { token: staff, body: { reason: 'Forged documents' } });
  assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
  await startJobs({ jobs: JOBS, connectionString: t.url, db: t.db, log: silentLogger, pollingIntervalSeconds: 0.2 });
});
after(async () => {
  await stopJobs();
  await t?.close();
});

function form(path: string, fields: Record<string, string>, cookie?: string) {
  return t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}
const get = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { cookie } : {} });

async function signIn(email: string): Promise<string> {
  const res = await form('/en/sign-in', { email, password: PASSWORD });
  assert.equal(res.status, 303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('the certificate pages', () => {
  for (const lang of LANGS) {
    test(`${lang}: a certificate page shows number, holder, programme, date, organization and a QR code to itself`, async () => {
      const res = await get(`/${lang}/certificates/${certificateId}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /CC-2026-0001/);
      assert.ok(html.includes('Ерлан &lt;Қасымов&gt;'), 'the holder is escaped');
      assert.match(html, /Электр дәнекерлеуші/);
      assert.ok(html.includes(`href="/${lang}/organizations/${centreId}"`));
      assert.ok(html.includes(`http://localhost:3000/${lang}/certificates/${certificateId}`));
      assert.match(html, /<svg[^>]*role="img"/);
      has(html, lang, 'ui.credentialPages.certificate.state.valid');
    });
  }

  test('a revoked certificate says so with its reason', async () => {
    const html = await (await get(`/ru/certificates/${revokedCertificateId}`)).text();
    has(html, 'ru', 'ui.credentialPages.certificate.state.revoked');
    assert.match(html, /Forged documents/);
  });

  test('the lookup finds a certificate by organization and number, says when there is none, and asks for both', async () => {
    const blank = await (await get('/en/certificates')).text();
    assert.ok(blank.includes(`<option value="${centreId}"`), 'the centre is offered');
    const found = await (await get(`/en/certificates?organization=${centreId}&number=CC-2026-0001`)).text();
    assert.ok(found.includes(`href="/en/certificates/${certificateId}"`));
    const none = await (await get(`/kk/certificates?organization=${centreId}&number=NOPE`)).text();
    assert.ok(none.includes(escaped(text('kk', 'ui.credentialPages.certificate.notFound').replace('{{number}}', 'NOPE'))));
    const half = await get('/en/certificates?number=CC-2026-0001');
    assert.equal(half.status, 422);
    has(await half.text(), 'en', 'errors.product.certificate.lookupNeedsBoth');
  });
});

describe('the issuer workspace', () => {
  test('an editor issues one credential from a specification and lands on its page; bad fields come back', async () => {
    const editor = await signIn('editor@uni.test');
    assert.ok(
      (await (await get('/kk/workspace', editor)).text()).includes(`href="/kk/workspace/credentials?organization=${orgId}"`),
      'the workspace home links here',
    );
    const page = await get(`/kk/workspace/credentials/issue?organization=${orgId}`, editor);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes(`<option value="${specId}"`));
    const nonce = /name="nonce" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const bad = await form(
      '/kk/workspace/credentials/issue',
      { organization: orgId, nonce, specificationId: specId, name: '', email: 'nope', awardedOn: '2999-01-01' },
      editor,
    );
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    for (const f of ['name', 'email', 'awardedOn']) assert.match(badHtml, new RegExp(`id="f-${f}-error"`), f);
    const dashes = await form(
      '/kk/workspace/credentials/issue',
      { organization: orgId, nonce, specificationId: '-'.repeat(36), name: 'А Б', awardedOn: '2026-01-15' },
      editor,
    );
    assert.equal(dashes.status, 422, 'a specification id that is no uuid is a field error, not a database error');
    const fields = {
      organization: orgId,
      nonce,
      specificationId: specId,
      name: 'Аружан Серікқызы',
      email: 'aru@learner.test',
      identifier: 'S-1',
      awardedOn: '2026-01-15',
    };
    const ok = await form('/kk/workspace/credentials/issue', fields, editor);
    assert.equal(ok.status, 303, await ok.clone().text());
    const location = ok.headers.get('location') ?? '';
    assert.match(location, /^\/kk\/credentials\/[0-9a-f-]{36}$/);
    const again = await form('/kk/workspace/credentials/issue', fields, editor);
    assert.equal(again.headers.get('location'), location, 'submitting the same form twice issues once');
    assert.match(await (await get(location)).text(), /Аружан Серікқызы/);
  });

  test('the list has no inline status forms: each action goes to a confirmation page that asks the reason once and ends on what happened', async () => {
    const admin = await signIn('admin@uni.test');
    const issued = await form(
      '/en/workspace/credentials/issue',
      { organization: orgId, nonce: 'n-2', specificationId: specId, name: 'Берік Оспан', awardedOn: '2026-01-15' },
      admin,
    );
    const id = /([0-9a-f-]{36})$/.exec(issued.headers.get('location') ?? '')?.[1] ?? '';
    const list = await (await get(`/en/workspace/credentials?organization=${orgId}`, admin)).text();
    assert.doesNotMatch(list, /name="reason"/, 'no reason boxes in the list');
    assert.doesNotMatch(list, /\/status"/, 'no inline status forms in the list');
    assert.ok(list.includes(`href="/en/workspace/credentials/${id}/confirm/revoke?organization=${orgId}"`), 'a link to the revoke confirmation');

    for (const lang of LANGS) {
      const confirm = await get(`/${lang}/workspace/credentials/${id}/confirm/revoke?organization=${orgId}`, admin);
      assert.equal(confirm.status, 200, lang);
      const html = await confirm.text();
      assert.equal(html.match(/name="reason"/g)?.length, 1, `${lang}: the reason is asked once`);
      assert.ok(html.includes('Берік Оспан'), `${lang}: says whose credential`);
      has(html, lang, 'ui.credentialPages.confirm.reasonHint.revoke');
      assert.ok(html.includes(escaped(text(lang, 'ui.credentialPages.confirm.revoke').split('{{')[0] ?? '')), `${lang}: says what will happen`);
      assert.ok(html.includes(`action="/${lang}/workspace/credentials/${id}/status"`));
    }
    const noReason = await form(`/en/workspace/credentials/${id}/status`, { organization: orgId, action: 'suspend', reason: ' ' }, admin);
    assert.equal(noReason.status, 422);
    const html = await noReason.text();
    assert.ok(html.includes('id="f-reason-error"'), 'the problem is on the one reason field of the confirmation page');
    assert.match(html, /id="f-reason"[^>]*aria-invalid="true"/);
    assert.equal(html.match(/name="reason"/g)?.length, 1);

    const suspended = await form(`/en/workspace/credentials/${id}/status`, { organization: orgId, action: 'suspend', reason: 'Complaint under review' }, admin);
    assert.equal(suspended.status, 303);
    const after = await (await get(suspended.headers.get('location') ?? '', admin)).text();
    assert.match(after, /role="status"[\s\S]*is suspended/);
    has(after, 'en', 'ui.credentialPages.confirm.openCredential');
    assert.ok(after.includes(`href="/en/credentials/${id}"`), 'the next step: the credential as a verifier sees it');
    assert.match(await (await get(`/en/credentials/${id}`)).text(), /<strong>Suspended<\/strong>[\s\S]*Complaint under review/);
    assert.equal((await form(`/en/workspace/credentials/${id}/status`, { organization: orgId, action: 'reinstate', reason: '' }, admin)).status, 303);
    assert.match(await (await get(`/en/credentials/${id}`)).text(), /<strong>Valid<\/strong>/);
    assert.equal(
      (await form(`/en/workspace/credentials/${id}/status`, { organization: orgId, action: 'revoke', reason: 'Issued in error' }, admin)).status,
      303,
    );
    const again = await form(`/en/workspace/credentials/${id}/status`, { organization: orgId, action: 'revoke', reason: 'Twice' }, admin);
    assert.equal(again.status, 409, 'revocation is final');
    assert.equal((await get(`/en/workspace/credentials/${id}/confirm/revoke?organization=${orgId}`, admin)).status, 409, 'a revoked credential offers no revocation');
    const revokedList = await (await get(`/en/workspace/credentials?organization=${orgId}&status=revoked`, admin)).text();
    assert.match(revokedList, /Issued in error/);
  });

  test('the credential list sorts, filters, pages and exports on the server', async () => {
    const admin = await signIn('admin@uni.test');
    for (const [nonce, name] of [['s-1', 'Ясмин Ахмет'], ['s-2', 'Айдана Бек']] as const) {
      const res = await form('/en/workspace/credentials/issue', { organization: orgId, nonce, specificationId: specId, name, awardedOn: '2026-02-01' }, admin);
      assert.equal(res.status, 303);
    }
    const byLearner = await (await get(`/en/workspace/credentials?organization=${orgId}&sort=learner&dir=asc`, admin)).text();
    assert.ok(byLearner.indexOf('Айдана Бек') < byLearner.indexOf('Ясмин Ахмет'), 'sorted by learner');
    const desc = await (await get(`/en/workspace/credentials?organization=${orgId}&sort=learner&dir=desc`, admin)).text();
    assert.ok(desc.indexOf('Ясмин Ахмет') < desc.indexOf('Айдана Бек'));
    const found = await (await get(`/en/workspace/credentials?organization=${orgId}&q=${encodeURIComponent('Ясмин')}`, admin)).text();
    assert.ok(found.includes('Ясмин Ахмет') && !found.includes('Айдана Бек'), 'the search filters in the database');
    const dated = await (await get(`/en/workspace/credentials?organization=${orgId}&from=2026-02-01&to=2026-02-01`, admin)).text();
    assert.ok(dated.includes('Ясмин Ахмет') && !dated.includes('Берік Оспан'), 'filtered by award date');
    const csv = await get(`/en/workspace/credentials?organization=${orgId}&q=${encodeURIComponent('Ясмин')}&format=csv`, admin);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const body = await csv.text();
    assert.ok(body.includes('Ясмин Ахмет') && !body.includes('Айдана Бек'), 'the export carries what the list shows');
    const xlsx = await get(`/en/workspace/credentials?organization=${orgId}&format=xlsx`, admin);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
    const paged = await (await get(`/en/workspace/credentials?organization=${orgId}&page=99`, admin)).text();
    assert.doesNotMatch(paged, /Ясмин Ахмет/, 'a page past the end is empty');
  });

  test('an editor may not revoke, and an anonymous visitor is sent to sign in', async () => {
    const editor = await signIn('editor@uni.test');
    const list = await (await get(`/en/workspace/credentials?organization=${orgId}`, editor)).text();
    assert.doesNotMatch(list, /confirm\/revoke/, 'no revoke link without credential.revoke');
    assert.equal((await get(`/en/workspace/credentials?organization=${centreId}`, editor)).status, 403, "another organization's list is refused");
    const anonymous = await get('/en/workspace/credentials');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), '/en/sign-in?next=%2Fworkspace%2Fcredentials', 'and come back after signing in');
    const learner = await signIn('aru@learner.test');
    assert.equal((await get('/en/workspace/credentials', learner)).status, 403);
  });

  test('a CSV batch with a bad row lists it and issues nothing; a good one shows its progress and every row', async () => {
    const editor = await signIn('editor@uni.test');
    const upload = (csv: string) => {
      const body = new FormData();
      body.append('organization', orgId);
      body.append('specificationId', specId);
      body.append('csv', new File([csv], 'learners.csv', { type: 'text/csv' }));
      return t.app.request('/ru/workspace/credentials/batches', { method: 'POST', body, headers: { cookie: editor } });
    };
    // A specification id of 36 dashes is a field error on the form, not a database error (500).
    const dashes = new FormData();
    dashes.append('organization', orgId);
    dashes.append('specificationId', '-'.repeat(36));
    dashes.append('csv', new File(['name,email,date\nА Б,ab@example.kz,2026-01-15\n'], 'learners.csv', { type: 'text/csv' }));
    assert.equal((await t.app.request('/ru/workspace/credentials/batches', { method: 'POST', body: dashes, headers: { cookie: editor } })).status, 422);
    const bad = await upload('name,email,date\nАсель Нурова,asel@example.kz,2026-01-15\n,broken,15.01.2026\n');
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /Строка 3/);
    const good = await upload('name,email,date\nАсель Нурова,asel@example.kz,2026-01-15\nДана Ержанова,dana@example.kz,2026-01-16\n');
    assert.equal(good.status, 303, await good.clone().text());
    const location = good.headers.get('location') ?? '';
    assert.match(location, /^\/ru\/workspace\/credentials\/batches\/[0-9a-f-]{36}$/);
    let html = '';
    for (let i = 0; i < 100; i++) {
      html = await (await get(location, editor)).text();
      if (html.includes('data-row="3" data-status="issued"')) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    assert.match(html, /data-row="2" data-status="issued"/);
    assert.match(html, /data-row="3" data-status="issued"/);
    assert.match(html, /<progress max="2" value="2"/);
    assert.match(html, /Асель Нурова/);
    const rest = await (await get(`${location}?after=2`, editor)).text();
    assert.doesNotMatch(rest, /data-row="2"/, 'the rows come a page at a time, after the row asked');
    assert.match(rest, /data-row="3" data-status="issued"/);
  });
});

describe('the learner workspace', () => {
  test('a learner sees their credentials and credits, shares a link that opens the credential, and asks for recognition', async () => {
    const learner = await signIn('aru@learner.test');
    assert.ok((await (await get('/ru/workspace', learner)).text()).includes('href="/ru/workspace/my-credentials"'), 'the workspace home links here');
    const res = await get('/ru/workspace/my-credentials', learner);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Основы анализа данных/, 'the credential issued to their e-mail');
    assert.match(html, /6B06197 Наука о данных/);
    assert.ok(
      html.includes(
        escaped(text('ru', 'ui.credentialPages.mine.creditsLine').replace('{{earned}}', '5').replace('{{total}}', '240').replace('{{remaining}}', '235')),
      ),
    );
    const id = /action="\/ru\/workspace\/my-credentials\/([0-9a-f-]{36})\/share"/.exec(html)?.[1] ?? '';
    assert.ok(id);

    const shared = await form(`/ru/workspace/my-credentials/${id}/share`, {}, learner);
    assert.equal(shared.status, 303);
    const after = await (await get(shared.headers.get('location') ?? '', learner)).text();
    const link = /href="http:\/\/[^"]+(\/ru\/shared\/[\w-]+)"/.exec(after)?.[1] ?? '';
    assert.ok(link, 'the new link is shown once');
    const opened = await get(link);
    assert.equal(opened.status, 200);
    assert.match(await opened.text(), /Аружан Серікқызы/);
    assert.equal((await get('/ru/shared/not-a-real-token-aaaaaaaaaaaaaaa')).status, 404);

    const asked = await form('/ru/workspace/my-credentials/recognition', { programmeId, note: 'Прошу зачесть' }, learner);
    assert.equal(asked.status, 303);
    const pending = await (await get('/ru/workspace/my-credentials', learner)).text();
    has(pending, 'ru', 'ui.credentialPages.mine.pending');
    assert.match(pending, /Прошу зачесть|Наука о данных/);
    const twice = await form('/ru/workspace/my-credentials/recognition', { programmeId }, learner);
    assert.equal(twice.status, 409);
  });

  test('staff without the learner role get 403 on the learner pages', async () => {
    const editor = await signIn('editor@uni.test');
    assert.equal((await get('/en/workspace/my-credentials', editor)).status, 403);
  });
});

describe("the organization's recognition requests", () => {
  test('the admin sees the learner request, a bad credit count comes back next to its field, and a decision is recorded once', async () => {
    const admin = await signIn('admin@uni.test');
    const request = await t.db.selectFrom('credential_recognition_requests').select(['id', 'organization_id']).where('status', '=', 'pending').executeTakeFirstOrThrow();
    const list = await get('/ru/workspace/recognition-requests', admin);
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.match(html, /Аружан/);
    assert.match(html, new RegExp(`/ru/workspace/recognition-requests/${request.id}`));

    const path = `/ru/workspace/recognition-requests/${request.id}?organization=${request.organization_id}`;
    const bad = await form(path, { [`decision-${request.id}`]: 'recognised', [`recognisedCredits-${request.id}`]: '-3' }, admin);
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, new RegExp(`aria-describedby="[^"]*f-recognisedCredits-${request.id}-error"`));
    assert.match(badHtml, new RegExp(`id="f-recognisedCredits-${request.id}-error">Должно быть не меньше 0.5`));

    const done = await form(path, { [`decision-${request.id}`]: 'refused', [`note-${request.id}`]: 'Не совпадают результаты обучения' }, admin);
    assert.equal(done.status, 303);
    const row = await t.db.selectFrom('credential_recognition_requests').select(['status', 'decision_note']).where('id', '=', request.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'refused', decision_note: 'Не совпадают результаты обучения' });
    assert.equal((await form(path, { [`decision-${request.id}`]: 'recognised' }, admin)).status, 409, 'decided once');
  });

  test('an editor and a learner may not decide recognition requests', async () => {
    assert.equal((await get('/en/workspace/recognition-requests', await signIn('editor@uni.test'))).status, 403);
    assert.equal((await get('/en/workspace/recognition-requests', await signIn('aru@learner.test'))).status, 403);
  });
});

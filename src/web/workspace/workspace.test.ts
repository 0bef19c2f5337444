import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { TEST_PASSWORD as PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { escaped, postForm, text } from '../page-session.fixtures.ts';

let t: TestApp;
let orgId: string;

before(async () => {
  t = await createTestApp();
  await inTransaction(t.system, async (ctx) => {
    orgId = await addOrganization(ctx, { kk: 'Альфа университеті', ru: 'Университет Альфа', en: 'Alpha University' });
    await addUser(ctx, { email: 'editor@alpha.test', displayName: 'Aigerim Editor', role: 'org-editor', organizationId: orgId });
    await addUser(ctx, { email: 'admin@alpha.test', displayName: 'Arman Admin', role: 'org-admin', organizationId: orgId });
    await addUser(ctx, { email: 'reviewer@edu.test', displayName: 'Dana Reviewer', role: 'ministry' });
  });
});
after(() => t.close());

const form = (path: string, fields: Record<string, string | string[]>, cookie?: string) => postForm(t, path, fields, cookie);

const get = (path: string, cookie?: string) => t.app.request(path, { headers: cookie ? { cookie } : {} });

async function signIn(email: string, lang = 'en'): Promise<string> {
  const res = await form(`/${lang}/sign-in`, { email, password: PASSWORD });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/${lang}/workspace`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  assert.match(setCookie, /HttpOnly/i);
  assert.match(setCookie, /SameSite=Lax/i);
  return setCookie.split(';')[0] ?? '';
}

const passport = (over: Record<string, string | string[]> = {}) => ({
  organizationId: orgId,
  code: '6B06101',
  'name.kk': 'Ақпараттық жүйелер',
  'name.ru': 'Информационные системы',
  'name.en': 'Information systems',
  fieldCode: '06',
  directionCode: '061',
  nqfLevel: '6',
  degree: 'bachelor',
  creditsEcts: '240',
  languages: ['kk', 'ru'],
  'outcomes.0.code': 'LO1',
  'outcomes.0.text.kk': 'Деректер қорын жобалайды',
  'outcomes.0.text.ru': 'Проектирует базы данных',
  'outcomes.0.text.en': 'Designs databases',
  ...over,
});

describe('the workspace', () => {
  test('an editor submits a programme, the ministry reviews and includes it, and the public sees it', async () => {
    const editor = await signIn('editor@alpha.test');
    const home = await (await get('/en/workspace', editor)).text();
    assert.match(home, /Aigerim Editor/);
    assert.match(home, /Organization editor, Alpha University/, 'the header shows role and organization');
    assert.match(home, /action="\/en\/sign-out"/);

    const newForm = await get('/en/workspace/programmes/new', editor);
    assert.equal(newForm.status, 200);
    const formHtml = await newForm.text();
    assert.match(formHtml, /<label for="f-code">Programme code<\/label>/);

    const created = await form('/en/workspace/programmes/new', passport(), editor);
    assert.equal(created.status, 303, await created.clone().text());
    const location = created.headers.get('location') ?? '';
    const id = /\/en\/workspace\/programmes\/([0-9a-f-]{36})\?done=created$/.exec(location)?.[1];
    assert.ok(id, location);

    const listed = await (await get('/en/workspace', editor)).text();
    assert.match(listed, /Information systems/);
    assert.match(listed, /Draft/);

    const programmePage = await (await get(location, editor)).text();
    assert.match(programmePage, /Submit to the register/);
    const submitted = await form(`/en/workspace/programmes/${id}/transitions`, { action: 'submit' }, editor);
    assert.equal(submitted.status, 303);
    assert.match(await (await get(location, editor)).text(), /<dd>Submitted<\/dd>/);
    assert.equal((await t.json('GET', `/api/programmes/${id}`)).status, 404, 'not public before inclusion');

    const ministry = await signIn('reviewer@edu.test', 'ru');
    const queue = await (await get('/ru/workspace/review', ministry)).text();
    assert.match(queue, /6B06101/);
    assert.match(queue, /Начать рассмотрение/);
    const started = await form(`/ru/workspace/programmes/${id}/transitions`, { action: 'start-review', back: 'review' }, ministry);
    assert.equal(started.status, 303);
    assert.match(started.headers.get('location') ?? '', /^\/ru\/workspace\/review/);
    const reviewing = await (await get('/ru/workspace/review', ministry)).text();
    assert.match(reviewing, /Включить в реестр/);
    assert.match(reviewing, new RegExp(`href="/ru/workspace/programmes/${id}/confirm/include"`), 'including goes through its confirmation page');
    const confirm = await (await get(`/ru/workspace/programmes/${id}/confirm/include`, ministry)).text();
    assert.match(confirm, /будет включена в национальный реестр/);
    assert.match(confirm, new RegExp(`<form method="post" action="/ru/workspace/programmes/${id}/transitions">`));

    const included = await form(`/ru/workspace/programmes/${id}/transitions`, { action: 'include', back: 'review' }, ministry);
    assert.equal(included.status, 303);
    const after = await (await get(included.headers.get('location') ?? '', ministry)).text();
    assert.match(after, new RegExp(`href="/ru/programmes/${id}"`), 'links to the public page');
    assert.match(after, /Программа 6B06101 включена в реестр и опубликована\./, 'says what happened');

    const publicApi = await t.json('GET', `/api/programmes/${id}`);
    assert.equal(publicApi.status, 200);
    assert.equal(publicApi.body.status, 'included');
    const publicPage = await get(`/ru/programmes/${id}`);
    assert.equal(publicPage.status, 200);
    assert.match(await publicPage.text(), /Информационные системы/);
  });

  test('returning a programme without a comment shows the error next to the comment box; with one it is returned', async () => {
    const editor = await signIn('editor@alpha.test');
    const created = await form('/en/workspace/programmes/new', passport({ code: '6B06102', 'name.kk': 'Бағдарлама екі', 'name.ru': 'Программа два', 'name.en': 'Programme two' }), editor);
    const id = /([0-9a-f-]{36})\?done=created$/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
    await form(`/en/workspace/programmes/${id}/transitions`, { action: 'submit' }, editor);
    const ministry = await signIn('reviewer@edu.test');
    await form(`/en/workspace/programmes/${id}/transitions`, { action: 'start-review', back: 'review' }, ministry);

    const refused = await form(`/en/workspace/programmes/${id}/transitions`, { action: 'return', back: 'review', comment: '  ' }, ministry);
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, new RegExp(`<textarea id="f-comment-${id}"[^>]*aria-invalid="true"[^>]*aria-describedby="f-comment-${id}-error"`));
    assert.match(html, new RegExp(`id="f-comment-${id}-error">${escaped(text('en', 'errors.field.commentRequired'))}`));

    const returned = await form(`/en/workspace/programmes/${id}/transitions`, { action: 'return', back: 'review', comment: 'Add the outcomes of the final year.' }, ministry);
    assert.equal(returned.status, 303);
    const page = await (await get(`/en/workspace/programmes/${id}`, editor)).text();
    assert.match(page, /Returned for revision/);
    assert.match(page, /Add the outcomes of the final year\./);
    assert.match(page, /Submit to the register/, 'a returned programme can be submitted again');
  });

  test('a wrong password re-renders the form with a localized error and status 401', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const res = await form(`/${lang}/sign-in`, { email: 'editor@alpha.test', password: 'wrong password!' });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('set-cookie'), null);
      const html = await res.text();
      assert.match(html, new RegExp(escaped(text(lang, 'errors.badCredentials'))));
      assert.match(html, /value="editor@alpha.test"/, 'the e-mail is kept');
      assert.match(html, /<label for="f-password">/);
    }
  });

  test('an anonymous visitor of the workspace is sent to sign in, and the header offers it', async () => {
    for (const lang of ['kk', 'ru', 'en']) {
      const res = await get(`/${lang}/workspace`);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/${lang}/sign-in`);
    }
    const signInPage = await (await get('/kk/sign-in')).text();
    assert.match(signInPage, /<label for="f-email">Электрондық пошта<\/label>/);
    const home = await (await get('/en/')).text();
    assert.match(home, /href="\/en\/sign-in"/);
    assert.equal((await form('/en/workspace/programmes/new', passport())).status, 303, 'an anonymous post is sent to sign in too');
  });

  test('signing in returns to the workspace page that asked for it, never to another site', async () => {
    const asked = await get('/ru/workspace/tokens?page=2');
    assert.equal(asked.status, 303);
    const signInAt = asked.headers.get('location') ?? '';
    assert.equal(signInAt, '/ru/sign-in?next=%2Fworkspace%2Ftokens%3Fpage%3D2');
    const signInPage = await (await get(signInAt)).text();
    assert.match(signInPage, /<input type="hidden" name="next" value="\/workspace\/tokens\?page=2"/);
    const back = await form('/kk/sign-in', { email: 'editor@alpha.test', password: PASSWORD, next: '/workspace/tokens?page=2' });
    assert.equal(back.headers.get('location'), '/kk/workspace/tokens?page=2', 'the language chosen on the sign-in page wins');
    const elsewhere = await form('/en/sign-in', { email: 'editor@alpha.test', password: PASSWORD, next: '//evil.example/' });
    assert.equal(elsewhere.headers.get('location'), '/en/workspace');
    const wrong = await form('/en/sign-in', { email: 'editor@alpha.test', password: 'wrong password!', next: '/workspace/tokens' });
    assert.match(await wrong.text(), /name="next" value="\/workspace\/tokens"/, 'a failed attempt keeps where to go');
    const publicPage = await (await get('/en/search?q=x')).text();
    assert.match(publicPage, /href="\/en\/sign-in\?next=%2Fsearch%3Fq%3Dx"/, 'the header link returns to the page too');
  });

  test('an editor cannot open the review queue or take a ministry step', async () => {
    const editor = await signIn('editor@alpha.test', 'kk');
    const res = await get('/kk/workspace/review', editor);
    assert.equal(res.status, 403);
    assert.match(await res.text(), new RegExp(text('kk', 'ui.workspace.denied.title')));
    const created = await form('/en/workspace/programmes/new', passport({ code: '6B06103', 'name.kk': 'Үшінші', 'name.ru': 'Третья', 'name.en': 'Third' }), editor);
    const id = /([0-9a-f-]{36})\?done=created$/.exec(created.headers.get('location') ?? '')?.[1] ?? '';
    await form(`/en/workspace/programmes/${id}/transitions`, { action: 'submit' }, editor);
    assert.equal((await form(`/en/workspace/programmes/${id}/transitions`, { action: 'start-review' }, editor)).status, 403);
    assert.equal((await get('/en/workspace/organization', editor)).status, 403, 'the profile is the org-admin’s');
  });

  test('a form with bad fields shows every error next to its field and keeps what was entered', async () => {
    const editor = await signIn('editor@alpha.test', 'ru');
    const res = await form(
      '/ru/workspace/programmes/new',
      passport({ code: 'bad code', 'name.kk': '', 'name.ru': '', nqfLevel: '', creditsEcts: '9999', languages: [], 'outcomes.0.code': '', 'outcomes.0.text.kk': '', 'outcomes.0.text.ru': '', 'outcomes.0.text.en': '' }),
      editor,
    );
    assert.equal(res.status, 422);
    const html = await res.text();
    for (const field of ['code', 'name-kk', 'name-ru', 'nqfLevel', 'creditsEcts', 'languages', 'outcomes']) {
      assert.match(html, new RegExp(`id="f-${field}-error"`), `an error for ${field}`);
      assert.match(html, new RegExp(`aria-describedby="[^"]*f-${field}-error`), `${field} is described by its error`);
    }
    assert.match(html, /value="BAD CODE"|value="bad code"/, 'the entered code is kept');
    assert.match(html, /value="Information systems"/, 'the entered English name is kept');
    assert.match(html, new RegExp(escaped(text('ru', 'ui.workspace.programme.outcomeRequired'))));
    assert.match(html, new RegExp(text('ru', 'ui.workspace.form.errorsTitle')));

    // A passport that parses but contradicts itself: the service's issues come back to the form.
    const contradiction = await form('/ru/workspace/programmes/new', passport({ code: '6B06109', nqfLevel: '7', 'name.ru': 'Противоречие' }), editor);
    assert.equal(contradiction.status, 422);
    assert.match(await contradiction.text(), /id="f-nqfLevel-error"|id="f-code-error"/);
  });

  test('an org-admin edits the organization profile', async () => {
    const admin = await signIn('admin@alpha.test');
    const page = await get('/en/workspace/organization', admin);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /value="Alpha University"/);
    const bad = await form('/en/workspace/organization', { 'name.kk': '', 'name.ru': 'Университет Альфа', 'name.en': 'Alpha University', aliases: '', website: 'not a url' }, admin);
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /id="f-name-kk-error"/);
    assert.match(badHtml, /id="f-website-error"/);
    assert.match(badHtml, /value="not a url"/);
    const saved = await form('/en/workspace/organization', { 'name.kk': 'Альфа университеті', 'name.ru': 'Университет Альфа', 'name.en': 'Alpha University', aliases: 'Alpha\nAU', website: 'https://alpha.example.kz' }, admin);
    assert.equal(saved.status, 303);
    const org = await t.json('GET', `/api/organizations/${orgId}`);
    assert.deepEqual(org.body.aliases, ['Alpha', 'AU']);
    assert.equal(org.body.website, 'https://alpha.example.kz');
  });

  test('signing out ends the session', async () => {
    const editor = await signIn('editor@alpha.test');
    const out = await form('/en/sign-out', {}, editor);
    assert.equal(out.status, 303);
    assert.match(out.headers.get('set-cookie') ?? '', /sapa_session=;/);
    assert.equal((await get('/en/workspace', editor)).status, 303, 'the old cookie no longer signs in');
  });
});

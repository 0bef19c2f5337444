// The self-assessment pages without JavaScript (issue 16): a university's admin starts one, rates
// the ten standards with narratives and an improvement action, attaches an evidence file and
// submits; a missing narrative or owner is named at its field; the ministry returns it with a
// comment and then accepts it; the history shows each step; outsiders see nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { TEST_PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { escaped, postForm, sessions, text } from '../page-session.fixtures.ts';

let t: TestApp;
let uni: string;
let other: string;
const { as, get } = sessions(() => t, TEST_PASSWORD);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

before(async () => {
  t = await createTestApp();
  await inTransaction(t.system, async (ctx) => {
    uni = await addOrganization(ctx, { kk: 'Дельта университеті', ru: 'Университет Дельта', en: 'Delta University' });
    other = await addOrganization(ctx, { kk: 'Эпсилон университеті', ru: 'Университет Эпсилон', en: 'Epsilon University' });
    await addUser(ctx, { email: 'admin@delta.test', role: 'org-admin', organizationId: uni });
    await addUser(ctx, { email: 'admin@epsilon.test', role: 'org-admin', organizationId: other });
    await addUser(ctx, { email: 'qa@ministry.test', role: 'ministry' });
  });
});
after(() => t.close());

const filled = (overrides: Record<string, string> = {}) => {
  const fields: Record<string, string> = { summary: 'Our internal QA system.' };
  for (let i = 1; i <= 10; i++) {
    fields[`rating.${i}`] = 'met';
    fields[`narrative.${i}`] = `Standard ${i}: policy, minutes, survey results.`;
  }
  return { ...fields, ...overrides };
};

test('the organization starts, fills, attaches evidence and submits; the ministry returns and accepts; history in kk/ru/en', async () => {
  const admin = await as('admin@delta.test');
  const started = await postForm(t, '/en/workspace/internal-qa/start', { organization: uni }, admin);
  assert.equal(started.status, 303);
  const id = /internal-qa\/([0-9a-f-]{36})/.exec(started.headers.get('location') ?? '')?.[1] ?? '';
  assert.ok(id);

  for (const lang of ['kk', 'ru', 'en'] as const) {
    const page = await get(`/${lang}/workspace/internal-qa/${id}`, 'admin@delta.test');
    assert.equal(page.status, 200, lang);
    assert.ok(page.html.includes(escaped(text(lang, 'ui.internalQa.save'))), lang);
    assert.ok(page.html.includes('enctype="multipart/form-data"'), lang);
  }

  // A partly met standard without its owner: the owner's field says so; nothing is saved.
  const missingOwner = await postForm(t, `/en/workspace/internal-qa/${id}/save`, filled({ 'rating.7': 'partially-met', 'action.7.0': 'Analyse the surveys per programme', 'dueOn.7.0': '2027-06-30' }), admin);
  assert.equal(missingOwner.status, 422);
  assert.match(await missingOwner.text(), /href="#f-owner-7-0"/);

  const saved = await postForm(
    t,
    `/en/workspace/internal-qa/${id}/save`,
    filled({ 'rating.7': 'partially-met', 'action.7.0': 'Analyse the surveys per programme', 'owner.7.0': 'Head of the quality office', 'dueOn.7.0': '2027-06-30' }),
    admin,
  );
  assert.equal(saved.status, 303);

  const form = new FormData();
  form.append('standardCode', '1');
  form.append('file', new File([PDF], 'policy.pdf', { type: 'application/pdf' }));
  const uploaded = await t.app.request(`/en/workspace/internal-qa/${id}/evidence`, { method: 'POST', headers: { cookie: admin }, body: form });
  assert.equal(uploaded.status, 303);
  const withFile = await get(`/en/workspace/internal-qa/${id}`, 'admin@delta.test');
  const href = /href="(\/en\/workspace\/internal-qa\/[0-9a-f-]{36}\/evidence\/[0-9a-f-]{36})"/.exec(withFile.html)?.[1] ?? '';
  assert.ok(href, 'the file is listed with a download link');
  const download = await t.app.request(href, { headers: { cookie: await as('qa@ministry.test') } });
  assert.equal(download.status, 200, 'the ministry downloads it');
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  const outsider = await t.app.request(href, { headers: { cookie: await as('admin@epsilon.test') } });
  assert.equal(outsider.status, 404, 'another organization learns nothing');

  assert.equal((await postForm(t, `/en/workspace/internal-qa/${id}/submit`, {}, admin)).status, 303);

  const ministry = await as('qa@ministry.test');
  const noComment = await postForm(t, `/ru/workspace/internal-qa/${id}/review`, { result: 'returned' }, ministry);
  assert.equal(noComment.status, 422);
  assert.ok((await noComment.text()).includes(escaped(text('ru', 'errors.oversight.commentRequired'))));
  assert.equal((await postForm(t, `/en/workspace/internal-qa/${id}/review`, { result: 'returned', comment: 'Name where the survey results are published.' }, ministry)).status, 303);
  const returned = await get(`/en/workspace/internal-qa/${id}`, 'admin@delta.test');
  assert.ok(returned.html.includes('Name where the survey results are published.'));
  assert.equal((await postForm(t, `/en/workspace/internal-qa/${id}/submit`, {}, admin)).status, 303);
  assert.equal((await postForm(t, `/en/workspace/internal-qa/${id}/review`, { result: 'accepted' }, ministry)).status, 303);

  for (const lang of ['kk', 'ru', 'en'] as const) {
    const page = await get(`/${lang}/workspace/internal-qa/${id}`, 'qa@ministry.test');
    assert.ok(page.html.includes(escaped(text(lang, 'ui.internalQa.verb.accept'))), `${lang}: history says accepted`);
    assert.ok(page.html.includes(escaped(text(lang, 'ui.internalQa.verb.return'))), `${lang}: and returned before`);
    assert.ok(page.html.includes(escaped(text(lang, 'ui.internalQa.working'))), lang);
  }
  const list = await get('/en/workspace/internal-qa?state=accepted', 'qa@ministry.test');
  assert.ok(list.html.includes('Delta University'));
  const theirs = await get(`/en/workspace/internal-qa/${id}`, 'admin@epsilon.test');
  assert.equal(theirs.status, 404);
});

test('submitting an unfinished self-assessment names the unrated standards', async () => {
  const admin = await as('admin@epsilon.test');
  const started = await postForm(t, '/kk/workspace/internal-qa/start', { organization: other }, admin);
  const id = /internal-qa\/([0-9a-f-]{36})/.exec(started.headers.get('location') ?? '')?.[1] ?? '';
  const refused = await postForm(t, `/kk/workspace/internal-qa/${id}/submit`, {}, admin);
  assert.equal(refused.status, 422);
  const html = await refused.text();
  assert.match(html, /href="#f-narrative-1"/);
  assert.ok(html.includes(escaped(text('kk', 'errors.oversight.unrated'))));
});

test('the ministry scores organizations and sees the high-risk list and a history in kk/ru/en; others are refused', async () => {
  const ministry = await as('qa@ministry.test');
  const assessed = await postForm(t, '/en/workspace/risk/assess', {}, ministry);
  assert.equal(assessed.status, 303);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const list = await get(`/${lang}/workspace/risk?level=high`, 'qa@ministry.test');
    assert.equal(list.status, 200, lang);
    assert.ok(list.html.includes(escaped(text(lang, 'ui.risk.factor.no-licence'))), `${lang}: each factor shown`);
    const history = await get(`/${lang}/workspace/risk/${other}`, 'qa@ministry.test');
    assert.equal(history.status, 200, lang);
  }
  assert.equal((await get('/en/workspace/risk', 'admin@delta.test')).status, 403);
});

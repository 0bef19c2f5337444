// The workspace organization page lists relationship proposals: the other side's admin confirms
// or declines one with a form (no JavaScript), and only then is it public (issue 13, decision 85).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { TEST_PASSWORD, addOrganization, addUser } from '../../../test/helpers/factories.ts';
import { inTransaction } from '../../platform/context.ts';
import { addRelationship } from '../../registry/relationship.service.ts';
import { escaped, postForm, sessions, text } from '../page-session.fixtures.ts';

let t: TestApp;
let parent: string;
let branch: string;
let proposerId: string;
const { as, get } = sessions(() => t, TEST_PASSWORD);

before(async () => {
  t = await createTestApp();
  await inTransaction(t.system, async (ctx) => {
    parent = await addOrganization(ctx, { kk: 'Бета университеті', ru: 'Университет Бета', en: 'Beta University' });
    branch = await addOrganization(ctx, { kk: 'Бета колледжі', ru: 'Колледж Бета', en: 'Beta College' });
    proposerId = await addUser(ctx, { email: 'admin@beta.test', role: 'org-admin', organizationId: parent });
    await addUser(ctx, { email: 'admin@beta-college.test', role: 'org-admin', organizationId: branch });
  });
});
after(() => t.close());

const propose = (type: string) =>
  inTransaction({ ...t.system, actor: { kind: 'user', userId: proposerId, label: 'admin@beta.test', roles: [{ role: 'org-admin', organizationId: parent }] } }, (ctx) =>
    addRelationship(ctx, parent, { type: type as 'branch', toId: branch, effectiveOn: '2024-09-01' }),
  );
const publicTypes = async () => (await t.json('GET', `/api/organizations/${branch}`)).body.relationships.map((r: { type: string }) => r.type);

test("the other side's admin sees the proposal in kk, ru and en and confirms it; the proposer only waits", async () => {
  const proposal = await propose('branch');
  assert.equal(proposal.state, 'proposed');
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const page = await get(`/${lang}/workspace/organization?organization=${branch}`, 'admin@beta-college.test');
    assert.equal(page.status, 200);
    assert.ok(page.html.includes(escaped(text(lang, 'ui.relationshipProposals.title'))), lang);
    assert.ok(page.html.includes(escaped(text(lang, 'ui.relationshipProposals.confirm'))), lang);
  }
  const proposer = await get(`/en/workspace/organization?organization=${parent}`, 'admin@beta.test');
  assert.ok(proposer.html.includes(escaped(text('en', 'ui.relationshipProposals.awaitingOther'))));
  assert.ok(!proposer.html.includes(`/relationships/${proposal.id}/confirm`), 'no answer form for the proposing side');
  assert.deepEqual(await publicTypes(), []);

  const refused = await postForm(t, `/en/workspace/organization/relationships/${proposal.id}/confirm`, { organization: parent }, await as('admin@beta.test'));
  assert.equal(refused.status, 403, 'the proposer cannot confirm through its own page');
  const confirmed = await postForm(t, `/en/workspace/organization/relationships/${proposal.id}/confirm`, { organization: branch }, await as('admin@beta-college.test'));
  assert.equal(confirmed.status, 303);
  assert.equal(confirmed.headers.get('location'), `/en/workspace/organization?organization=${branch}`);
  assert.deepEqual(await publicTypes(), ['branch']);
  const again = await postForm(t, `/ru/workspace/organization/relationships/${proposal.id}/decline`, { organization: branch }, await as('admin@beta-college.test'));
  assert.equal(again.status, 422, 'answered already: the page again, with the reason');
  assert.ok((await again.text()).includes(escaped(text('ru', 'errors.relationshipConsent.notProposed'))));
});

test('declining on the page keeps it off the public page', async () => {
  const proposal = await propose('host');
  const declined = await postForm(t, `/kk/workspace/organization/relationships/${proposal.id}/decline`, { organization: branch }, await as('admin@beta-college.test'));
  assert.equal(declined.status, 303);
  assert.ok(!(await publicTypes()).includes('host'));
  const page = await get(`/en/workspace/organization?organization=${branch}`, 'admin@beta-college.test');
  assert.ok(page.html.includes(escaped(text('en', 'ui.relationshipProposals.none'))));
});

// An update of an included programme is a pending version: the public (API, search, asOf, history)
// keeps seeing the included passport until the ministry includes the update; the organization and
// the ministry see the draft.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { bachelorIctPassport } from '../../test/helpers/factories.ts';
import { programmeById, programmesByIds, programmesOfOrganization } from './registry.api.ts';

let t: TestApp;
let ministry: string;
let editor: string;
let organizationId: string;
before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
  const org = await t.json('POST', '/api/organizations', {
    token: ministry,
    body: { bin: '100000000091', name: { kk: 'Pending University', ru: 'Pending University', en: 'Pending University' }, kind: 'university', regionCode: 'KZ-75' },
  });
  organizationId = org.body.id;
  editor = await t.tokenFor('org-editor', organizationId);
});
after(() => t.close());

const passport = () => ({
  organizationId,
  code: '6B06199',
  name: { kk: 'Деректер ғылымы', ru: 'Наука о данных', en: 'Data science' },
  ...bachelorIctPassport(),
  outcomes: [{ code: 'LO1', text: { kk: 'Деректерді талдайды', ru: 'Анализирует данные', en: 'Analyses data' } }],
  courses: [],
});

const step = (id: string, action: string, token: string) => t.json('POST', `/api/programmes/${id}/transitions`, { token, body: { action } });
const today = () => new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
const nameSeenBy = async (id: string, token?: string) => (await t.json('GET', `/api/programmes/${id}`, { token })).body.name?.en;

test('an update of an included programme is public only once the ministry includes it', async () => {
  const id = (await t.json('POST', '/api/programmes', { token: editor, body: passport() })).body.id as string;
  for (const [action, token] of [['submit', editor], ['start-review', ministry], ['include', ministry], ['start-update', editor]] as const) {
    assert.equal((await step(id, action, token)).status, 200, action);
  }
  const patched = await t.json('PATCH', `/api/programmes/${id}`, { token: editor, body: { name: { kk: 'Жасанды интеллект', ru: 'Искусственный интеллект', en: 'Artificial intelligence' } } });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));

  // The public: the included passport, in the record, the list, asOf, search and history.
  const seen = await t.json('GET', `/api/programmes/${id}`);
  assert.deepEqual([seen.status, seen.body.name.en, seen.body.status], [200, 'Data science', 'included']);
  const listed = await t.json('GET', '/api/programmes?code=6B06199');
  assert.deepEqual(listed.body.items.map((p: { name: { en: string } }) => p.name.en), ['Data science']);
  assert.equal((await t.json('GET', `/api/programmes/${id}?asOf=${today()}`)).body.name.en, 'Data science');
  assert.equal((await t.json('GET', `/api/programmes?code=6B06199&asOf=${today()}`)).body.items[0].name.en, 'Data science');
  const found = await t.json('GET', `/api/search?q=${encodeURIComponent('Artificial intelligence')}`);
  assert.ok(!found.body.items.some((i: { codes: string[] }) => i.codes.includes('6B06199')), 'the draft is not searchable');
  assert.ok((await t.json('GET', `/api/search?q=${encodeURIComponent('Data science')}`)).body.items.some((i: { codes: string[] }) => i.codes.includes('6B06199')));
  const history = await t.json('GET', `/api/programmes/${id}/history`);
  assert.ok(history.body.length > 0 && history.body.every((v: { data: { name: { en: string } } }) => v.data.name.en === 'Data science'), 'no draft in the public history');
  const page = await (await t.request('GET', `/en/programmes/${id}`)).text();
  assert.ok(page.includes('Data science') && !page.includes('Artificial intelligence'), 'the public page');

  // The organization and the ministry see the pending draft.
  assert.equal(await nameSeenBy(id, editor), 'Artificial intelligence');
  assert.equal(await nameSeenBy(id, ministry), 'Artificial intelligence');

  for (const [action, token] of [['submit', editor], ['start-review', ministry]] as const) await step(id, action, token);
  assert.equal(await nameSeenBy(id), 'Data science', 'under review, still the included version');
  assert.equal((await step(id, 'include', ministry)).status, 200);
  assert.equal(await nameSeenBy(id), 'Artificial intelligence');
  assert.ok((await t.json('GET', `/api/search?q=${encodeURIComponent('Artificial intelligence')}`)).body.items.some((i: { codes: string[] }) => i.codes.includes('6B06199')));
});

// List filters match what the public is shown; other modules read the included version through
// registry.api; the change feed holds the update back until the ministry includes it.
const renamed = { kk: 'Робототехника', ru: 'Робототехника', en: 'Robotics' };

const namesListed = async (query: string, token?: string) =>
  (await t.json('GET', `/api/programmes?${query}`, { token })).body.items.map((p: { name: { en: string } }) => p.name.en);

async function feedOf(id: string): Promise<{ state: string; record: { name: { en: string }; status: string } | null }[]> {
  const page = await t.json('GET', '/api/changes?limit=1000');
  return page.body.items.filter((i: { id: string }) => i.id === id);
}

test('list filters, the read API and the change feed show the included version of a pending update', async () => {
  const id = (await t.json('POST', '/api/programmes', { token: editor, body: { ...passport(), code: '6B06198', name: { kk: 'Машиналық оқыту', ru: 'Машинное обучение', en: 'Machine learning' } } })).body.id as string;
  for (const [action, token] of [['submit', editor], ['start-review', ministry], ['include', ministry], ['start-update', editor]] as const) {
    assert.equal((await step(id, action, token)).status, 200, action);
  }
  assert.equal((await t.json('PATCH', `/api/programmes/${id}`, { token: editor, body: { name: renamed } })).status, 200);

  // The public: filters match what it is shown.
  assert.deepEqual(await namesListed('name=Robotics'), [], 'the pending name is not found');
  assert.deepEqual(await namesListed('name=Machine%20learning'), ['Machine learning']);
  assert.deepEqual(await namesListed('status=update&code=6B06198'), [], 'the pending status is not found');
  assert.deepEqual(await namesListed('status=included&code=6B06198'), ['Machine learning']);
  const counted = await t.json('GET', '/api/programmes?name=Robotics');
  assert.equal(counted.body.total, 0);
  // Its organization still finds the working copy.
  assert.deepEqual(await namesListed('name=Robotics', editor), ['Robotics']);
  assert.deepEqual(await namesListed('status=update&code=6B06198', ministry), ['Robotics']);

  // Other modules (registers, credentials) read the included version.
  assert.equal((await programmeById(t.db, id))?.name_en, 'Machine learning');
  assert.deepEqual((await programmesByIds(t.db, [id])).map((p) => [p.name_en, p.status]), [['Machine learning', 'included']]);
  assert.deepEqual((await programmesOfOrganization(t.db, organizationId)).filter((p) => p.id === id).map((p) => p.name_en), ['Machine learning']);

  // The change feed holds the update back: no pending version, and no tombstone for it either.
  const held = await feedOf(id);
  assert.ok(held.length > 0);
  assert.ok(held.every((i) => i.state !== 'deleted' && i.record?.name.en === 'Machine learning' && i.record.status === 'included'), JSON.stringify(held));

  for (const [action, token] of [['submit', editor], ['start-review', ministry], ['include', ministry]] as const) {
    assert.equal((await step(id, action, token)).status, 200, action);
  }
  assert.deepEqual(await namesListed('name=Robotics'), ['Robotics']);
  assert.equal((await programmeById(t.db, id))?.name_en, 'Robotics');
  assert.equal((await feedOf(id)).at(-1)?.record?.name.en, 'Robotics');
});

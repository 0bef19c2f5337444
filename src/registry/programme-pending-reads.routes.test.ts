// The public sees a pending update nowhere: list filters match the included version, other modules
// read the included version through registry.api, and the change feed holds the update back until
// the ministry includes it.
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
    body: { bin: '100000000092', name: { kk: 'Reads University', ru: 'Reads University', en: 'Reads University' }, kind: 'university', regionCode: 'KZ-75' },
  });
  organizationId = org.body.id;
  editor = await t.tokenFor('org-editor', organizationId);
});
after(() => t.close());

const passport = () => ({
  organizationId,
  code: '6B06198',
  name: { kk: 'Деректер ғылымы', ru: 'Наука о данных', en: 'Data science' },
  ...bachelorIctPassport(),
  outcomes: [{ code: 'LO1', text: { kk: 'Деректерді талдайды', ru: 'Анализирует данные', en: 'Analyses data' } }],
  courses: [],
});
const renamed = { kk: 'Жасанды интеллект', ru: 'Искусственный интеллект', en: 'Artificial intelligence' };

const step = (id: string, action: string, token: string) => t.json('POST', `/api/programmes/${id}/transitions`, { token, body: { action } });
const namesListed = async (query: string, token?: string) =>
  (await t.json('GET', `/api/programmes?${query}`, { token })).body.items.map((p: { name: { en: string } }) => p.name.en);

async function feedOf(id: string): Promise<{ state: string; record: { name: { en: string }; status: string } | null }[]> {
  const page = await t.json('GET', '/api/changes?limit=1000');
  return page.body.items.filter((i: { id: string }) => i.id === id);
}

test('list filters, the read API and the change feed show the included version of a pending update', async () => {
  const id = (await t.json('POST', '/api/programmes', { token: editor, body: passport() })).body.id as string;
  for (const [action, token] of [['submit', editor], ['start-review', ministry], ['include', ministry], ['start-update', editor]] as const) {
    assert.equal((await step(id, action, token)).status, 200, action);
  }
  assert.equal((await t.json('PATCH', `/api/programmes/${id}`, { token: editor, body: { name: renamed } })).status, 200);

  // The public: filters match what it is shown.
  assert.deepEqual(await namesListed('name=Artificial'), [], 'the pending name is not found');
  assert.deepEqual(await namesListed('name=Data%20science'), ['Data science']);
  assert.deepEqual(await namesListed(`status=update&organizationId=${organizationId}`), [], 'the pending status is not found');
  assert.deepEqual(await namesListed(`status=included&organizationId=${organizationId}`), ['Data science']);
  const counted = await t.json('GET', `/api/programmes?name=Artificial`);
  assert.equal(counted.body.total, 0);
  // Its organization still finds the working copy.
  assert.deepEqual(await namesListed('name=Artificial', editor), ['Artificial intelligence']);
  assert.deepEqual(await namesListed(`status=update&organizationId=${organizationId}`, ministry), ['Artificial intelligence']);

  // Other modules (registers, credentials) read the included version.
  assert.equal((await programmeById(t.db, id))?.name_en, 'Data science');
  assert.deepEqual((await programmesByIds(t.db, [id])).map((p) => [p.name_en, p.status]), [['Data science', 'included']]);
  assert.deepEqual((await programmesOfOrganization(t.db, organizationId)).map((p) => p.name_en), ['Data science']);

  // The change feed holds the update back: no pending version, and no tombstone for it either.
  const held = await feedOf(id);
  assert.ok(held.length > 0);
  assert.ok(held.every((i) => i.state !== 'deleted' && i.record?.name.en === 'Data science' && i.record.status === 'included'), JSON.stringify(held));

  for (const [action, token] of [['submit', editor], ['start-review', ministry], ['include', ministry]] as const) {
    assert.equal((await step(id, action, token)).status, 200, action);
  }
  assert.deepEqual(await namesListed('name=Artificial'), ['Artificial intelligence']);
  assert.equal((await programmeById(t.db, id))?.name_en, 'Artificial intelligence');
  assert.equal((await feedOf(id)).at(-1)?.record?.name.en, 'Artificial intelligence');
});

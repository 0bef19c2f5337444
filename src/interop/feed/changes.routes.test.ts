import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { bachelorIctPassport } from '../../../test/helpers/factories.ts';
import { recordChange } from '../../platform/history/history.ts';
import type { ChangeItem } from './changes.schema.ts';

let t: TestApp;
let ministry: string;
let orgId: string;
let editor: string;

const programme = (code: string) => ({
  organizationId: orgId,
  code,
  name: { kk: `Бағдарлама ${code}`, ru: `Программа ${code}`, en: `Programme ${code}` },
  ...bachelorIctPassport(),
  outcomes: [{ code: 'LO1', text: { kk: 'Жобалайды', ru: 'Проектирует', en: 'Designs' } }],
  courses: [{ code: 'DB101', name: { kk: 'Деректер қоры', ru: 'Базы данных', en: 'Databases' }, cycle: 'major', component: 'core', credits: 6, outcomes: ['LO1'] }],
});

before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
  const org = { bin: '200000000001', name: { kk: 'Feed University', ru: 'Feed University', en: 'Feed University' }, kind: 'university', regionCode: 'KZ-75' };
  orgId = (await t.json('POST', '/api/organizations', { token: ministry, body: org })).body.id;
  editor = await t.tokenFor('org-editor', orgId);
});
after(() => t.close());

async function step(id: string, action: string, token: string) {
  const res = await t.json('POST', `/api/programmes/${id}/transitions`, { token, body: { action } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** Follows `next` from `start` until a page comes back empty, as a consumer would. */
async function follow(start: string, limit: number): Promise<{ items: ChangeItem[]; next: string }> {
  const items: ChangeItem[] = [];
  let url = `${start}${start.includes('?') ? '&' : '?'}limit=${limit}`;
  for (;;) {
    const page = await t.json('GET', url);
    assert.equal(page.status, 200);
    items.push(...page.body.items);
    if (!page.body.items.length) return { items, next: page.body.next };
    url = page.body.next;
  }
}

/** A consumer's copy: the last record of every kind/id, tombstones removing it. */
function rebuild(items: ChangeItem[], copy = new Map<string, unknown>()): Map<string, unknown> {
  for (const i of items) {
    if (i.state === 'deleted') copy.delete(`${i.kind}/${i.id}`);
    else copy.set(`${i.kind}/${i.id}`, i.record);
  }
  return copy;
}

/** The register as the database holds it: the current public version of every record. */
async function registerInDatabase(): Promise<Map<string, unknown>> {
  const rows = await sql<{ kind: string; id: string; data: Record<string, unknown> | null }>`
    select entity_type as kind, entity_id as id, data from record_versions
    where valid_to is null and jsonb_typeof(data) = 'object'
      and entity_type in ('organization', 'programme', 'qualification', 'certification-centre', 'sqf', 'occupational-standard', 'accreditation-decision')
  `.execute(t.db);
  const register = new Map<string, unknown>();
  for (const r of rows.rows) {
    if (r.kind === 'programme' && r.data?.public !== true) continue;
    if (r.kind === 'accreditation-decision' && r.data?.status === 'pending-approval') continue;
    register.set(`${r.kind}/${r.id}`, r.data);
  }
  return register;
}

describe('the change feed', () => {
  test('a consumer following it from the start rebuilds the register exactly, drafts unseen, deletions as tombstones', async () => {
    const draft = (await t.json('POST', '/api/programmes', { token: editor, body: programme('6B06101') })).body.id as string;
    const createdIncluded = await t.json('POST', '/api/programmes', { token: editor, body: programme('6B06102') });
    assert.equal(createdIncluded.status, 201, JSON.stringify(createdIncluded.body));
    const included = createdIncluded.body.id as string;
    for (const [action, token] of [['submit', editor], ['start-review', ministry], ['include', ministry]] as const) await step(included, action, token);
    const renamed = await t.json('PATCH', `/api/organizations/${orgId}`, { token: ministry, body: { shortName: 'FU' } });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const gone = await t.json('POST', '/api/organizations', {
      token: ministry,
      body: { bin: '200000000002', name: { kk: 'Gone', ru: 'Gone', en: 'Gone' }, kind: 'university', regionCode: 'KZ-75' },
    });
    await recordChange(t.system, { entityType: 'organization', entityId: gone.body.id, action: 'organization.delete', before: gone.body, after: null });

    const { items } = await follow('/api/changes', 400);
    const copy = rebuild(items);
    assert.deepEqual(copy, await registerInDatabase());

    const organizations = (await sql<{ id: string }>`select id from organizations`.execute(t.db)).rows.map((r) => `organization/${r.id}`);
    assert.deepEqual(new Set([...copy.keys()].filter((k) => k.startsWith('organization/'))), new Set(organizations.filter((k) => k !== `organization/${gone.body.id}`)));
    assert.ok(!copy.has(`programme/${draft}`), 'a draft never reaches the feed');
    assert.ok(!items.some((i) => i.id === draft));
    const includedItems = items.filter((i) => i.id === included).map((i) => i.state);
    assert.deepEqual(includedItems, ['created'], 'a programme appears once, when included');
    const answered = (await t.json('GET', `/api/organizations/${orgId}`)).body;
    // The detail adds what is computed for the day asked (standing, counts issued, licence coverage, provenance).
    const { licences: _l, relationships: _r, asOf: _a, issued: _i, licenceCoverage: _c, provenance: _p, ...recordPart } = answered;
    assert.deepEqual(copy.get(`organization/${orgId}`), recordPart, 'the feed record is what the API answers (less its linked lists and what is computed for the day)');
    assert.deepEqual(items.filter((i) => i.id === gone.body.id).map((i) => i.state), ['created', 'deleted']);
    const cursors = items.map((i) => BigInt(i.cursor));
    assert.ok(cursors.every((c, n) => n === 0 || c > (cursors[n - 1] as bigint)), 'items come in cursor order');
  });

  test('resuming from the last next link gives only what changed since', async () => {
    const { next } = await follow('/api/changes', 1000);
    const quiet = await t.json('GET', next);
    assert.deepEqual(quiet.body.items, []);
    assert.equal(quiet.body.next, next, 'an empty page links to itself');
    const patched = await t.json('PATCH', `/api/organizations/${orgId}`, { token: ministry, body: { website: 'https://feed.example.kz' } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const later = await t.json('GET', next);
    assert.deepEqual(
      later.body.items.map((i: ChangeItem) => [i.kind, i.id, i.state]),
      [['organization', orgId, 'updated']],
    );
    assert.equal(later.body.items[0].record.website, 'https://feed.example.kz');
  });

  test('a cursor that is not one is a 422 naming since', async () => {
    const res = await t.json('GET', '/api/changes?since=abc', { lang: 'ru' });
    assert.equal(res.status, 422);
    assert.ok(res.body.errors.some((e: { path: string }) => e.path === 'query.since'));
  });
});

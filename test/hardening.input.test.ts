// The inputs a security probe answered with a 5xx, each now a clear 4xx problem naming the field.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seminarInputSchema } from '../src/accreditation/panel.schema.ts';
import { type TestApp, createTestApp } from './helpers/app.ts';
import { orgIdByKey } from './helpers/factories.ts';

let t: TestApp;
let ministry: string;
before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
});
after(() => t.close());

const organization = (over: Record<string, unknown> = {}) => ({
  name: { kk: 'Қорғаныс университеті', ru: 'Университет защиты', en: 'Hardening University' },
  kind: 'university',
  regionCode: 'KZ-75',
  ...over,
});

/** The problem's field paths, or the status when it is no 4xx problem. */
async function refusedFields(method: string, path: string, body?: unknown, raw?: string): Promise<{ status: number; fields: string[] }> {
  const res = await t.request(method, path, { token: ministry, body: raw ?? body });
  assert.ok(res.status >= 400 && res.status < 500, `${method} ${path}: ${res.status}`);
  const problem = (await res.json()) as { errors?: { path: string }[] };
  return { status: res.status, fields: (problem.errors ?? []).map((e) => e.path) };
}

describe('dates: one parser for every date and date-time', () => {
  test('asOf=2024-1-1 is a 422 naming asOf', async () => {
    const { status, fields } = await refusedFields('GET', '/api/organizations?asOf=2024-1-1');
    assert.equal(status, 422);
    assert.deepEqual(fields, ['query.asOf']);
  });

  test('a date-time validFrom of POST /api/credentials is accepted by the validator (its own 4xx follows, no crash)', async () => {
    const res = await t.request('POST', '/api/credentials', {
      token: ministry,
      body: { organizationId: '00000000-0000-4000-8000-000000000000', learner: { name: 'A' }, achievement: { name: 'A', description: 'B', criteria: { narrative: 'C' } }, validFrom: '2025-06-01T10:00:00Z' },
    });
    assert.ok(res.status < 500, `status ${res.status}`);
  });

  test('a seminar held on 2026-02-30 is refused by the schema', () => {
    assert.equal(seminarInputSchema.safeParse({ heldOn: '2026-02-30', expertIds: [] }).success, false);
    assert.equal(seminarInputSchema.safeParse({ heldOn: '2026-02-28', expertIds: [] }).success, true);
  });
});

describe('text the database cannot hold is refused at the edge', () => {
  test('a NUL byte in a query parameter is a 400 naming it', async () => {
    for (const path of ['/api/search?q=%00', '/api/organizations?name=%00']) {
      const { status, fields } = await refusedFields('GET', path);
      assert.equal(status, 400, path);
      assert.equal(fields.length, 1, path);
      assert.match(fields[0] ?? '', /^query\.(q|name)$/);
    }
  });

  test('a lone surrogate or a NUL in a JSON body is a 400 naming the field', async () => {
    const raw = JSON.stringify(organization()).replace('Hardening University', 'Bad \\ud800 name');
    assert.deepEqual(await refusedFields('POST', '/api/organizations', undefined, raw), { status: 400, fields: ['name.en'] });
    const nul = JSON.stringify(organization({ aliases: ['ok', 'a\u0000b'] }));
    assert.deepEqual(await refusedFields('POST', '/api/organizations', undefined, nul), { status: 400, fields: ['aliases.1'] });
  });

  test('a name longer than the indexes hold is a 422, not an index overflow', async () => {
    const long = 'Ұ'.repeat(4000);
    const { status, fields } = await refusedFields('POST', '/api/organizations', organization({ name: { kk: long, ru: long, en: long } }));
    assert.equal(status, 422);
    assert.ok(fields.includes('name.kk'), fields.join());
  });

  test('deeply nested JSON to POST /api/verify is a 400, not a stack overflow', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const res = await t.request('POST', '/api/verify', { body: `{"credential":${deep}}` });
    assert.equal(res.status, 400);
  });
});

describe('constraint violations are problems', () => {
  test('an empty recognition PATCH changes nothing and is no 5xx', async () => {
    const naar = await orgIdByKey(t.db, 'naar');
    const input = { orderNumber: '78', orderDate: '2024-02-01', validFrom: '2024-02-01', validTo: '2029-02-01', scopeTypes: ['programme'], scopeFields: ['07'], networks: [] };
    const created = await t.json('POST', `/api/accreditation/bodies/${naar}/recognitions`, { token: ministry, body: input });
    assert.equal(created.status, 201);
    const res = await t.request('PATCH', `/api/accreditation/bodies/${naar}/recognitions/${created.body.id}`, { token: ministry, body: {} });
    assert.ok(res.status < 500, `status ${res.status}`);
  });

  test('a duplicate qualification code on PATCH is a 409', async () => {
    const qualification = (code: string) => ({ code, name: { kk: `Біліктілік ${code}`, ru: `Квалификация ${code}` }, kind: 'vet', nqfLevel: 4 });
    const first = await t.json('POST', '/api/qualifications', { token: ministry, body: qualification('HARD-1') });
    const second = await t.json('POST', '/api/qualifications', { token: ministry, body: qualification('HARD-2') });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    const res = await t.json('PATCH', `/api/qualifications/${second.body.id}`, { token: ministry, body: { code: 'HARD-1' } });
    assert.equal(res.status, 409);
  });
});

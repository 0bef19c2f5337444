import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestAppAs } from '../../test/helpers/app.ts';

let t: TestApp;
let ministry: string;
let organizationId: string;
before(async () => {
  ({ t, token: ministry } = await createTestAppAs('ministry'));
  organizationId = (await t.db.selectFrom('organizations').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

const centre = (sector: string) => ({ organizationId, sector, accreditedOn: '2024-01-10', validUntil: '2029-01-10' });
const register = (sector: string, ifMatch?: string) =>
  t.json('POST', '/api/certification-centres', { token: ministry, lang: 'ru', body: centre(sector), ...(ifMatch && { headers: { 'if-match': ifMatch } }) });

describe('writes to a certification centre from a stale read', () => {
  test('registering gives an ETag; an update with an old ETag is refused with 412 and changes nothing', async () => {
    const created = await register('Energy');
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const first = created.headers.get('etag');
    assert.ok(first);
    const read = await t.json('GET', `/api/certification-centres/${organizationId}`);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('etag'), first);
    assert.equal(read.body.sector, 'Energy');

    const edited = await register('Energy and utilities', first);
    assert.equal(edited.status, 201, JSON.stringify(edited.body));
    assert.notEqual(edited.headers.get('etag'), first);
    assert.equal(edited.body.version, read.body.version + 1);

    const stale = await register('Mining', first);
    assert.equal(stale.status, 412);
    assert.equal(stale.body.code, 'precondition_failed');
    const after = await t.json('GET', `/api/certification-centres/${organizationId}`);
    assert.equal(after.body.sector, 'Energy and utilities', 'the stale write changed nothing');
    assert.equal(after.headers.get('etag'), edited.headers.get('etag'));
  });

  test('of two updates sent at once from the same version, exactly one is taken', async () => {
    const etag = (await t.json('GET', `/api/certification-centres/${organizationId}`)).headers.get('etag') ?? undefined;
    const results = await Promise.all(['Construction', 'Transport'].map((sector) => register(sector, etag)));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 412]);
    const winner = results.find((r) => r.status === 201);
    assert.equal((await t.json('GET', `/api/certification-centres/${organizationId}`)).body.sector, winner?.body.sector);
  });

  test('an If-Match for a centre not registered yet is refused; the unknown centre is a 404', async () => {
    const other = (await t.db.selectFrom('organizations').select('id').where('id', '!=', organizationId).executeTakeFirstOrThrow()).id;
    const res = await t.json('POST', '/api/certification-centres', { token: ministry, headers: { 'if-match': '"1"' }, body: { ...centre('Energy'), organizationId: other } });
    assert.equal(res.status, 412);
    assert.equal((await t.json('GET', `/api/certification-centres/${other}`)).status, 404);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, createTestAppAs } from '../../test/helpers/app.ts';
import { inTransaction } from '../platform/context.ts';
import { verifyAuditTrail } from '../platform/audit/audit.service.ts';
import { createOrganization } from './organization.service.ts';

let t: TestApp;
let ministry: string;
before(async () => {
  ({ t, token: ministry } = await createTestAppAs('ministry'));
});
after(() => t.close());

const newOrganization = (over: Record<string, unknown> = {}) => ({
  bin: '990140000123',
  name: { kk: 'Сынақ университеті', ru: 'Тестовый университет', en: 'Test University' },
  aliases: ['TestU'],
  kind: 'university',
  legalForm: 'private',
  regionCode: 'KZ-75',
  ...over,
});

async function counts() {
  const one = async (table: 'organizations' | 'audit_log' | 'record_versions' | 'search_documents' | 'licences') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { organizations: await one('organizations'), audit: await one('audit_log'), versions: await one('record_versions'), search: await one('search_documents'), licences: await one('licences') };
}

describe('reading organizations', () => {
  test('the public list holds at least 120 universities from the national report, without a key', async () => {
    const res = await t.json('GET', '/api/organizations?kind=university&limit=1');
    assert.equal(res.status, 200);
    assert.ok(res.body.total >= 120, `total ${res.body.total}`);
    assert.equal(res.body.items.length, 1);
    assert.ok(res.body.items[0].source.document.startsWith('003_'));
  });

  test('a list can be filtered by region and sorted descending', async () => {
    const all = await t.json('GET', '/api/organizations?kind=university&limit=500');
    const region = all.body.items.find((o: { regionCode: string | null }) => o.regionCode)?.regionCode;
    const res = await t.json('GET', `/api/organizations?region=${region}&sort=-name&limit=500`);
    assert.equal(res.status, 200);
    assert.ok(res.body.items.every((o: { regionCode: string }) => o.regionCode === region));
    const names = res.body.items.map((o: { name: { kk: string } }) => o.name.kk);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('kk').compare).reverse());
  });

  test('an unknown sort key or a malformed id is a localized 4xx problem, not a 500', async () => {
    const sort = await t.json('GET', '/api/organizations?sort=shoe', { lang: 'ru' });
    assert.equal(sort.status, 422);
    assert.equal(sort.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(sort.body.errors[0].path, 'query.sort');
    assert.match(sort.body.title, /неверные поля/);
    const id = await t.json('GET', '/api/organizations/not-a-uuid');
    assert.equal(id.status, 422);
  });

  test('a missing organization is a 404 problem in the language asked for', async () => {
    const res = await t.json('GET', '/api/organizations/00000000-0000-4000-8000-000000000000', { lang: 'kk' });
    assert.equal(res.status, 404);
    assert.equal(res.body.title, 'Табылмады');
    assert.ok(res.body.requestId);
  });
});

describe('writing organizations', () => {
  test('anonymous callers get 401 and a learner gets 403', async () => {
    assert.equal((await t.json('POST', '/api/organizations', { body: newOrganization() })).status, 401);
    const learner = await t.tokenFor('learner');
    assert.equal((await t.json('POST', '/api/organizations', { body: newOrganization(), token: learner })).status, 403);
  });

  test('every invalid field is listed at once', async () => {
    const res = await t.json('POST', '/api/organizations', {
      token: ministry,
      lang: 'en',
      body: { bin: '12', name: { ru: 'Только русский' }, kind: 'castle', website: 'not a url', extra: 1 },
    });
    assert.equal(res.status, 422);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['', 'bin', 'kind', 'name.kk', 'website']);
    assert.ok(res.body.errors.every((e: { message: string }) => e.message.length > 0));
  });

  test('unknown classifier codes get a 422 naming each of them', async () => {
    const res = await t.json('POST', '/api/organizations', {
      token: ministry,
      body: newOrganization({ regionCode: 'KZ-XXX', legalForm: 'pirate', licences: [{ number: 'L1', issuedOn: '2020-01-01', programmeGroups: ['B999'] }] }),
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.code, 'unknown_reference');
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path).sort(), ['legalForm', 'licences.0.programmeGroups.0', 'regionCode']);
    assert.match(res.body.errors.find((e: { path: string }) => e.path === 'regionCode').message, /KZ-XXX/);
  });

  test('the ministry creates, then updates; history lists both versions with the actor', async () => {
    const created = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000124' }) });
    assert.equal(created.status, 201);
    const id = created.body.id;
    const updated = await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, body: { website: 'https://test.edu.kz', version: 1 } });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.version, 2);
    assert.deepEqual(updated.body.aliases, ['TestU'], 'a PATCH keeps the fields it does not send');
    assert.equal(updated.body.legalForm, 'private');
    const history = await t.json('GET', `/api/organizations/${id}/history`);
    assert.deepEqual(history.body.map((h: { action: string }) => h.action), ['organization.create', 'organization.update']);
    assert.match(history.body[1].actor, /ministry/);
    assert.equal(history.body[0].data.website, null);
    assert.equal(history.body[1].data.website, 'https://test.edu.kz');
    const stale = await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, body: { website: 'https://x.kz', version: 1 } });
    assert.equal(stale.status, 409);
  });

  test('GET gives the version as ETag; a PATCH with an old ETag is refused with a localized 412, a current one applies', async () => {
    const created = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000226' }) });
    const id = created.body.id;
    assert.equal(created.headers.get('etag'), '"1"');
    const read = await t.json('GET', `/api/organizations/${id}`);
    assert.equal(read.headers.get('etag'), '"1"');
    const first = await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, headers: { 'if-match': '"1"' }, body: { website: 'https://a.edu.kz' } });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.headers.get('etag'), '"2"');
    for (const [lang, words] of [['kk', /нұсқа/], ['ru', /версия/], ['en', /version 2/]] as const) {
      const stale = await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, lang, headers: { 'if-match': '"1"' }, body: { website: 'https://b.edu.kz' } });
      assert.equal(stale.status, 412);
      assert.equal(stale.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.equal(stale.body.code, 'precondition_failed');
      assert.equal(stale.body.currentVersion, 2);
      assert.match(stale.body.detail, words);
    }
    assert.equal((await t.json('GET', `/api/organizations/${id}`)).body.website, 'https://a.edu.kz', 'the stale write changed nothing');
    const current = await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, headers: { 'if-match': first.headers.get('etag') ?? '' }, body: { website: 'https://c.edu.kz' } });
    assert.equal(current.status, 200);
    assert.equal((await t.json('PATCH', `/api/organizations/${id}`, { token: ministry, body: { website: 'https://d.edu.kz' } })).status, 200, 'no If-Match: written as before');
  });

  test('of two updates fired at once from the same version, exactly one succeeds', async () => {
    const created = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000227' }) });
    const id = created.body.id;
    const patch = (website: string) => t.json('PATCH', `/api/organizations/${id}`, { token: ministry, headers: { 'if-match': '"1"' }, body: { website } });
    const results = await Promise.all([patch('https://one.edu.kz'), patch('https://two.edu.kz')]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 412]);
    const history = await t.json('GET', `/api/organizations/${id}/history`);
    assert.deepEqual(history.body.map((h: { action: string }) => h.action), ['organization.create', 'organization.update']);
  });

  test('records loaded from the reference documents are dated as the documents say, so asOf before the load finds them', async () => {
    const idOf = async (key: string) => (await t.db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
    const kazsee = await idOf('kazsee');
    const founded = await t.json('GET', `/api/organizations/${kazsee}?asOf=2010-06-01`);
    assert.equal(founded.status, 200, 'KAZSEE was founded in 2007');
    assert.equal(founded.body.shortName, 'KAZSEE');
    assert.equal((await t.json('GET', `/api/organizations/${kazsee}?asOf=2006-12-31`)).status, 404);
    assert.equal((await t.json('GET', `/api/organizations/${kazsee}`)).body.updatedAt, '2006-12-31T19:00:00.000Z', 'last changed: its founding, not the load');
    const dulaty = await idOf('dulaty-taraz-university');
    assert.equal((await t.json('GET', `/api/organizations/${dulaty}?asOf=2024-03-31`)).status, 404, 'created by the split of April 2024');
    assert.equal((await t.json('GET', `/api/organizations/${dulaty}?asOf=2024-04-01`)).status, 200);
    const satbayev = await idOf('satbayev-university');
    const in2000 = await t.json('GET', `/api/organizations/${satbayev}?asOf=2000-01-01`);
    assert.equal(in2000.status, 200, 'Satbayev University was founded in 1934');
    assert.equal(in2000.body.updatedAt, '1933-12-31T19:00:00.000Z');
    const page = await (await t.request('GET', `/en/organizations/${satbayev}`)).text();
    assert.match(page, /<time datetime="1933-12-31T19:00:00.000Z">[^<]*1934/, 'its page says when, from the source, not today');
    const undated = await idOf('atyrau-university');
    assert.equal((await t.json('GET', `/api/organizations/${undated}?asOf=2020-01-01`)).status, 404, 'no founding date: valid from the 2024 report that attests it');
    assert.equal((await t.json('GET', `/api/organizations/${undated}?asOf=2024-01-01`)).status, 200);
  });

  test('asOf answers with what the register said that day', async () => {
    const created = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000125' }) });
    const id = created.body.id;
    assert.equal((await t.json('GET', `/api/organizations/${id}?asOf=2020-01-01`)).status, 404);
    const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
    const now = await t.json('GET', `/api/organizations/${id}?asOf=${today}`);
    assert.equal(now.status, 200);
    assert.equal(now.body.name.en, 'Test University');
    const list = await t.json('GET', `/api/organizations?asOf=2020-01-01&kind=university&limit=100`);
    assert.ok(!list.body.items.some((o: { id: string }) => o.id === id), 'not yet created in 2020');
    assert.equal(list.body.total, 10, 'only the universities founded by then (data/reference/founding-dates.json)');
  });

  test('a duplicate BIN is refused with 409 and the id of the existing record', async () => {
    const first = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000126' }) });
    const again = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000126' }) });
    assert.equal(again.status, 409);
    assert.equal(again.body.existingId, first.body.id);
  });

  test('an organization admin edits its own profile but not another one', async () => {
    const own = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000127' }) });
    const other = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000128' }) });
    const admin = await t.tokenFor('org-admin', own.body.id);
    assert.equal((await t.json('PATCH', `/api/organizations/${own.body.id}`, { token: admin, body: { aliases: ['Own'] } })).status, 200);
    assert.equal((await t.json('PATCH', `/api/organizations/${other.body.id}`, { token: admin, body: { aliases: ['Other'] } })).status, 403);
  });

  test('a failed write leaves nothing behind: no row, no version, no audit entry, no search document', async () => {
    const beforeCounts = await counts();
    await assert.rejects(
      inTransaction(t.system, async (ctx) => {
        await createOrganization(ctx, { ...newOrganization({ bin: '990140000129' }), identifiers: {}, aliases: [], status: 'active', kind: 'university', licences: [{ number: 'L-1', issuedOn: '2020-01-01', programmeGroups: [], attachments: [], status: 'active' }] } as never);
        throw new Error('crash after the insert');
      }),
      /crash after the insert/,
    );
    assert.deepEqual(await counts(), beforeCounts);
  });

  test('a body that is not JSON is a 400 problem', async () => {
    const res = await t.json('POST', '/api/organizations', { token: ministry, body: '{"name":' });
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'bad_request');
  });

  test('a relationship records a dated split between two organizations', async () => {
    const a = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000130' }) });
    const b = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: '990140000131' }) });
    const rel = await t.json('POST', `/api/organizations/${a.body.id}/relationships`, { token: ministry, body: { type: 'split', toId: b.body.id, effectiveOn: '2024-04-01' } });
    assert.equal(rel.status, 201);
    const detail = await t.json('GET', `/api/organizations/${b.body.id}`);
    assert.deepEqual(detail.body.relationships.map((r: { type: string; direction: string }) => `${r.type}/${r.direction}`), ['split/incoming']);
    const self = await t.json('POST', `/api/organizations/${a.body.id}/relationships`, { token: ministry, body: { type: 'branch', toId: a.body.id, effectiveOn: '2024-04-01' } });
    assert.equal(self.status, 422);
  });
});

describe('Kazakh alphabetical order', () => {
  test('lists sorted by name follow the Kazakh alphabet (Ә after А, Ғ after Г, Қ after К, Ұ Ү after У, І after Ы)', async () => {
    const names = ['Қазақ', 'Кітап', 'Әлем', 'Алма', 'Өнер', 'Орда', 'Ұлт', 'Үміт', 'Уақыт', 'Іле', 'Ыстық', 'Жол', 'Ғылым', 'Гүл'];
    for (const [i, name] of names.entries()) {
      const res = await t.json('POST', '/api/organizations', { token: ministry, body: newOrganization({ bin: `77000000${String(i).padStart(4, '0')}`, name: { kk: `${name} сұрыптау`, ru: `${name} sort`, en: `${name} sort` } }) });
      assert.equal(res.status, 201);
    }
    const res = await t.json('GET', `/api/organizations?name=${encodeURIComponent('сұрыптау')}&sort=name&limit=50`);
    const got = res.body.items.map((o: { name: { kk: string } }) => o.name.kk.split(' ')[0]);
    assert.deepEqual(got, ['Алма', 'Әлем', 'Гүл', 'Ғылым', 'Жол', 'Кітап', 'Қазақ', 'Орда', 'Өнер', 'Уақыт', 'Ұлт', 'Үміт', 'Ыстық', 'Іле']);
    assert.deepEqual(got, [...names].sort(new Intl.Collator('kk').compare));
  });
});

describe('the audit trail', () => {
  test('is intact after many writes, and a tampered entry is reported as the first broken link', async () => {
    const intact = await verifyAuditTrail(t.db);
    assert.equal(intact.ok, true);
    assert.ok(intact.checked > 100);
    const target = await t.db.selectFrom('audit_log').select('seq').orderBy('seq').offset(5).limit(1).executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET after = jsonb_set(after, '{name,kk}', '"forged"') WHERE seq = ${target.seq}`.execute(t.db);
    const broken = await verifyAuditTrail(t.db);
    assert.equal(broken.ok, false);
    assert.deepEqual(broken.firstBreak, { seq: target.seq, reason: 'hash-mismatch' });
  });
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { orgIdByKey, registeredCentre } from './specification.fixtures.ts';

let t: TestApp;
let centre: string;
let staff: string;

before(async () => {
  t = await createTestApp();
  centre = (await registeredCentre(t)).organizationId;
  staff = await t.tokenFor('org-editor', centre);
});
after(() => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  organizationId: centre,
  number: 'CC-2026-0001',
  holderName: 'Ерлан Қасымов',
  title: 'Электр дәнекерлеуші, 4-разряд',
  issuedOn: '2026-03-10',
  validUntil: '2029-03-10',
  ...over,
});

test('registers a certificate that anyone can look up by id and by organization and number', async () => {
  const res = await t.json('POST', '/api/certificates', { token: staff, body: body() });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.status, 'valid');
  assert.match(res.body.verificationUrl, new RegExp(`/kk/certificates/${res.body.id}$`));
  const byId = await t.json('GET', `/api/certificates/${res.body.id}`, { lang: 'en' });
  assert.equal(byId.status, 200);
  assert.equal(byId.body.holderName, 'Ерлан Қасымов');
  assert.equal(byId.body.organizationName.ru, 'Центр сертификации');
  assert.match(byId.body.verificationUrl, /\/en\/certificates\//);
  const byNumber = await t.json('GET', `/api/certificates?organization=${centre}&number=CC-2026-0001`);
  assert.deepEqual(byNumber.body.items.map((c: { id: string }) => c.id), [res.body.id]);
  const none = await t.json('GET', `/api/certificates?organization=${centre}&number=NOPE`);
  assert.equal(none.body.total, 0);
});

test('refuses a second certificate with the same number in the same organization, but not in another', async () => {
  const dup = await t.json('POST', '/api/certificates', { token: staff, body: body({ holderName: 'Басқа адам' }) });
  assert.equal(dup.status, 409);
  const satbayev = await orgIdByKey(t, 'satbayev-university');
  const other = await t.json('POST', '/api/certificates', { token: await t.tokenFor('org-admin', satbayev), body: body({ organizationId: satbayev }) });
  assert.equal(other.status, 201);
});

test("anonymous callers cannot list an organization's holders; its staff can", async () => {
  assert.equal((await t.json('GET', `/api/certificates?organization=${centre}`)).status, 401);
  const mine = await t.json('GET', `/api/certificates?organization=${centre}`, { token: staff });
  assert.equal(mine.status, 200);
  assert.ok(mine.body.total >= 1);
});

test('a revoked certificate says so with the reason; only its organization may revoke it', async () => {
  const created = await t.json('POST', '/api/certificates', { token: staff, body: body({ number: 'CC-2026-0002' }) });
  const foreign = await t.tokenFor('org-admin', await orgIdByKey(t, 'enu'));
  assert.equal((await t.json('POST', `/api/certificates/${created.body.id}/revoke`, { token: foreign, body: { reason: 'x' } })).status, 403);
  const revoked = await t.json('POST', `/api/certificates/${created.body.id}/revoke`, { token: staff, body: { reason: 'Issued in error' } });
  assert.equal(revoked.body.status, 'revoked');
  assert.equal((await t.json('GET', `/api/certificates/${created.body.id}`)).body.statusReason, 'Issued in error');
});

test('refuses learners and invalid dates', async () => {
  const learner = await t.tokenFor('learner');
  assert.equal((await t.json('POST', '/api/certificates', { token: learner, body: body({ number: 'L-1' }) })).status, 403);
  const bad = await t.json('POST', '/api/certificates', { token: staff, body: body({ number: 'D-1', validUntil: '2020-01-01' }) });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.errors[0].path, 'validUntil');
});

test('imports certificates from a CSV, or nothing at all when any row is bad or its number is known', async () => {
  const bad = ['number;holder;title;date', 'CC-2026-0001;Ким Анна;Сварщик;2026-01-01', 'IMP-2;;Сварщик;2026-01-01', 'IMP-3;Ли Вера;Сварщик;31.02.2026'].join('\n');
  const refused = await t.json('POST', '/api/certificates/import', { token: staff, body: { organizationId: centre, csv: bad } });
  assert.equal(refused.status, 422);
  assert.deepEqual(refused.body.badRows, [2, 3, 4]);
  assert.deepEqual(
    refused.body.errors.map((e: { key: string }) => e.key),
    ['errors.product.certificate.duplicateNumber', 'errors.product.row.required', 'errors.product.row.invalidDate'],
  );
  assert.equal((await t.json('GET', `/api/certificates?organization=${centre}&number=IMP-3`)).body.total, 0);
  const good = ['number,holder,title,date,valid until', 'IMP-10,Ким Анна,Сварщик,2026-01-01,2028-01-01', 'IMP-11,Ли Вера,Сварщик,2026-01-02,'].join('\n');
  const imported = await t.json('POST', '/api/certificates/import', { token: staff, body: { organizationId: centre, csv: good } });
  assert.equal(imported.status, 201, JSON.stringify(imported.body));
  assert.equal(imported.body.imported, 2);
  const found = await t.json('GET', `/api/certificates?organization=${centre}&number=IMP-10`);
  assert.equal(found.body.items[0].validUntil, '2028-01-01');
  // A date of the right form that is no date (month 13) is a bad row, not a server error.
  const impossible = ['number,holder,title,date', 'IMP-20,Ким Анна,Сварщик,2026-13-45'].join('\n');
  const refusedDate = await t.json('POST', '/api/certificates/import', { token: staff, body: { organizationId: centre, csv: impossible } });
  assert.equal(refusedDate.status, 422, JSON.stringify(refusedDate.body));
  assert.deepEqual(refusedDate.body.badRows, [2]);
  // More rows than a batch may hold: refused before any row is registered.
  const huge = ['number,holder,title,date', ...Array.from({ length: 10_001 }, (_, i) => `BIG-${i},Ким Анна,Сварщик,2026-01-01`)].join('\n');
  const refusedHuge = await t.json('POST', '/api/certificates/import', { token: staff, body: { organizationId: centre, csv: huge } });
  assert.equal(refusedHuge.status, 422);
  assert.equal(refusedHuge.body.errors[0].key, 'errors.product.batch.tooManyRows');
  assert.equal((await t.json('GET', `/api/certificates?organization=${centre}&number=BIG-0`)).body.total, 0);
});

test('a Windows-1251 certificates file: previewed through the importer (rows to create, every problem), then imported with its Cyrillic holders', async () => {
  const iconv = (await import('iconv-lite')).default;
  const text = 'Номер;ФИО;Квалификация;Дата\r\nCP-1;Ким Анна;Сварщик;15.01.2026\r\nCP-2;Ли Вера;Сварщик;31.02.2026\r\n';
  const send = (path: string, content: string) =>
    t.app.request(`${path}?organization=${centre}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'text/csv', 'accept-language': 'ru' },
      body: new Uint8Array(iconv.encode(content, 'windows-1251')),
    });
  const preview = await send('/api/certificates/import/preview', text);
  assert.equal(preview.status, 200, await preview.clone().text());
  const body = await preview.json();
  assert.deepEqual([body.create, body.invalid], [1, 1]);
  assert.deepEqual(body.rows.map((r: { label: string }) => r.label), ['CP-1', 'CP-2']);
  assert.deepEqual(body.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`), ['3:issuedOn']);
  assert.match(body.problems[0].message, /Строка 3/);
  assert.equal((await t.json('GET', `/api/certificates?organization=${centre}&number=CP-1`)).body.total, 0);
  const imported = await send('/api/certificates/import', text.replace('31.02.2026', '28.02.2026'));
  assert.equal(imported.status, 201, await imported.clone().text());
  const found = await t.json('GET', `/api/certificates?organization=${centre}&number=CP-1`);
  assert.equal(found.body.items[0].holderName, 'Ким Анна');
});

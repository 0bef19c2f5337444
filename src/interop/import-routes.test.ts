import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';

let t: TestApp;
let ministry: string;

before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
});
after(() => t?.close());

const upload = (path: string, body: Uint8Array, token?: string, lang = 'en') =>
  t.app.request(path, { method: 'POST', headers: { 'content-type': 'text/csv', 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(body) });

test('templates in kk, ru and en: the header row and an example row', async () => {
  const ru = await t.request('GET', '/api/imports/programmes/template?lang=ru');
  assert.equal(ru.status, 200);
  const [header, example] = (await ru.text()).replace(/^\uFEFF/, '').split('\r\n');
  assert.match(header ?? '', /^Организация \(БИН или ключ\),/);
  assert.match(example ?? '', /6B06101/);
  const kkXlsx = await t.request('GET', '/api/imports/organizations/template?lang=kk&format=xlsx');
  assert.equal(kkXlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.equal((await t.request('GET', '/api/imports/unicorns/template')).status, 422);
});

test('preview, then commit of a Windows-1251 file; anonymous callers refused; a bad file is a 422 naming row and column', async () => {
  const text = 'БИН;Название (на казахском);Название (на русском);Тип\n910000000001;Колледж один;Колледж один;college\n';
  const bytes = iconv.encode(text, 'windows-1251');
  assert.equal((await upload('/api/imports/organizations', bytes)).status, 401);
  const preview = await upload('/api/imports/organizations', bytes, ministry);
  assert.equal(preview.status, 200, await preview.clone().text());
  const outcome = await preview.json();
  assert.deepEqual([outcome.encoding, outcome.create, outcome.committed], ['windows-1251', 1, false]);
  const committed = await upload('/api/imports/organizations?commit=true', Buffer.from(text), ministry);
  assert.equal(committed.status, 200, await committed.clone().text());
  assert.equal((await committed.json()).create, 1);
  const bad = await upload('/api/imports/organizations?commit=true', Buffer.from('БИН;Название (на казахском);Название (на русском);Тип\n12;A;A;castle\n'), ministry, 'ru');
  assert.equal(bad.status, 422);
  const problem = await bad.json();
  assert.deepEqual(problem.badRows, [2]);
  assert.match(problem.errors[0].message, /^Строка 2, столбец «БИН»/);
});

test('exports stream CSV, XLSX and JSON-LD with localized headers; formula-looking cells are neutralized', async () => {
  await t.json('POST', '/api/organizations', { token: ministry, body: { bin: '920000000001', name: { kk: '=HYPERLINK("x")', ru: 'Формула' }, kind: 'university' } });
  const csv = await t.request('GET', '/api/exports/organizations?format=csv&lang=ru');
  assert.equal(csv.status, 200);
  const bytes = Buffer.from(await csv.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const body = bytes.toString('utf8');
  assert.match(body, /^\uFEFFБИН,Ключ,/);
  assert.match(body, /"'=HYPERLINK\(""x""\)"/);
  const xlsx = await t.request('GET', '/api/exports/organizations?format=xlsx');
  assert.equal((await xlsx.arrayBuffer()).byteLength > 1000, true);
  const jsonld = await t.request('GET', '/api/exports/organizations?format=jsonld');
  const graph = JSON.parse(await jsonld.text());
  assert.ok(graph['@graph'].some((n: Record<string, string>) => n['sapa:bin'] === '920000000001'));
});

// A search's results download as CSV, XLSX or JSON-LD with the same text and filters as the search,
// every page of them, headers in the chosen language; the search page links to the download.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { readCsvText } from '../../platform/tabular/read-table.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

test('the CSV holds every result of the filtered search, with headers in the chosen language', async () => {
  const found = await (await t.request('GET', '/api/search?kind=organization&limit=500')).json();
  assert.ok(found.total > 0, 'the test database has organizations to find');
  const csv = await t.request('GET', '/api/search/export?kind=organization&lang=ru');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition') ?? '', /sapa-search-.*\.csv/);
  const table = readCsvText(await csv.text());
  assert.deepEqual(table.header.slice(0, 2), ['Вид', 'Название']);
  assert.equal(table.rows.length, found.total);
  assert.ok(table.rows.every((r) => r.cells[0] === 'organization'));
});

test('XLSX and JSON-LD of the same search; a bad filter is a 4xx naming it', async () => {
  const xlsx = await t.request('GET', '/api/search/export?kind=organization&format=xlsx');
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const jsonld = await (await t.request('GET', '/api/search/export?kind=organization&format=jsonld')).json();
  assert.ok(jsonld['@graph'].length > 0);
  assert.equal(jsonld['@graph'][0]['@type'], 'sapa:search');
  const bad = await t.request('GET', '/api/search/export?nqfLevel=12');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /nqfLevel/);
});

test('the search page offers the download with its own filters', async () => {
  const html = await (await t.request('GET', '/ru/search?q=университет&kind=organization')).text();
  assert.match(html, /href="\/api\/search\/export\?q=[^"]*kind=organization&amp;format=csv&amp;lang=ru"/);
});

// Downloads of Registers 1–3: a filtered export holds exactly the filtered entries (the same as the
// register's API with those filters), in the chosen language with codes and names; the XLSX opens
// in exceljs; a formula-looking value is written as text; every register page and every list page
// links its downloads with its current filters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { readCsvText } from '../platform/tabular/read-table.ts';
import { insertApprovedDecision, insertProgramme, orgByKey } from './after.fixtures.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp();
  const bodyId = await orgByKey(t.db, 'kazsee');
  const organizationId = await orgByKey(t.db, 'satbayev-university');
  const mining = await insertProgramme(t.db, organizationId, { code: '6B07198', nameRu: 'Горное дело (экспорт)' });
  const other = await insertProgramme(t.db, organizationId, { code: '6B07197', nameRu: 'Металлургия (экспорт)' });
  await insertApprovedDecision(t.db, { bodyId, organizationId, programmeIds: [mining], decidedOn: '2025-03-14', termYears: 5, certificateNumber: '=HYPERLINK("x")' });
  await insertApprovedDecision(t.db, { bodyId, organizationId, programmeIds: [other], decidedOn: '2025-04-01', termYears: 3, certificateNumber: 'KAZSEE-2025-0050' });
  await insertApprovedDecision(t.db, { bodyId, organizationId, kind: 'institutional', outcome: 'refused', decidedOn: '2025-05-20' });
});
after(() => t?.close());

async function csvOf(path: string) {
  const res = await t.request('GET', path);
  assert.equal(res.status, 200, path);
  return readCsvText(await res.text());
}

describe('register exports', () => {
  test('Register 3 filtered: only the filtered rows, every one of them, in the chosen language', async () => {
    const all = await csvOf('/api/registers/3/export?lang=ru');
    const api = (await t.json('GET', '/api/registers/3?limit=500')).body;
    assert.equal(all.rows.length, api.total);
    assert.deepEqual(all.header.slice(0, 2), ['Код программы', 'Программа']);
    const filtered = await csvOf(`/api/registers/3/export?lang=ru&q=${encodeURIComponent('Горное дело (экспорт)')}`);
    assert.deepEqual(
      filtered.rows.map((r) => r.cells.slice(0, 2)),
      [['6B07198', 'Горное дело (экспорт)']],
    );
    const cells = Object.fromEntries(filtered.header.map((h, i) => [h, filtered.rows[0]?.cells[i]]));
    assert.equal(cells['Решение'], 'аккредитовано');
    assert.equal(cells['Статус на дату'], 'действует');
    assert.equal(cells['Срок (лет)'], '5');
    // Neutralized on the way out, restored by the reader: a spreadsheet shows text, never runs it.
    assert.equal(cells['Номер свидетельства'], '=HYPERLINK("x")');
    const raw = await (await t.request('GET', `/api/registers/3/export?q=6B07198`)).text();
    assert.match(raw, /"'=HYPERLINK\(""x""\)"/);
  });

  test('Register 2 filtered by outcome, XLSX opens in exceljs, JSON-LD has one node per entry', async () => {
    const refused = await csvOf('/api/registers/2/export?outcome=refused&lang=en');
    const api = (await t.json('GET', '/api/registers/2?outcome=refused&limit=500')).body;
    assert.equal(refused.rows.length, api.total);
    assert.ok(refused.rows.length >= 1);
    const outcome = refused.header.indexOf('Decision');
    assert.ok(refused.rows.every((r) => r.cells[outcome] === 'accreditation refused'));
    const xlsx = await t.request('GET', '/api/registers/2/export?outcome=refused&format=xlsx&lang=kk');
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    assert.equal(sheet?.getRow(1).getCell(1).value, 'Ұйым');
    assert.equal(sheet?.rowCount, api.total + 1);
    const jsonld = await (await t.request('GET', '/api/registers/2/export?outcome=refused&format=jsonld')).json();
    assert.equal(jsonld['@graph'].length, api.total);
    const bad = await t.request('GET', '/api/registers/2/export?outcome=maybe');
    assert.equal(bad.status, 422);
    // A filter the service refuses (not the route's schema) is a problem before the download starts,
    // not a 200 broken off after its headers (found by test/bad-input.property.test.ts).
    for (const path of ['/api/registers/2/export?status=%27%3B+DROP', '/api/registers/3/export?status=%27%3B+DROP']) {
      const refused = await t.request('GET', path);
      assert.ok(refused.status >= 400 && refused.status < 500, `${path}: ${refused.status}`);
      assert.match(refused.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
  });

  test('Register 1: every recognition, filters applied', async () => {
    const all = await csvOf('/api/registers/1/export?lang=en');
    assert.equal(all.rows.length, (await t.json('GET', '/api/registers/1?limit=500')).body.total);
    assert.ok(all.rows.length > 0);
    assert.equal(all.header[0], 'Accreditation body');
    const none = await csvOf('/api/registers/1/export?network=NOSUCH');
    assert.equal(none.rows.length, 0);
  });

  test('each register page and list page links its downloads with its current filters', async () => {
    const page = async (path: string) => (await t.request('GET', path)).text();
    assert.match(await page('/kk/registers/1'), /href="\/api\/registers\/1\/export\?format=csv&amp;lang=kk"/);
    assert.match(await page('/ru/registers/2?outcome=refused'), /href="\/api\/registers\/2\/export\?outcome=refused&amp;format=xlsx&amp;lang=ru"/);
    assert.match(await page('/en/registers/3?q=6B07198&eurAce=true'), /href="\/api\/registers\/3\/export\?q=6B07198&amp;outcome=accredited&amp;eurAce=true&amp;format=jsonld&amp;lang=en"/);
    for (const list of ['programmes', 'organizations', 'qualifications']) {
      assert.match(await page(`/ru/${list}?region=KZ-75`), /href="\/api\/search\/export\?[^"]*region=KZ-75[^"]*format=csv&amp;lang=ru"/, list);
    }
  });
});

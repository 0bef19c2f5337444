// The indicator dashboards over HTTP: the list, a page with its chart, data table, filters and
// sources, and the downloads of data (CSV, XLSX, JSON) and chart (SVG, PNG).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const get = async (path: string) => {
  const res = await t.request('GET', path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
};
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('indicator dashboards', () => {
  test('the list groups the catalogue by theme in each language, and the home page links it', async () => {
    const titles = { kk: 'Ұлттық көрсеткіштер', ru: 'Национальные показатели', en: 'National indicators' };
    for (const [lang, title] of Object.entries(titles)) {
      const list = await get(`/${lang}/indicators`);
      assert.equal(list.status, 200);
      assert.ok(text(list.bytes).includes(title));
      assert.ok(text(list.bytes).includes(`/${lang}/indicators/universities-by-legal-form`));
      assert.ok(text((await get(`/${lang}/`)).bytes).includes(`/${lang}/indicators"`), 'home links the indicators');
    }
  });

  test('a page: chart, data table with published figures and their lines, a GET filter form, sources', async () => {
    const page = await get('/ru/indicators/universities-by-legal-form');
    assert.equal(page.status, 200);
    const html = text(page.bytes);
    assert.match(html, /<img src="\/ru\/indicators\/universities-by-legal-form\/chart\.svg"/);
    assert.match(html, /<table class="indicator-data"/);
    assert.match(html, /Частный/);
    assert.match(html, /003_a6b45dff19754c58\.txt, строки L2907-2909/);
    assert.match(html, /<form method="get" action="\/ru\/indicators\/universities-by-legal-form"/);
    assert.ok(!/<script/.test(html) && !/ style=/.test(html), 'no script, no inline style');
    const filtered = await get('/en/indicators/agency-activity?by=year&body=kazsee&measure=programme');
    assert.match(text(filtered.bytes), /004_8499ae870ed62df1\.txt, lines L593-597/);
  });

  test('downloads: CSV, XLSX and JSON of the data, SVG and PNG of the chart; numbers in the page’s language', async () => {
    const base = '/kk/indicators/universities-by-legal-form';
    const csv = await get(`${base}/data.csv`);
    assert.match(csv.type, /text\/csv/);
    assert.match(text(csv.bytes), /private,Жеке меншік,\d*,,,52,2024,003_a6b45dff19754c58\.txt,L2907-2909/);
    const xlsx = await get(`${base}/data.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
    assert.equal(book.worksheets[0]?.getRow(1).getCell(2).value, 'Топ');
    const json = JSON.parse(text((await get(`${base}/data.json`)).bytes));
    assert.equal(json.id, 'universities-by-legal-form');
    const svg = await get(`${base}/chart.svg`);
    assert.match(svg.type, /image\/svg\+xml/);
    assert.match(text(svg.bytes), /^<svg/);
    assert.match(text(svg.bytes), /Жеке меншік/);
    const png = await get(`${base}/chart.png`);
    assert.equal(png.type, 'image/png');
    assert.deepEqual([...png.bytes.slice(1, 4)], [0x50, 0x4e, 0x47]);
    const percent = text((await get('/ru/indicators/gross-enrolment-ratio/chart.svg')).bytes);
    assert.match(percent, />\d+,0</, 'Russian decimal comma on the axis');
  });

  test('a dimension the indicator lacks is a 4xx page, not a 5xx', async () => {
    const res = await get('/en/indicators/organizations?by=year');
    assert.ok(res.status >= 400 && res.status < 500, String(res.status));
    assert.equal((await get('/en/indicators/no-such')).status, 404);
  });
});

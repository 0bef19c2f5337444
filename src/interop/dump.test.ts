import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { inTransaction } from '../platform/context.ts';
import { organizationInputSchema } from '../registry/organization.schema.ts';
import { createOrganization } from '../registry/organization.service.ts';
import { writeOpenDataDumps } from './dump-service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

test('a dump of real data never holds a synthetic record; the demonstration dump is labelled and holds only those', async () => {
  await inTransaction(t.system, async (ctx) => {
    await createOrganization(ctx, organizationInputSchema.parse({ bin: '930000000001', name: { kk: 'Нақты', ru: 'Настоящий' }, kind: 'college' }));
    await createOrganization(ctx, organizationInputSchema.parse({ bin: '930000000002', name: { kk: 'Демо', ru: 'Демо' }, kind: 'college' }), { isSynthetic: true });
  });
  const dumps = await inTransaction(t.system, (ctx) => writeOpenDataDumps(ctx, 'https://sapa.test'));
  assert.deepEqual(dumps.map((d) => d.label), ['real', 'demonstration']);
  const listed = await t.json('GET', '/api/open-data');
  assert.equal(listed.status, 200);
  const real = listed.body.items.find((d: { label: string }) => d.label === 'real');
  const names = real.files.map((f: { name: string }) => f.name);
  for (const name of ['organizations.csv', 'organizations.csv-metadata.json', 'organizations.jsonld', 'programmes.csv', 'catalogue.jsonld']) assert.ok(names.includes(name), name);
  const file = async (dump: { id: string }, name: string) => {
    const res = await t.request('GET', `/api/open-data/${dump.id}/${name}`);
    assert.equal(res.status, 200, name);
    return Buffer.from(await res.arrayBuffer());
  };
  const csv = await file(real, 'organizations.csv');
  const listedCsv = real.files.find((f: { name: string }) => f.name === 'organizations.csv');
  assert.equal(createHash('sha256').update(csv).digest('hex'), listedCsv.sha256);
  assert.equal(csv.byteLength, listedCsv.size);
  assert.match(csv.toString(), /930000000001/);
  assert.doesNotMatch(csv.toString(), /930000000002/);
  const demo = listed.body.items.find((d: { label: string }) => d.label === 'demonstration');
  const demoCsv = (await file(demo, 'demo-organizations.csv')).toString();
  assert.match(demoCsv, /930000000002/);
  assert.doesNotMatch(demoCsv, /930000000001/);
  const catalogue = JSON.parse((await file(real, 'catalogue.jsonld')).toString());
  assert.equal(catalogue['@type'], 'dcat:Catalog');
  assert.ok(catalogue['dcat:dataset'].some((d: { 'dct:identifier': string }) => d['dct:identifier'] === 'programmes'));
  const csvw = JSON.parse((await file(real, 'organizations.csv-metadata.json')).toString());
  assert.equal(csvw.tableSchema.columns[0].name, 'bin');
  assert.equal((await t.request('GET', `/api/open-data/${real.id}/nothing.csv`)).status, 404);
});

test('/{lang}/open-data lists the registers to download and the dumps with sizes and checksums, in kk, ru and en', async () => {
  for (const [lang, heading] of [['kk', 'Ашық деректер'], ['ru', 'Открытые данные'], ['en', 'Open data']] as const) {
    const res = await t.request('GET', `/${lang}/open-data`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, new RegExp(`<h1>${heading}</h1>`));
    assert.match(html, new RegExp(`/api/exports/programmes\\?format=xlsx&amp;lang=${lang}`));
    assert.match(html, /organizations\.csv-metadata\.json/);
    assert.match(html, /[0-9a-f]{64}/);
  }
});

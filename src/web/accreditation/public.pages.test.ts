import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { insertApprovedDecision, insertProgramme, orgByKey } from '../../accreditation/after.fixtures.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';

let t: TestApp;
let positive: string;
let refused: string;

const html = async (path: string) => {
  const res = await t.request('GET', path);
  return { status: res.status, body: await res.text() };
};

before(async () => {
  t = await createTestApp();
  const bodyId = await orgByKey(t.db, 'kazsee');
  const organizationId = await orgByKey(t.db, 'satbayev-university');
  const programmeId = await insertProgramme(t.db, organizationId, { code: '6B07199', nameRu: 'Горное дело (тест)' });
  positive = (await insertApprovedDecision(t.db, { bodyId, organizationId, programmeIds: [programmeId], decidedOn: '2025-03-14', termYears: 5, certificateNumber: 'KAZSEE-2025-0042-C' })).decisionId;
  refused = (await insertApprovedDecision(t.db, { bodyId, organizationId, kind: 'institutional', outcome: 'refused', decidedOn: '2025-05-20' })).decisionId;
});
after(() => t.close());

test('Register 1 lists the recognized bodies with their recognition order in every language', async () => {
  for (const lang of LANGUAGES) {
    const { status, body } = await html(`/${lang}/registers/1`);
    assert.equal(status, 200);
    assert.match(body, /KAZSEE|Қазақстан|Казахстан/);
    assert.match(body, { kk: /Тану туралы бұйрық/, ru: /Приказ о признании/, en: /Recognition order/ }[lang]);
  }
});

test('Register 3 shows an accredited programme with its certificate and links to the decision', async () => {
  const { status, body } = await html('/ru/registers/3');
  assert.equal(status, 200);
  assert.match(body, /6B07199/);
  assert.match(body, /KAZSEE-2025-0042-C/);
  assert.match(body, new RegExp(`/ru/accreditation/decisions/${positive}`));
});

test('Register 2 hides refusals by default and shows them when asked', async () => {
  const inForce = await html('/en/registers/2');
  assert.doesNotMatch(inForce.body, new RegExp(refused));
  const refusals = await html('/en/registers/2?outcome=refused');
  assert.equal(refusals.status, 200);
  assert.match(refusals.body, new RegExp(`/en/accreditation/decisions/${refused}`));
  assert.match(refusals.body, /accreditation refused/);
});

test('a register "as of" a day before the decision does not list it', async () => {
  const { body } = await html('/kk/registers/3?asOf=2024-01-01');
  assert.doesNotMatch(body, /6B07199/);
});

test('a malformed "as of" date gets a localized 400 page naming the parameter', async () => {
  const { status, body } = await html('/ru/registers/3?asOf=yesterday');
  assert.equal(status, 400);
  assert.match(body, /asOf/);
});

test('the decision page shows outcome, term, validity and a certificate link; a refusal is public too', async () => {
  const accredited = await html(`/kk/accreditation/decisions/${positive}`);
  assert.equal(accredited.status, 200);
  assert.match(accredited.body, /5 жыл/);
  assert.match(accredited.body, /certificate\.pdf/);
  const negative = await html(`/ru/accreditation/decisions/${refused}`);
  assert.equal(negative.status, 200);
  assert.match(negative.body, /в аккредитации отказано/);
  assert.doesNotMatch(negative.body, /certificate\.pdf/);
});

test('an unknown decision gets a localized 404 page', async () => {
  const { status, body } = await html('/en/accreditation/decisions/00000000-0000-4000-8000-000000000000');
  assert.equal(status, 404);
  assert.match(body, /<html lang="en">/);
});

test('the statistics page counts decisions per body and year', async () => {
  const { status, body } = await html('/en/accreditation/statistics');
  assert.equal(status, 200);
  assert.match(body, /<th scope="row">2025<\/th>/);
});

test('the accreditation index links to every register', async () => {
  const { body } = await html('/ru/accreditation');
  for (const path of ['/ru/registers/1', '/ru/registers/2', '/ru/registers/3', '/ru/accreditation/statistics']) assert.match(body, new RegExp(path));
});

test('the decision page offers it for download as ELM, CTDL and a DEQAR report (JSON, CSV), in words of each language, and every link answers', async () => {
  const heading = { kk: 'Жүктеп алу пішімдері', ru: 'Скачать как …', en: 'Download as …' };
  for (const lang of LANGUAGES) {
    const { body } = await html(`/${lang}/accreditation/decisions/${refused}`);
    assert.ok(body.includes(heading[lang]), lang);
    const hrefs = [...body.matchAll(/<nav class="record-downloads"[\s\S]*?<\/nav>/g)].flatMap((m) => [...m[0].matchAll(/href="([^"]+)"/g)].map((h) => (h[1] as string).replaceAll('&amp;', '&')));
    assert.deepEqual(hrefs, ['elm', 'ctdl', 'deqar?format=json', 'deqar?format=csv'].map((f) => `/api/accreditation/decisions/${refused}/${f}`));
    for (const href of hrefs) assert.equal((await t.request('GET', href)).status, 200, href);
  }
});

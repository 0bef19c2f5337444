// The workspace's reports page: the ministry opens the national report as HTML (each figure naming
// its indicator) and downloads it as a PDF; an agency's staff get their own body's yearly report and
// no one else's; the service refuses everyone else, whatever the page shows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../../test/helpers/app.ts';
import { addOrganization, addUser, orgIdByKey } from '../../../test/helpers/factories.ts';
import { TEST_PASSWORD } from '../../../test/helpers/factories.ts';
import { buildReport } from '../../indicators/report.ts';
import { inTransaction } from '../../platform/context.ts';
import { pdfText } from '../../platform/pdf/pdf-text.fixtures.ts';
import { silentLogger } from '../../../test/helpers/logger.ts';
import { escaped, sessions, text } from '../page-session.fixtures.ts';

let t: TestApp;
let kazsee: string;
let iqaa: string;
const { as, get } = sessions(() => t, TEST_PASSWORD);

/** Each figure of a report page with the indicator it names in its caption. */
const figuresOf = (html: string) =>
  [...html.matchAll(/<section class="figure" id="figure-([\d.]+)" data-indicator="([a-z0-9-]+)">([\s\S]*?)<\/section>/g)].map((m) => ({ number: m[1], indicator: m[2], body: m[3] ?? '' }));

describe('the workspace reports page', () => {
  before(async () => {
    t = await createTestApp();
    kazsee = await orgIdByKey(t.db, 'kazsee');
    iqaa = await orgIdByKey(t.db, 'iqaa');
    await inTransaction(t.system, async (ctx) => {
      await addUser(ctx, { email: 'ministry@edu.test', role: 'ministry' });
      await addUser(ctx, { email: 'staff@kazsee.test', role: 'agency-staff', organizationId: kazsee });
      const uni = await addOrganization(ctx, { kk: 'Бета университеті', ru: 'Университет Бета', en: 'Beta University' });
      await addUser(ctx, { email: 'editor@beta.test', role: 'org-editor', organizationId: uni });
    });
  });
  after(() => t.close());

  test('the ministry finds it from the workspace home and gets the national report as HTML, each figure naming its indicator', async () => {
    const home = await get('/en/workspace', 'ministry@edu.test');
    assert.ok(home.html.includes('href="/en/workspace/reports"'), 'the home links the reports');
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const form = await get(`/${lang}/workspace/reports`, 'ministry@edu.test');
      assert.equal(form.status, 200);
      assert.ok(form.html.includes('<form class="ws" method="get"'), 'a plain GET form: no script needed');
      assert.ok(form.html.includes(escaped(text(lang, 'ui.indicators.reports.national'))));
      assert.ok(form.html.includes(`value="${kazsee}"`), 'the ministry may have any body’s report');
    }
    const res = await t.app.request('/kk/workspace/reports/report?report=national&year=2024&lang=ru&format=html', { headers: { cookie: await as('ministry@edu.test') } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const html = await res.text();
    assert.ok(html.includes('<html lang="ru">'), 'the report is in the language asked for');
    assert.ok(html.includes('Национальный доклад'));
    assert.ok(html.includes('href="/kk/workspace/reports"'), 'the way back leads to the page’s language');
    const figures = figuresOf(html);
    assert.ok(figures.length >= 5, `figures: ${figures.length}`);
    for (const f of figures) {
      assert.ok(f.body.includes(`Показатель: <a href="/ru/indicators/${f.indicator}?`), `figure ${f.number} names and links ${f.indicator}`);
      assert.ok(f.body.includes(`Таблица ${f.number}.`), `figure ${f.number} has its table`);
    }
    assert.ok(html.includes('id="annex"'));
  });

  test('the PDF downloads, in the language asked for, each figure naming its indicator', async () => {
    const res = await t.app.request('/en/workspace/reports/report?report=national&year=2024&lang=kk&format=pdf', { headers: { cookie: await as('ministry@edu.test') } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="?national-report-2024-kk\.pdf/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-');
    const pdf = pdfText(bytes).replace(/\n/g, ' ');
    // The same service as `sapa report national`: the same figures.
    const ctx = { db: t.db, actor: { kind: 'system' as const, label: 'test' }, lang: 'kk' as const, log: silentLogger, requestId: null };
    const report = await buildReport(ctx, { kind: 'national', year: 2024, lang: 'kk' });
    const figures = report.chapters.flatMap((c) => c.figures);
    assert.ok(figures.length >= 5);
    for (const f of figures) assert.ok(pdf.includes(`Көрсеткіш: ${f.indicatorId}`), `figure ${f.number} names ${f.indicatorId}`);
  });

  test('an agency’s staff get their own body’s yearly report, not the national one nor another body’s', async () => {
    const form = await get('/en/workspace/reports', 'staff@kazsee.test');
    assert.equal(form.status, 200);
    assert.ok(form.html.includes(`value="${kazsee}"`));
    assert.ok(!form.html.includes('value="national"'), 'no national report offered');
    assert.ok(!form.html.includes(`value="${iqaa}"`));
    const own = await get(`/en/workspace/reports/report?report=${kazsee}&year=2022&lang=en&format=html`, 'staff@kazsee.test');
    assert.equal(own.status, 200);
    assert.ok(own.html.includes('Yearly activity report of an accreditation body — 2022'));
    assert.ok(figuresOf(own.html).some((f) => f.indicator === 'agency-activity'));
    const pdf = await t.app.request(`/en/workspace/reports/report?report=${kazsee}&year=2022&lang=en&format=pdf`, { headers: { cookie: await as('staff@kazsee.test') } });
    assert.equal(pdf.status, 200);
    assert.match(pdf.headers.get('content-disposition') ?? '', new RegExp(`agency-report-${kazsee}-2022-en\\.pdf`));
    assert.equal((await get('/en/workspace/reports/report?report=national&year=2024&lang=en', 'staff@kazsee.test')).status, 403);
    assert.equal((await get(`/en/workspace/reports/report?report=${iqaa}&year=2024&lang=en`, 'staff@kazsee.test')).status, 403);
  });

  test('anyone else is refused by the service; anonymous visitors are sent to sign in; a bad year is a localized problem', async () => {
    assert.equal((await get('/en/workspace/reports', 'editor@beta.test')).status, 403);
    assert.equal((await get('/en/workspace/reports/report?report=national&year=2024&lang=en', 'editor@beta.test')).status, 403);
    assert.equal((await get(`/en/workspace/reports/report?report=${kazsee}&year=2024&lang=en&format=pdf`, 'editor@beta.test')).status, 403);
    const home = await get('/en/workspace', 'editor@beta.test');
    assert.ok(!home.html.includes('/en/workspace/reports'), 'no link where there is no report');
    const anonymous = await t.app.request('/en/workspace/reports');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /\/en\/sign-in/);
    const ctx = { db: t.db, actor: { kind: 'user' as const, userId: 'x', label: 'x', roles: [{ role: 'org-admin' as const, organizationId: kazsee }] }, lang: 'en' as const, log: silentLogger, requestId: null };
    await assert.rejects(buildReport(ctx, { kind: 'national', year: 2024, lang: 'en' }), { status: 403 });
    await assert.rejects(buildReport(ctx, { kind: 'agency', year: 2024, lang: 'en', body: 'kazsee' }), { status: 403 });
    const bad = await get('/kk/workspace/reports/report?report=national&year=20x4&lang=kk', 'ministry@edu.test');
    assert.equal(bad.status, 400);
    assert.ok(!bad.html.includes('ZodError'));
  });
});

// The national report and an agency's activity report, as HTML and PDF: chapters where data exists,
// every figure numbered with its indicator and sources, the annex of definitions, and a PDF whose
// extracted text holds every Kazakh letter.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, createTestApp } from '../../test/helpers/app.ts';
import { commitImport } from '../interop/import-service.ts';
import { systemActor } from '../platform/access/roles.ts';
import { pdfText } from '../platform/pdf/pdf-text.fixtures.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import { buildReport } from './report.ts';
import { reportHtml } from './report-html.ts';
import { reportPdf } from './report-pdf.ts';

const KAZAKH = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';
// A source written in Kazakh that uses every letter of the alphabet's own (Ә Ғ Қ Ң Ө Ұ Ү Һ І, both cases).
const SOURCE = `ҚР Ұлттық статистика бюросы: Әлеуметтік Ғылым, Ңң Өнер, Үкімет, Һижра, Іс-шара (${KAZAKH})`;

describe('reports', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const ctx = { db: t.db, actor: systemActor('test'), lang: 'kk' as const, log: silentLogger, requestId: null };
    const file = [
      csvLine(['dataset', 'period', 'region', 'level', 'value', 'source', 'age', 'degree', 'title']),
      csvLine(['students', '2024-2025', 'KZ-75', '6', '120000', SOURCE, '', '', '']),
      csvLine(['population', '2024', 'KZ-75', '', '110000', SOURCE, '18-22', '', '']),
      csvLine(['grants', '2024-2025', '', '6', '78219', SOURCE, '', '', '']),
      csvLine(['faculty', '2024-2025', '', '', '900', SOURCE, '', 'phd', 'professor']),
    ].join('');
    const outcome = await commitImport(ctx, 'statistics', Buffer.from(file));
    assert.equal(outcome.committed, true, JSON.stringify(outcome.problems));
  });
  after(() => t.close());

  const ctx = (lang: 'kk' | 'ru' | 'en') => ({ db: t.db, actor: systemActor('test'), lang, log: silentLogger, requestId: null });

  test('the national report follows the National Report’s chapters where data exists, figures numbered, annex of definitions', async () => {
    const steps: string[] = [];
    const report = await buildReport(ctx('en'), { kind: 'national', year: 2024, lang: 'en', onProgress: (step) => steps.push(step) });
    const chapters = report.chapters.map((c) => c.id);
    for (const id of ['network', 'programmes', 'students', 'faculty'] as const) assert.ok(chapters.includes(id), id);
    assert.ok(!chapters.includes('credentials'), 'no credentials issued: no chapter');
    assert.ok(steps.length > 10, 'progress is reported figure by figure');
    const numbers = report.chapters.flatMap((c) => c.figures.map((f) => f.number));
    assert.equal(new Set(numbers).size, numbers.length);
    assert.equal(numbers[0], '1.1');
    const shown = new Set(report.chapters.flatMap((c) => c.figures.map((f) => f.indicatorId)));
    assert.deepEqual(new Set(report.annex.map((a) => a.indicatorId)), shown, 'the annex defines every indicator shown');
    const ger = report.chapters.flatMap((c) => c.figures).find((f) => f.indicatorId === 'gross-enrolment-ratio');
    assert.equal(ger?.values.values.find((v) => v.key === 'KZ-75')?.value, 109.1);

    const html = reportHtml(report);
    for (const f of report.chapters.flatMap((c) => c.figures)) {
      assert.ok(html.includes(`<section class="figure" id="figure-${f.number}" data-indicator="${f.indicatorId}">`));
      assert.ok(html.includes(`Table ${f.number}.`), `table ${f.number}`);
      assert.ok(html.includes(`href="/en/indicators/${f.indicatorId}?`), `figure ${f.number} links its indicator`);
    }
    assert.ok(html.includes('003_a6b45dff19754c58.txt, lines L2907-2909'), 'published figures name document and lines');
  });

  test('the PDF in Kazakh renders every Kazakh letter, and each figure names its indicator', async () => {
    const report = await buildReport(ctx('kk'), { kind: 'national', year: 2024, lang: 'kk' });
    const bytes = await reportPdf(report);
    assert.ok(Buffer.from(bytes).subarray(0, 5).toString() === '%PDF-');
    const text = pdfText(bytes).replace(/\n/g, ' ');
    for (const letter of KAZAKH) assert.ok(text.includes(letter), `${letter} is in the text of the PDF`);
    assert.ok(text.includes('баяндама'), 'the Kazakh title');
    for (const f of report.chapters.flatMap((c) => c.figures)) {
      assert.ok(text.includes(`Сурет ${f.number}.`), `figure ${f.number}`);
      assert.ok(text.includes(`Көрсеткіш: ${f.indicatorId}`), `figure ${f.number} names ${f.indicatorId}`);
    }
    assert.ok(text.includes('Қосымша. Көрсеткіштердің анықтамалары'));
  });

  test('an agency’s yearly activity report: its activity per year, in ru', async () => {
    const report = await buildReport(ctx('ru'), { kind: 'agency', year: 2022, lang: 'ru', body: 'kazsee' });
    assert.equal(report.chapters[0]?.id, 'activity');
    const perYear = report.chapters[0]?.figures[0];
    assert.equal(perYear?.indicatorId, 'agency-activity');
    assert.ok((perYear?.values.values.length ?? 0) >= 1, 'a series by year');
    const text = pdfText(await reportPdf(report));
    assert.ok(text.includes('Рисунок 1.1.'));
    await assert.rejects(buildReport(ctx('ru'), { kind: 'agency', year: 2022, lang: 'ru', body: 'no-such-body' }), { status: 404 });
  });
});

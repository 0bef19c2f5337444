// The report as a PDF (pdfkit with the bundled DejaVu Sans, so every Kazakh letter renders): a
// title page, chapters with numbered figures — the chart rasterized from the same SVG, the
// indicator it shows, its data table and sources — and the annex of definitions.
import { FONT, createPdf, pdfBytes } from '../platform/pdf/pdf.ts';
import { svgToPng } from './chart.ts';
import type { Report } from './report.ts';
import { sourcesOf, tableRows } from './report-text.ts';
import { REPORT_WORDS } from './report-words.ts';

const WIDTH = 495;
const COLUMNS = [215, 95, 95, 90];

export async function reportPdf(report: Report, options: { creationDate?: Date; compress?: boolean } = {}): Promise<Uint8Array> {
  const { lang } = report;
  const w = (k: keyof typeof REPORT_WORDS) => REPORT_WORDS[k][lang];
  const doc = createPdf({ metadata: { title: report.title, subject: report.subtitle ?? '', creationDate: options.creationDate }, lang, compress: options.compress });
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const room = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.font(FONT.bold).fontSize(18).text(report.title, { width: WIDTH });
  if (report.subtitle) doc.moveDown(0.5).font(FONT.regular).fontSize(12).text(report.subtitle);
  doc.moveDown().font(FONT.regular).fontSize(10).text(`${w('asOf')}: ${report.asOf}. ${w('dataVersion')}: ${report.dataVersion}. ${w('synthetic')}`);
  doc.moveDown().font(FONT.bold).fontSize(13).text(w('contents'));
  doc.font(FONT.regular).fontSize(11);
  for (const c of report.chapters) doc.text(`${c.number}. ${c.title}`);
  doc.text(w('annex'));

  for (const chapter of report.chapters) {
    doc.addPage();
    doc.font(FONT.bold).fontSize(15).text(`${chapter.number}. ${chapter.title}`, { width: WIDTH });
    for (const f of chapter.figures) {
      room(300);
      doc.moveDown().font(FONT.bold).fontSize(11).text(`${w('figure')} ${f.number}. ${f.title}`, { width: WIDTH });
      doc.image(Buffer.from(svgToPng(f.chartSvg)), { fit: [WIDTH, 230] });
      doc.font(FONT.regular).fontSize(9).text(`${w('indicator')}: ${f.indicatorId}`, { width: WIDTH });
      doc.moveDown(0.5).font(FONT.bold).fontSize(10).text(`${w('table')} ${f.number}. ${f.title} (${w('indicator')}: ${f.indicatorId})`, { width: WIDTH });
      const rows = [[w('group'), w('sapa'), w('published'), w('difference')], ...tableRows(f.values, lang)];
      rows.forEach((row, i) => {
        room(14);
        const y = doc.y;
        doc.font(i === 0 ? FONT.bold : FONT.regular).fontSize(8.5);
        let x = doc.page.margins.left;
        let height = 0;
        row.forEach((cell, col) => {
          const width = COLUMNS[col] ?? 90;
          doc.text(cell, x, y, { width: width - 6, align: col === 0 ? 'left' : 'right' });
          height = Math.max(height, doc.y - y);
          x += width;
        });
        doc.x = doc.page.margins.left;
        doc.y = y + height + 2;
      });
      doc.moveDown(0.3).font(FONT.regular).fontSize(8).text(`${w('sources')}: ${sourcesOf(f.values, lang).join('; ')}`, { width: WIDTH });
    }
  }

  doc.addPage();
  doc.font(FONT.bold).fontSize(15).text(w('annex'), { width: WIDTH });
  for (const a of report.annex) {
    doc.moveDown(0.5).font(FONT.bold).fontSize(10).text(`${a.name} (${a.indicatorId})`, { width: WIDTH });
    doc.font(FONT.regular).fontSize(9).text(a.definition, { width: WIDTH }).text(`${w('formula')}: ${a.formula}`, { width: WIDTH });
  }
  if (report.leftOut.length) doc.moveDown().fontSize(9).text(`${w('leftOut')}: ${report.leftOut.join('; ')}`, { width: WIDTH });
  return pdfBytes(doc);
}

// A one-page trilingual certificate (kk, ru, en): titles, labelled fields, paragraphs and a QR
// code to the public page that confirms it. Used by accreditation certificates and reusable by
// any other certificate-like document (credentials, extracts).
import { FONT, type PdfMetadata, createPdf, pdfBytes } from './pdf.ts';
import { drawQr } from './qr.ts';

export type LangText = { kk: string; ru: string; en: string };
export const CERTIFICATE_LANGS = ['kk', 'ru', 'en'] as const;
type Lang = (typeof CERTIFICATE_LANGS)[number];

export type CertificateField = {
  label: LangText;
  /** One value for every language (a number, a date) or a value per language (a name). */
  value: string | LangText;
};

export type CertificateSpec = {
  /** The issuer printed above the title, e.g. the accreditation body's name. */
  issuer?: LangText;
  title: LangText;
  /** Printed at the top right, e.g. "№ KAZSEE-2025-017". */
  number?: string;
  fields: CertificateField[];
  paragraphs?: LangText[];
  /** A highlighted notice, e.g. that the decision has since been withdrawn. */
  notice?: LangText;
  qr?: { url: string; caption?: LangText };
  /** A small line at the very bottom, e.g. where and when the PDF was produced. */
  footer?: string;
  /** The languages printed, in order (default kk, ru, en); one language gives a single-language document. */
  languages?: readonly Lang[];
  metadata: PdfMetadata;
  compress?: boolean;
};

const ACCENT = '#1f4e79';
const MUTED = '#555555';

function stacked(value: string | LangText, langs: readonly Lang[]): string[] {
  if (typeof value === 'string') return [value];
  // Identical values (a name that is the same in every language) are printed once.
  const distinct = [...new Set(langs.map((l) => value[l]).filter((v) => v.trim() !== ''))];
  return distinct.length ? distinct : ['—'];
}

/** Renders the certificate on one A4 page and returns the PDF bytes. */
export async function renderCertificatePdf(spec: CertificateSpec): Promise<Uint8Array> {
  const langs = spec.languages?.length ? spec.languages : CERTIFICATE_LANGS;
  const doc = createPdf({ metadata: spec.metadata, lang: langs.length === 1 ? langs[0] : 'kk', compress: spec.compress });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = doc.page.height - doc.page.margins.bottom;

  doc
    .lineWidth(2)
    .strokeColor(ACCENT)
    .rect(25, 25, doc.page.width - 50, doc.page.height - 50)
    .stroke();

  if (spec.number) {
    doc.font(FONT.bold).fontSize(10).fillColor(ACCENT).text(spec.number, left, 40, { width, align: 'right' });
  }
  doc.y = 60;
  if (spec.issuer) {
    doc.font(FONT.regular).fontSize(10).fillColor(MUTED);
    for (const line of stacked(spec.issuer, langs)) doc.text(line, left, doc.y, { width, align: 'center' });
    doc.moveDown(0.8);
  }
  // The first language largest, the others smaller below it.
  langs.forEach((lang, i) => {
    doc.font(i < 2 ? FONT.bold : FONT.regular).fontSize([18, 14, 12][i] ?? 12);
    if (i === 0) doc.fillColor(ACCENT).text(spec.title[lang], left, doc.y, { width, align: 'center' });
    else doc.text(spec.title[lang], { width, align: 'center' });
  });
  doc.moveDown(1.2);

  if (spec.notice) {
    doc.font(FONT.bold).fontSize(10).fillColor('#a40000');
    for (const lang of langs) doc.text(spec.notice[lang], left, doc.y, { width, align: 'center' });
    doc.moveDown(0.8);
  }

  const labelWidth = width * 0.38;
  const valueX = left + labelWidth + 12;
  const valueWidth = width - labelWidth - 12;
  for (const field of spec.fields) {
    const top = doc.y;
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    doc.text(langs.map((l) => field.label[l]).join(' / '), left, top, { width: labelWidth });
    const labelBottom = doc.y;
    doc.font(FONT.bold).fontSize(10).fillColor('#000000');
    doc.y = top;
    for (const line of stacked(field.value, langs)) doc.text(line, valueX, doc.y, { width: valueWidth });
    doc.y = Math.max(labelBottom, doc.y) + 6;
    doc
      .moveTo(left, doc.y - 3)
      .lineTo(left + width, doc.y - 3)
      .lineWidth(0.3)
      .strokeColor('#cccccc')
      .stroke();
  }

  if (spec.paragraphs?.length) {
    doc.moveDown(0.5);
    doc.font(FONT.regular).fontSize(9).fillColor('#000000');
    for (const paragraph of spec.paragraphs) {
      for (const lang of langs) doc.text(paragraph[lang], left, doc.y, { width });
      doc.moveDown(0.5);
    }
  }

  if (spec.qr) {
    const size = 110;
    const qrY = Math.max(doc.y + 10, bottom - size - 20);
    drawQr(doc, spec.qr.url, left, qrY, size);
    const captionX = left + size + 14;
    doc.font(FONT.regular).fontSize(8).fillColor(MUTED);
    doc.y = qrY + 8;
    if (spec.qr.caption) for (const lang of langs) doc.text(spec.qr.caption[lang], captionX, doc.y, { width: width - size - 14 });
    doc.fillColor(ACCENT).text(spec.qr.url, captionX, doc.y + 4, { width: width - size - 14, link: spec.qr.url, underline: true });
  }

  if (spec.footer) {
    // Text below the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(7)
      .fillColor(MUTED)
      .text(spec.footer, left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
  }
  return pdfBytes(doc);
}

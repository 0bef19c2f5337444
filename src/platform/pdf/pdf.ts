// PDF documents of Sapa (certificates, extracts, reports): pdfkit with the bundled DejaVu Sans,
// which has every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І), so kk, ru and en text render alike.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Loaded on the first document, not by every process that imports the app (~0.2 s at start-up).
let pdfkit: typeof import('pdfkit') | null = null;

/** TrueType files shipped by the dejavu-fonts-ttf package; nothing is fetched at run time. */
export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/** Names under which the fonts are registered on every document made by createPdf. */
export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

export type PdfMetadata = {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  /** Fixed dates give byte-stable output in tests; default now. */
  creationDate?: Date;
};

export type PdfOptions = {
  metadata: PdfMetadata;
  /** BCP 47 language of the document as a whole (a trilingual certificate says 'kk'). */
  lang?: string;
  layout?: 'portrait' | 'landscape';
  margin?: number;
  /** Compressed content streams (the default); tests may turn it off to read the drawing operators. */
  compress?: boolean;
};

/** An A4 document with the DejaVu fonts registered and selected, and its metadata set. */
export function createPdf(options: PdfOptions): PDFKit.PDFDocument {
  const { metadata } = options;
  pdfkit ??= require('pdfkit') as typeof import('pdfkit');
  const doc = new pdfkit({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 50,
    compress: options.compress ?? true,
    // Selecting our font at construction keeps pdfkit from loading its built-in Helvetica,
    // which has no Cyrillic at all.
    font: FONT_FILES.regular,
    lang: options.lang ?? 'kk',
    displayTitle: true,
    info: {
      Title: metadata.title,
      Author: metadata.author ?? 'Sapa',
      Subject: metadata.subject ?? '',
      Keywords: metadata.keywords ?? '',
      Creator: 'Sapa',
      Producer: 'Sapa (pdfkit)',
      CreationDate: metadata.creationDate ?? new Date(),
    },
  });
  doc.registerFont(FONT.regular, FONT_FILES.regular);
  doc.registerFont(FONT.bold, FONT_FILES.bold);
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}

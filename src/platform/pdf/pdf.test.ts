import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { type CertificateSpec, renderCertificatePdf } from './certificate-layout.ts';
import { createPdf, pdfBytes } from './pdf.ts';
import { drawQr, qrMatrix } from './qr.ts';

const KAZAKH_LETTERS = 'ӘҒҚҢӨҰҮҺІ';
const url = 'https://sapa.example.kz/kk/accreditation/decisions/6d0f6f0e-2f0a-4a51-9a55-0b1f3c0de001';

const spec = (over: Partial<CertificateSpec> = {}): CertificateSpec => ({
  issuer: { kk: 'KAZSEE қауымдастығы', ru: 'Ассоциация KAZSEE', en: 'KAZSEE Association' },
  title: { kk: 'Аккредиттеу туралы куәлік', ru: 'Свидетельство об аккредитации', en: 'Certificate of accreditation' },
  number: '№ KAZSEE-2026-0001',
  fields: [
    {
      label: { kk: 'Ұйым', ru: 'Организация', en: 'Organization' },
      value: { kk: `Сәтбаев университеті ${KAZAKH_LETTERS}`, ru: 'Университет Сатпаева', en: 'Satbayev University' },
    },
    { label: { kk: 'Мерзімі', ru: 'Срок', en: 'Term' }, value: '5' },
  ],
  qr: { url, caption: { kk: 'Тексеру', ru: 'Проверить', en: 'Check' } },
  footer: 'Sapa',
  metadata: { title: 'Certificate KAZSEE-2026-0001', author: 'KAZSEE' },
  ...over,
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

test('a certificate is one A4 PDF page with its metadata and the DejaVu Sans font embedded as a subset', async () => {
  const bytes = await renderCertificatePdf(spec());
  const text = latin1(bytes);
  assert.ok(text.startsWith('%PDF-'));
  assert.match(text, /%%EOF\s*$/);
  assert.equal(text.match(/\/Type \/Page\b/g)?.length, 1);
  assert.match(text, /\/MediaBox \[0 0 595\.28 841\.89\]/);
  assert.match(text, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
  assert.match(text, /\/FontFile2 \d+ 0 R/);
  const titleRef = /\/Title (\d+) 0 R/.exec(text)?.[1];
  assert.ok(text.includes(`\n${titleRef} 0 obj\n(Certificate KAZSEE-2026-0001)`), 'the document title is set');
  assert.doesNotMatch(text, /Helvetica/);
});

test('every Kazakh letter reaches the font of the page (its ToUnicode map lists them)', async () => {
  const text = latin1(await renderCertificatePdf(spec({ compress: false })));
  for (const letter of KAZAKH_LETTERS) {
    const hex = (letter.codePointAt(0) ?? 0).toString(16).padStart(4, '0');
    assert.ok(text.includes(`<${hex}>`), `${letter} (U+${hex}) is mapped`);
  }
});

test('the QR code is drawn module by module from the qrcode matrix and links to its URL', async () => {
  const matrix = qrMatrix(url);
  const reference = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  assert.equal(matrix.size, reference.size);
  let dark = 0;
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      assert.equal(matrix.dark(row, col), reference.get(row, col) === 1);
      if (matrix.dark(row, col)) dark++;
    }
  }
  // The three finder patterns: dark corners of a valid QR code.
  for (const [row, col] of [
    [0, 0],
    [0, matrix.size - 1],
    [matrix.size - 1, 0],
  ] as const) {
    assert.ok(matrix.dark(row, col));
  }
  const doc = createPdf({ metadata: { title: 'QR' }, compress: false });
  drawQr(doc, url, 10, 10, 120);
  const text = latin1(await pdfBytes(doc));
  // One square per dark module plus the white quiet zone behind them.
  assert.equal(text.match(/ re\n/g)?.length, dark + 1);
  assert.ok(text.includes(`/URI (${url})`));
});

test('a notice and many fields still give a readable PDF (long content flows onto more pages)', async () => {
  const fields = Array.from({ length: 60 }, (_, i) => ({ label: { kk: `Өріс ${i}`, ru: `Поле ${i}`, en: `Field ${i}` }, value: `${i}` }));
  const text = latin1(await renderCertificatePdf(spec({ fields, notice: { kk: 'Күшінде емес', ru: 'Не действует', en: 'Not in force' } })));
  assert.ok((text.match(/\/Type \/Page\b/g)?.length ?? 0) >= 2);
});

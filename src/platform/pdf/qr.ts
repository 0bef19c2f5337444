// QR codes drawn as vector squares (sharp at any zoom, no image decoding), from the `qrcode` matrix.
import QRCode from 'qrcode';

export type QrMatrix = { size: number; dark(row: number, col: number): boolean };

/** The module matrix of a QR code for the text (error correction M: survives print wear). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * Draws the QR code with its top-left corner at (x, y), `width` points wide including a quiet
 * zone of 2 modules, and makes the area a link to the URL for readers of the PDF on screen.
 */
export function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, width: number): void {
  const matrix = qrMatrix(url);
  const quiet = 2;
  const cell = width / (matrix.size + 2 * quiet);
  doc.save();
  doc.rect(x, y, width, width).fill('#ffffff');
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (matrix.dark(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
  doc.link(x, y, width, width, url);
}

// Cells written to CSV or XLSX for people who open them in a spreadsheet: a value starting with
// =, +, -, @ (or a tab or carriage return) would be run as a formula (CSV injection), so it is
// written with a leading apostrophe, which spreadsheets show as text; reading strips it again, so
// an exported file imports back unchanged.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralize(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unneutralize(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One CSV line (RFC 4180 quoting, CRLF), every cell neutralized. */
export function csvLine(cells: readonly (string | number | null | undefined)[], delimiter = ','): string {
  return `${cells
    .map((cell) => {
      const text = neutralize(cell === null || cell === undefined ? '' : String(cell));
      return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(delimiter)}\r\n`;
}

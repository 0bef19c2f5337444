// Reading a spreadsheet upload (CSV in any usual encoding and delimiter, or XLSX) into a header and
// rows of strings, each row with its line in the file (the header is line 1), so every problem can
// name the row a person sees in Excel.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { decodeText } from './decode.ts';
import { unneutralize } from './write-cell.ts';

export type TableRow = { line: number; cells: string[] };
export type Table = { header: string[]; rows: TableRow[]; format: 'csv' | 'xlsx'; encoding: string | null; delimiter: string | null };
export type ReadOptions = { fileName?: string; encoding?: string; delimiter?: string };

export class UnreadableTableError extends Error {}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function readCsvText(text: string, delimiter = detectDelimiter(text)): Omit<Table, 'format' | 'encoding'> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info` and no `columns`, each record is its cells with their position.
    records = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new UnreadableTableError((error as Error).message);
  }
  const [head, ...body] = records;
  return {
    header: (head?.record ?? []).map((h) => h.trim()),
    rows: body
      .map(({ record, info }) => ({ line: info.lines, cells: record.map((c) => unneutralize(c.trim())) }))
      .filter((r) => r.cells.some((c) => c !== '')),
    delimiter,
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<Omit<Table, 'format' | 'encoding' | 'delimiter'>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableTableError((error as Error).message);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const lines: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(unneutralize(cellText(row.getCell(c).value).trim()));
    lines.push({ line, cells });
  });
  const [head, ...body] = lines;
  return { header: head?.cells ?? [], rows: body.filter((r) => r.cells.some((c) => c !== '')) };
}

/** Reads CSV or XLSX (told apart by content, so a misnamed file still reads). */
export async function readTable(bytes: Uint8Array, options: ReadOptions = {}): Promise<Table> {
  if (isZip(bytes)) return { ...(await readXlsx(bytes)), format: 'xlsx', encoding: null, delimiter: null };
  const { text, encoding } = decodeText(bytes, options.encoding);
  return { ...readCsvText(text, options.delimiter), format: 'csv', encoding };
}

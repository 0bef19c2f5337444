// Any table as CSV, XLSX or JSON-LD, streamed: rows are written as an async source yields them,
// so a caller that reads its rows page by page never holds the whole table. Used by the register
// exports and by the exports of searches and lists. CSV and XLSX cells are neutralized (no formula
// is ever run); the CSV starts with a BOM so Excel reads it as UTF-8.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvLine, neutralize } from './write-cell.ts';

export const TABLE_FORMATS = ['csv', 'xlsx', 'jsonld'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const TABLE_MEDIA_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonld: 'application/ld+json',
};

export type TableRow = { id: string; cells: Record<string, string> };

export type TableSource = {
  /** The sheet's name in XLSX and the node type in JSON-LD (`sapa:<name>`). */
  name: string;
  columns: readonly { key: string; label: string }[];
  rows: AsyncIterable<TableRow>;
  baseUrl: string;
  /** The URI of a row's record in JSON-LD. */
  idOf(id: string): string;
};

export const jsonLdContext = (baseUrl: string) => ({ sapa: `${baseUrl}/vocab#`, dcterms: 'http://purl.org/dc/terms/' });

/** The JSON-LD of a row: the columns as terms of the Sapa vocabulary, the record's URI as @id. */
export function jsonLdNode(source: { name: string; columns: readonly { key: string }[]; idOf(id: string): string }, row: TableRow): Record<string, unknown> {
  const node: Record<string, unknown> = { '@id': source.idOf(row.id), '@type': `sapa:${source.name}` };
  for (const c of source.columns) if (row.cells[c.key]) node[`sapa:${c.key}`] = row.cells[c.key];
  return node;
}

async function* csvChunks(source: TableSource): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(source.columns.map((c) => c.label))}`;
  for await (const { cells } of source.rows) yield csvLine(source.columns.map((c) => cells[c.key] ?? ''));
}

async function* jsonLdChunks(source: TableSource): AsyncGenerator<string> {
  yield `{"@context":${JSON.stringify(jsonLdContext(source.baseUrl))},"@graph":[`;
  let first = true;
  for await (const row of source.rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(jsonLdNode(source, row))}`;
    first = false;
  }
  yield '\n]}\n';
}

function xlsxStream(source: TableSource): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(source.name.slice(0, 31));
  (async () => {
    sheet.addRow(source.columns.map((c) => c.label)).commit();
    for await (const { cells } of source.rows) sheet.addRow(source.columns.map((c) => neutralize(cells[c.key] ?? ''))).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error as Error));
  return out;
}

/**
 * The source with its first row already read, so a refusal that comes with the first page (a filter
 * the service rejects, say) is answered as a problem before the 200 and its headers go out, not as
 * a download broken off after them.
 */
export async function withFirstRow(source: TableSource): Promise<TableSource> {
  const iterator = source.rows[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* rows(): AsyncGenerator<TableRow> {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { ...source, rows: rows() };
}

/** The table as a Node stream of bytes. */
export function tableStream(format: TableFormat, source: TableSource): Readable {
  if (format === 'xlsx') return xlsxStream(source);
  return Readable.from(format === 'csv' ? csvChunks(source) : jsonLdChunks(source), { objectMode: false });
}

export function tableFileName(name: string, format: TableFormat, day: string): string {
  return `sapa-${name}-${day}.${format}`;
}

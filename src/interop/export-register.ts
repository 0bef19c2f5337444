// Exports of a register as CSV, XLSX or JSON-LD, streamed: records are read in keyset pages and
// written as they come, so a 10,000-programme export never holds the register in memory. Headers
// are in the reader's language; cells keep the codes and add names where a column shows them;
// formula-looking cells are written as text.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Ctx } from '../platform/context.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { csvLine, neutralize } from '../platform/tabular/write-cell.ts';
import type { AnyDescriptor } from './import-descriptor.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'jsonld'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonld: 'application/ld+json',
};

const PAGE = 500;

export type ExportScope = { synthetic?: boolean; publicOnly?: boolean; lang: Lang };

/** The register's records as cells, page by page. */
export async function* registerRows(ctx: Ctx, descriptor: AnyDescriptor, scope: ExportScope): AsyncGenerator<{ id: string; cells: Record<string, string> }> {
  let after: string | undefined;
  for (;;) {
    const records = await descriptor.page(ctx, { after, limit: PAGE, synthetic: scope.synthetic, publicOnly: scope.publicOnly });
    if (!records.length) return;
    const cells = await descriptor.cells(ctx, records, scope.lang);
    for (let i = 0; i < records.length; i++) yield { id: records[i].id as string, cells: cells[i] as Record<string, string> };
    after = records.at(-1)?.id;
    if (records.length < PAGE) return;
  }
}

export function headerOf(descriptor: AnyDescriptor, lang: Lang): string[] {
  return descriptor.columns.map((c) => c.label[lang]);
}

async function* csvChunks(ctx: Ctx, descriptor: AnyDescriptor, scope: ExportScope): AsyncGenerator<string> {
  // The BOM makes Excel open the UTF-8 file as UTF-8 rather than the system code page.
  yield `\uFEFF${csvLine(headerOf(descriptor, scope.lang))}`;
  for await (const { cells } of registerRows(ctx, descriptor, scope)) yield csvLine(descriptor.columns.map((c) => cells[c.key] ?? ''));
}

/** The JSON-LD of a row: the register's terms in the Sapa vocabulary, the record's URI as @id. */
export function jsonLdNode(descriptor: AnyDescriptor, id: string, cells: Record<string, string>, baseUrl: string): Record<string, unknown> {
  const node: Record<string, unknown> = { '@id': `${baseUrl}/api/${descriptor.register}/${id}`, '@type': `sapa:${descriptor.register}` };
  for (const c of descriptor.columns) if (cells[c.key]) node[`sapa:${c.key}`] = cells[c.key];
  return node;
}

export const jsonLdContext = (baseUrl: string) => ({ sapa: `${baseUrl}/vocab#`, dcterms: 'http://purl.org/dc/terms/' });

async function* jsonLdChunks(ctx: Ctx, descriptor: AnyDescriptor, scope: ExportScope & { baseUrl: string }): AsyncGenerator<string> {
  yield `{"@context":${JSON.stringify(jsonLdContext(scope.baseUrl))},"@graph":[`;
  let first = true;
  for await (const { id, cells } of registerRows(ctx, descriptor, scope)) {
    yield `${first ? '' : ','}\n${JSON.stringify(jsonLdNode(descriptor, id, cells, scope.baseUrl))}`;
    first = false;
  }
  yield '\n]}\n';
}

function xlsxStream(ctx: Ctx, descriptor: AnyDescriptor, scope: ExportScope): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(descriptor.register);
  (async () => {
    sheet.addRow(headerOf(descriptor, scope.lang)).commit();
    for await (const { cells } of registerRows(ctx, descriptor, scope)) {
      sheet.addRow(descriptor.columns.map((c) => neutralize(cells[c.key] ?? ''))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error) => out.destroy(error as Error));
  return out;
}

/** The export as a Node stream of bytes. */
export function exportStream(ctx: Ctx, descriptor: AnyDescriptor, format: ExportFormat, scope: ExportScope & { baseUrl: string }): Readable {
  if (format === 'xlsx') return xlsxStream(ctx, descriptor, scope);
  return Readable.from(format === 'csv' ? csvChunks(ctx, descriptor, scope) : jsonLdChunks(ctx, descriptor, scope), { objectMode: false });
}

export function exportFileName(descriptor: AnyDescriptor, format: ExportFormat, day: string): string {
  return `sapa-${descriptor.register}-${day}.${format === 'jsonld' ? 'jsonld' : format}`;
}

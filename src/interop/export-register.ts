// Exports of a register as CSV, XLSX or JSON-LD, streamed: records are read in keyset pages and
// written as they come (platform/tabular/table-stream.ts), so a 10,000-programme export never
// holds the register in memory. Headers are in the reader's language; cells keep the codes and add
// names where a column shows them; formula-looking cells are written as text.
import type { Readable } from 'node:stream';
import type { Ctx } from '../platform/context.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import {
  jsonLdNode as tableJsonLdNode,
  TABLE_FORMATS,
  TABLE_MEDIA_TYPES,
  type TableFormat,
  tableFileName,
  tableStream,
} from '../platform/tabular/table-stream.ts';
import type { AnyDescriptor } from './import-descriptor.ts';

export { jsonLdContext } from '../platform/tabular/table-stream.ts';
export const EXPORT_FORMATS = TABLE_FORMATS;
export type ExportFormat = TableFormat;
export const EXPORT_MEDIA_TYPES = TABLE_MEDIA_TYPES;

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

const recordUri = (descriptor: AnyDescriptor, baseUrl: string) => (id: string) => `${baseUrl}/api/${descriptor.register}/${id}`;

/** The JSON-LD of a row: the register's terms in the Sapa vocabulary, the record's URI as @id. */
export function jsonLdNode(descriptor: AnyDescriptor, id: string, cells: Record<string, string>, baseUrl: string): Record<string, unknown> {
  return tableJsonLdNode({ name: descriptor.register, columns: descriptor.columns, idOf: recordUri(descriptor, baseUrl) }, { id, cells });
}

/** The export as a Node stream of bytes. */
export function exportStream(ctx: Ctx, descriptor: AnyDescriptor, format: ExportFormat, scope: ExportScope & { baseUrl: string }): Readable {
  return tableStream(format, {
    name: descriptor.register,
    columns: descriptor.columns.map((c) => ({ key: c.key, label: c.label[scope.lang] })),
    rows: registerRows(ctx, descriptor, scope),
    baseUrl: scope.baseUrl,
    idOf: recordUri(descriptor, scope.baseUrl),
  });
}

export function exportFileName(descriptor: AnyDescriptor, format: ExportFormat, day: string): string {
  return tableFileName(descriptor.register, format, day);
}

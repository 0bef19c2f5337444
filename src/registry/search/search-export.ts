// A search's results as a table for the CSV / XLSX / JSON-LD download: the same query and filters
// as GET /api/search, read page by page so the whole result set is never held at once.
import type { Ctx } from '../../platform/context.ts';
import { translator, type Lang } from '../../platform/i18n/i18n.ts';
import type { TableRow, TableSource } from '../../platform/tabular/table-stream.ts';
import { type SearchInput, search } from './search.service.ts';

const PAGE = 200;
const COLUMNS = ['kind', 'title', 'codes', 'region', 'field', 'nqfLevel', 'organizationKind', 'link'] as const;

async function* searchRows(ctx: Ctx, input: Omit<SearchInput, 'limit' | 'offset'>, fallback: readonly Lang[], baseUrl: string): AsyncGenerator<TableRow> {
  for (let offset = 0; ; offset += PAGE) {
    const { items } = await search(ctx, { ...input, limit: PAGE, offset }, fallback);
    for (const item of items) {
      const cells = {
        kind: item.kind,
        title: item.title,
        codes: item.codes.join('; '),
        region: item.regionCode ?? '',
        field: item.fieldCode ?? '',
        nqfLevel: item.nqfLevel === null ? '' : String(item.nqfLevel),
        organizationKind: item.organizationKind ?? '',
        link: `${baseUrl}${item.href}`,
      };
      yield { id: `${baseUrl}${item.href}`, cells };
    }
    if (items.length < PAGE) return;
  }
}

export function searchTable(ctx: Ctx, input: Omit<SearchInput, 'limit' | 'offset'>, fallback: readonly Lang[], baseUrl: string): TableSource {
  const t = translator(input.lang);
  return {
    name: 'search',
    columns: COLUMNS.map((key) => ({ key, label: t(`listExport.${key}`) })),
    rows: searchRows(ctx, input, fallback, baseUrl),
    baseUrl,
    idOf: (id) => id,
  };
}

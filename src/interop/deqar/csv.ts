// DEQAR's CSV: one report per row, repeated elements as indexed columns (`institution[1].eter_id`,
// `programme[2].name_alternative[1]`, `file[1].report_language[1]`), headers case-insensitive,
// comma, semicolon or tab (as EQAR's submissionapi/csv_functions reads it). Pure: rows ↔ the
// report JSON the Submission API takes, so CSV and JSON share every check.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { DeqarReportJson } from './report.ts';

type Json = Record<string, unknown>;

/** How an indexed CSV column maps into the report JSON: the list, its element field, a nested list. */
const GROUPS: Array<{ column: string; list: string; nested?: Record<string, { list: string; field?: string }> }> = [
  { column: 'activities', list: 'activities' },
  { column: 'file', list: 'report_files', nested: { report_language: { list: 'report_language' } } },
  { column: 'institution', list: 'institutions' },
  { column: 'platform', list: 'platforms' },
  {
    column: 'programme',
    list: 'programmes',
    nested: {
      identifier: { list: 'identifiers', field: 'identifier' },
      resource: { list: 'identifiers', field: 'resource' },
      name_alternative: { list: 'name_alternative' },
      qualification_alternative: { list: 'qualification_alternative' },
      country: { list: 'countries' },
      learning_outcome: { list: 'learning_outcomes' },
    },
  },
];
const SCALARS = ['agency', 'report_id', 'local_identifier', 'status', 'decision', 'summary', 'valid_from', 'valid_to', 'date_format', 'other_comment'];

function slot(list: unknown[], index: number): Json {
  list[index] ??= {};
  return list[index] as Json;
}

/** One CSV row (header → cell) as the JSON report it stands for; empty cells and "-" are absent. */
export function reportOfRow(row: Record<string, string>): DeqarReportJson {
  const report: Json = {};
  const lists: Record<string, unknown[]> = {};
  const listOf = (name: string): unknown[] => {
    lists[name] = lists[name] ?? [];
    return lists[name];
  };
  for (const [rawHeader, rawValue] of Object.entries(row)) {
    const header = rawHeader.trim().toLowerCase();
    const value = rawValue?.trim() ?? '';
    if (value === '' || value === '-') continue;
    if (SCALARS.includes(header)) {
      report[header] = value;
      continue;
    }
    let m = /^contributing_agencies\[(\d+)\]$/.exec(header);
    if (m) {
      listOf('contributing_agencies')[Number(m[1]) - 1] = value;
      continue;
    }
    m = /^(link|link_display_name)\[(\d+)\]$/.exec(header);
    if (m) {
      slot(listOf('report_links'), Number(m[2]) - 1)[m[1] as string] = value;
      continue;
    }
    m = /^([a-z_]+)\[(\d+)\]\.([a-z_]+)(?:\[(\d+)\])?$/.exec(header);
    const group = m && GROUPS.find((g) => g.column === m?.[1]);
    if (!m || !group) continue;
    const element = slot(listOf(group.list), Number(m[2]) - 1);
    const field = m[3] as string;
    const nested = group.nested?.[field];
    if (m[4] && nested) {
      if (!Array.isArray(element[nested.list])) element[nested.list] = [];
      const inner = element[nested.list] as unknown[];
      if (nested.field) slot(inner, Number(m[4]) - 1)[nested.field] = value;
      else inner[Number(m[4]) - 1] = value;
    } else if (!m[4]) element[field] = value;
  }
  for (const [name, list] of Object.entries(lists)) report[name] = compact(list);
  report.institutions ??= [];
  return report as DeqarReportJson;
}

/** Lists without the holes that skipped indexes leave. */
function compact(list: unknown[]): unknown[] {
  return list
    .filter((item) => item !== undefined)
    .map((item) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, Array.isArray(v) ? compact(v) : v]))
        : item,
    );
}

/** The CSV cells of one report (column → value). */
export function rowOfReport(report: DeqarReportJson): Record<string, string> {
  const row: Record<string, string> = {};
  const r = report as Json;
  for (const name of SCALARS) if (typeof r[name] === 'string') row[name] = r[name] as string;
  ((r.contributing_agencies as string[] | undefined) ?? []).forEach((a, n) => {
    row[`contributing_agencies[${n + 1}]`] = a;
  });
  ((r.report_links as Json[] | undefined) ?? []).forEach((l, n) => {
    row[`link[${n + 1}]`] = String(l.link);
    if (l.link_display_name) row[`link_display_name[${n + 1}]`] = String(l.link_display_name);
  });
  for (const group of GROUPS) {
    ((r[group.list] as Json[] | undefined) ?? []).forEach((element, n) => {
      const base = `${group.column}[${n + 1}]`;
      for (const [field, value] of Object.entries(element)) {
        if (typeof value === 'string' || typeof value === 'number') row[`${base}.${field}`] = String(value);
      }
      for (const [column, nested] of Object.entries(group.nested ?? {})) {
        ((element[nested.list] as unknown[] | undefined) ?? []).forEach((item, k) => {
          const value = nested.field ? (item as Json)[nested.field] : item;
          if (typeof value === 'string') row[`${base}.${column}[${k + 1}]`] = value;
        });
      }
    });
  }
  return row;
}

/** Reports as one DEQAR CSV: the union of their columns, scalars first, in DEQAR's template order. */
export function reportsToCsv(reports: DeqarReportJson[]): string {
  const rows = reports.map(rowOfReport);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort(byTemplateOrder);
  return stringify([columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))]);
}

const ORDER = [...SCALARS.slice(0, 4), 'contributing_agencies', 'activities', ...SCALARS.slice(4), 'link', 'file', 'institution', 'platform', 'programme'];
function byTemplateOrder(a: string, b: string): number {
  const rank = (c: string) => {
    const i = ORDER.findIndex((o) => c === o || c.startsWith(`${o}[`));
    return i < 0 ? ORDER.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true });
}

/** A DEQAR CSV as its rows' reports, each with its line number (the header is line 1). */
export function reportsOfCsv(text: string): Array<{ line: number; report: DeqarReportJson }> {
  const records = parse(text, { bom: true, columns: true, delimiter: [',', ';', '\t'], skip_empty_lines: true, relax_column_count: true, info: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  return records.map(({ record, info }) => ({ line: info.lines, report: reportOfRow(record) }));
}

/** A JSON path of an issue (`institutions[1].eter_id`) as the CSV column it came from (`institution[1].eter_id`). */
export function columnOfPath(path: string): string {
  return path
    .replace(/^report_links\[(\d+)\]\.(link|link_display_name)$/, '$2[$1]')
    .replace(/^report_files\[/, 'file[')
    .replace(/^institutions\[/, 'institution[')
    .replace(/^platforms\[/, 'platform[')
    .replace(/^programmes\[(\d+)\]\.identifiers\[(\d+)\]\.(identifier|resource)$/, 'programme[$1].$3[$2]')
    .replace(/^programmes\[(\d+)\]\.countries\[/, 'programme[$1].country[')
    .replace(/^programmes\[(\d+)\]\.learning_outcomes\[/, 'programme[$1].learning_outcome[')
    .replace(/^programmes\[/, 'programme[');
}

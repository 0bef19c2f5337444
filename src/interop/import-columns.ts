// Declarative columns of a register's spreadsheet: what each column is called in kk, ru and en,
// where its value goes in the owning service's input, and how a cell turns into that value and
// back. Importer, templates and exports all use the same columns, so an exported file imports back.
import type { Lang } from '../platform/i18n/i18n.ts';
import { parseDay } from '../platform/tabular/dates.ts';

/** text; int; list (cells separated by ";"); day (ISO or dd.mm.yyyy); json (a structured part, e.g. courses). */
export type CellKind = 'text' | 'int' | 'list' | 'day' | 'json';

export type Column = {
  key: string;
  label: Record<Lang, string>;
  /** Dotted path in the service input ("name.kk"); absent for columns only exports carry (names of codes). */
  path?: string;
  kind: CellKind;
  /** Part of the natural key that matches a row to an existing record. */
  natural?: boolean;
  /** The file must have this column (natural keys without a default). */
  required?: boolean;
  example: string;
};

export const LIST_SEPARATOR = '; ';

export class CellError extends Error {
  readonly messageKey: string;
  constructor(messageKey: string) {
    super(messageKey);
    this.messageKey = messageKey;
  }
}

/** A cell's value for the service input; undefined for an empty cell. Throws CellError for a bad one. */
export function cellValue(kind: CellKind, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'text':
      return text;
    case 'int': {
      if (!/^-?\d+([.,]0+)?$/.test(text)) throw new CellError('errors.interop.cell.notInteger');
      return Number.parseInt(text, 10);
    }
    case 'list':
      return text.split(/[;|]/).map((v) => v.trim()).filter(Boolean);
    case 'day': {
      const day = parseDay(text);
      if (!day) throw new CellError('errors.interop.cell.notDate');
      return day;
    }
    case 'json':
      try {
        return JSON.parse(text);
      } catch {
        throw new CellError('errors.interop.cell.notJson');
      }
  }
}

/** The cell a value is written as (the inverse of cellValue). */
export function cellText(kind: CellKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'list':
      return (value as unknown[]).join(LIST_SEPARATOR);
    case 'json':
      return (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value as object).length === 0) ? '' : JSON.stringify(value);
    default:
      return String(value);
  }
}

export function getPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[part];
  return value;
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1) as string] = value;
}

const normalize = (s: string) => s.trim().toLowerCase().replace(/[\s_*()]+/g, '');

/** Which column each header names, in any of the three languages or by its key; null for unknown ones. */
export function matchHeaders(columns: readonly Column[], header: readonly string[]): (Column | null)[] {
  const byName = new Map<string, Column>();
  for (const c of columns) for (const name of [c.key, c.label.kk, c.label.ru, c.label.en]) byName.set(normalize(name), c);
  return header.map((h) => byName.get(normalize(h)) ?? null);
}

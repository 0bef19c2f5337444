// Reading and checking a CSV of learners before anything is issued: every bad row and column is
// reported at once. Pure (no database); the row numbers are the file's line numbers (header = 1).
import { createHash } from 'node:crypto';
import { parseDay } from '../platform/tabular/dates.ts';
import { type Table, readCsvText } from '../platform/tabular/read-table.ts';

export type BatchRow = { name: string; email: string | null; identifier: string; awardedOn: string; grade: string | null };
export type RowIssue = { column: string; messageKey: string; params: Record<string, string | number> };
export type CheckedRow = { row: number; data: Record<string, string>; value: BatchRow | null; issues: RowIssue[]; key: string | null };
export type FileProblem = { messageKey: string; params?: Record<string, string | number> };

export const MAX_BATCH_ROWS = 10_000;

const COLUMN_ALIASES: Record<keyof BatchRow, string[]> = {
  name: ['name', 'fullname', 'learner', 'learnername', 'фио', 'атыжөні', 'аты-жөні', 'имя'],
  email: ['email', 'e-mail', 'mail', 'почта', 'электроннаяпочта', 'электрондықпошта'],
  identifier: ['identifier', 'id', 'iin', 'иин', 'жсн', 'studentid', 'studentnumber', 'номер'],
  awardedOn: ['date', 'dateofaward', 'awardedon', 'awarded', 'awarddate', 'дата', 'датаприсвоения', 'күні', 'берілгенкүні'],
  grade: ['grade', 'mark', 'оценка', 'баға', 'бағасы'],
};

const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/[\s_]+/g, '');

/** The canonical column a header names, or null for columns Sapa ignores. */
export function columnOf(header: string): keyof BatchRow | null {
  const h = normalizeHeader(header);
  for (const [column, aliases] of Object.entries(COLUMN_ALIASES)) if (aliases.includes(h)) return column as keyof BatchRow;
  return null;
}

/** Kazakhstan's IIN: 12 digits, the last a check digit over the first 11 (two weight passes). */
export function isValidIin(iin: string): boolean {
  if (!/^\d{12}$/.test(iin)) return false;
  const d = [...iin].map(Number);
  const sum = (weights: number[]) => weights.reduce((s, w, i) => s + w * (d[i] as number), 0) % 11;
  let check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === d[11];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The per-row idempotency key: the same learner and date of award under one specification issue once. */
export function rowKey(specificationId: string, identifier: string, awardedOn: string): string {
  const who = createHash('sha256').update(identifier.trim().toLowerCase()).digest('hex').slice(0, 32);
  return `spec:${specificationId}:${who}:${awardedOn}`;
}

/** Content key of a whole batch: the same file for the same specification is one batch. */
export function contentHash(specificationId: string, partial: boolean, csv: string): string {
  const text = csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim();
  return createHash('sha256').update(`${specificationId}\n${partial}\n${text}`).digest('hex');
}

/**
 * Parses and checks every row. `identification` is the specification's learner identification:
 * e-mail identification needs the e-mail, IIN identification a valid IIN.
 */
export function checkBatchCsv(
  csv: string,
  options: { specificationId: string; identification: string; today: string },
): { ok: true; rows: CheckedRow[] } | { ok: false; problem: FileProblem } {
  // A file decoded with the wrong encoding would be issued with names like "����": refuse it.
  if (csv.includes('\uFFFD')) return { ok: false, problem: { messageKey: 'errors.product.batch.unreadable', params: { message: 'U+FFFD' } } };
  let table: Pick<Table, 'header' | 'rows'>;
  try {
    table = readCsvText(csv);
  } catch (error) {
    return { ok: false, problem: { messageKey: 'errors.product.batch.unreadable', params: { message: (error as Error).message } } };
  }
  return checkBatchTable(table, options);
}

/** Checks the rows of a file already read (CSV in any encoding or XLSX, by the shared reader). */
export function checkBatchTable(
  table: Pick<Table, 'header' | 'rows'>,
  options: { specificationId: string; identification: string; today: string },
): { ok: true; rows: CheckedRow[] } | { ok: false; problem: FileProblem } {
  const columns = table.header.map((h) => columnOf(h) ?? `ignored:${h}`);
  const records = table.rows.map(({ line, cells }) => ({ info: { lines: line }, record: Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) }));
  const present = new Set(columns);
  for (const required of ['name', 'awardedOn'] as const) {
    if (!present.has(required)) return { ok: false, problem: { messageKey: 'errors.product.batch.missingColumn', params: { column: required } } };
  }
  const idColumn = options.identification === 'email' ? 'email' : 'identifier';
  if (!present.has(idColumn)) return { ok: false, problem: { messageKey: 'errors.product.batch.missingColumn', params: { column: idColumn } } };
  if (records.length === 0) return { ok: false, problem: { messageKey: 'errors.product.batch.emptyFile' } };
  if (records.length > MAX_BATCH_ROWS) return { ok: false, problem: { messageKey: 'errors.product.batch.tooManyRows', params: { maximum: MAX_BATCH_ROWS } } };

  const firstSeen = new Map<string, number>();
  return {
    ok: true,
    rows: records.map(({ record, info }) => {
      const row = info.lines;
      const data = Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('ignored:'))) as Record<string, string>;
      const issues: RowIssue[] = [];
      const issue = (column: string, key: string, params: Record<string, string | number> = {}) =>
        issues.push({ column, messageKey: `errors.product.row.${key}`, params: { row, column, ...params } });
      const get = (c: keyof BatchRow) => (data[c] ?? '').trim();
      const name = get('name');
      const email = get('email');
      const identifier = get('identifier') || (options.identification === 'email' ? email : '');
      const writtenOn = get('awardedOn');
      const awardedOn = parseDay(writtenOn) ?? writtenOn;
      const grade = get('grade');
      if (!name) issue('name', 'required');
      else if (name.length > 300) issue('name', 'tooLong', { maximum: 300 });
      if (email && !EMAIL.test(email)) issue('email', 'invalidEmail');
      if (!email && options.identification === 'email') issue('email', 'required');
      if (!identifier && options.identification !== 'email') issue('identifier', 'required');
      else if (options.identification === 'iin' && identifier && !isValidIin(identifier)) issue('identifier', 'invalidIin');
      else if (identifier.length > 100) issue('identifier', 'tooLong', { maximum: 100 });
      if (!awardedOn) issue('date', 'required');
      else if (!parseDay(awardedOn)) issue('date', 'invalidDate');
      else if (awardedOn > options.today) issue('date', 'futureDate');
      if (grade.length > 50) issue('grade', 'tooLong', { maximum: 50 });
      let key: string | null = null;
      if (identifier && parseDay(awardedOn)) {
        key = rowKey(options.specificationId, identifier, awardedOn);
        const first = firstSeen.get(key);
        if (first !== undefined) issue(idColumn, 'duplicate', { first });
        else firstSeen.set(key, row);
      }
      const value = issues.length ? null : { name, email: email || null, identifier, awardedOn, grade: grade || null };
      return { row, data, value, issues, key: issues.length ? null : key };
    }),
  };
}

/** Content key of a file read as a table (XLSX, or CSV bytes in any encoding): its cells, not its bytes. */
export function tableContentHash(specificationId: string, partial: boolean, table: Pick<Table, 'header' | 'rows'>): string {
  const text = [table.header, ...table.rows.map((r) => r.cells)].map((cells) => cells.join('\u001f')).join('\n');
  return createHash('sha256').update(`${specificationId}\n${partial}\ntable\n${text}`).digest('hex');
}

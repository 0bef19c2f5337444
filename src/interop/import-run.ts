// The importer: one engine for every register. Reads the rows, checks each with the owning
// module's own service inside one transaction (so its rules, references, audit, history and search
// index apply exactly as for a single record), and then either rolls everything back (a preview,
// or any problem anywhere) or commits it all. Each row runs under a savepoint, so a row the service
// refuses is listed and the following rows are still checked: one upload reports every problem.
import { sql } from 'kysely';
import type { Ctx } from '../platform/context.ts';
import { beginBulkSession, endBulkSession, flushBulkWrites, queuedBulkWrites, rowKept, rowRolledBack } from '../platform/db/bulk-session.ts';
import { AppError } from '../platform/errors.ts';
import { fieldIssuesFromZod } from '../platform/http/zod-issues.ts';
import { translator } from '../platform/i18n/i18n.ts';
import type { Table } from '../platform/tabular/read-table.ts';
import { CellError, type Column, cellValue, getPath, matchHeaders, setPath } from './import-columns.ts';
import type { AnyDescriptor, CellProblem } from './import-descriptor.ts';

export type RowAction = 'create' | 'update' | 'unchanged' | 'invalid';
export type ImportProblem = { row: number; column: string | null; key: string; message: string };
export type ImportOutcome = {
  register: string;
  format: Table['format'];
  encoding: string | null;
  delimiter: string | null;
  committed: boolean;
  total: number;
  create: number;
  update: number;
  unchanged: number;
  ignoredColumns: string[];
  rows: { row: number; action: RowAction; key: string }[];
  problems: ImportProblem[];
};

export type RunOptions = {
  commit: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Called before each row is written (tests abort the transaction at a chosen row with it). */
  beforeRow?: (row: number) => void;
};

/** Queued writes of kept rows that are written out together (bounds the memory a big file holds). */
const FLUSH_EVERY = 600;
/** Rows whose stored records are read in one query (registers with `findMany`). */
const FIND_CHUNK = 250;

class RollBack extends Error {}
/** The fast pass met a row the service refuses: start again with a savepoint per row to list every problem. */
class NeedsSavepoints extends Error {}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Equality of imported and stored values, blind to key order and to the ways of saying "nothing". */
function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

function columnOfPath(descriptor: AnyDescriptor, path: string): Column | null {
  const aliased = descriptor.pathAliases?.[path] ?? path;
  return (
    descriptor.columns.find((c) => c.path === aliased || c.key === aliased) ??
    descriptor.columns.find((c) => c.path && aliased.startsWith(`${c.path}.`)) ??
    null
  );
}

function problemsOfError(descriptor: AnyDescriptor, error: AppError): CellProblem[] {
  const issues = error.details.issues ?? [];
  if (!issues.length) return [{ column: null, messageKey: error.messageKey, params: error.details.params }];
  return issues.map((i) => ({ column: columnOfPath(descriptor, i.path)?.key ?? null, messageKey: i.messageKey, params: i.params }));
}

export async function runImport(ctx: Ctx, descriptor: AnyDescriptor, table: Table, options: RunOptions): Promise<ImportOutcome> {
  const t = translator(ctx.lang);
  const matched = matchHeaders(descriptor.columns, table.header);
  const present = new Set(matched.filter((c): c is Column => c !== null).map((c) => c.key));
  const labelOf = (key: string | null) => {
    const column = key ? descriptor.columns.find((c) => c.key === key) : undefined;
    return column ? column.label[ctx.lang] : null;
  };
  const outcome: ImportOutcome = {
    register: descriptor.register,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    committed: false,
    total: table.rows.length,
    create: 0,
    update: 0,
    unchanged: 0,
    ignoredColumns: table.header.filter((_, i) => matched[i] === null && table.header[i] !== ''),
    rows: [],
    problems: [],
  };
  const report = (row: number, problems: CellProblem[]) => {
    for (const p of problems) {
      const column = labelOf(p.column);
      const message = t(p.messageKey, { row, column: column ?? '', ...p.params });
      outcome.problems.push({
        row,
        column,
        key: p.messageKey,
        message: column ? t('errors.interop.at', { row, column, message }) : t('errors.interop.atRow', { row, message }),
      });
    }
  };
  for (const column of descriptor.columns.filter((c) => c.required)) {
    if (!present.has(column.key)) report(1, [{ column: column.key, messageKey: 'errors.interop.missingColumn' }]);
  }
  if (outcome.problems.length) return outcome;

  type Prepared = { line: number; input: Record<string, unknown>; problems: CellProblem[]; naturalKey: string; checked?: { data: unknown } | null };
  const naturalColumns = descriptor.columns.filter((c) => c.natural);
  /** A row's cells as the service's input, and the problems of its cells. */
  const prepare = (line: number, cells: string[], firstRowOfKey: Map<string, number>): Prepared => {
    const input: Record<string, unknown> = {};
    const problems: CellProblem[] = [];
    matched.forEach((column, i) => {
      if (!column?.path) return;
      try {
        const value = cellValue(column.kind, cells[i] ?? '');
        if (value !== undefined) setPath(input, column.path, value);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        problems.push({ column: column.key, messageKey: error.messageKey });
      }
    });
    const naturalKey = naturalColumns.map((c) => String(getPath(input, c.path ?? c.key) ?? '').toUpperCase()).join('|');
    const first = firstRowOfKey.get(naturalKey);
    if (first !== undefined) problems.push({ column: null, messageKey: 'errors.interop.duplicateRow', params: { first } });
    else firstRowOfKey.set(naturalKey, line);
    return { line, input, problems, naturalKey };
  };
  /** References resolved and the service's schema applied: the parsed input, or null with the row's problems. */
  const check = async (trx: Ctx, row: Prepared): Promise<{ data: unknown } | null> => {
    try {
      row.problems.push(...(await descriptor.resolve(trx, row.input)));
      if (row.problems.length) return null;
      const parsed = descriptor.schema.safeParse(row.input);
      if (parsed.success) return { data: parsed.data };
      for (const issue of fieldIssuesFromZod(parsed.error)) {
        row.problems.push({ column: columnOfPath(descriptor, issue.path)?.key ?? null, messageKey: issue.messageKey, params: issue.params });
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      row.problems.push(...problemsOfError(descriptor, error));
    }
    return null;
  };

  // A fast pass first, without a savepoint per row (two round trips less a row): while every row is
  // accepted nothing needs undoing row by row. At the first row the service refuses, the pass is
  // rolled back and the file runs again with savepoints, so that every problem is still listed.
  // Registers with `findMany` take their rows a chunk at a time: the chunk's references are resolved
  // first and the records its rows update are read in one query; a record a row of the run has
  // already written is read again by itself (`find`), so later rows see earlier ones' writes.
  const work = async (trx: Ctx, savepoints: boolean) => {
    const firstRowOfKey = new Map<string, number>();
    const written = new Set<string>();
    Object.assign(outcome, { create: 0, update: 0, unchanged: 0, rows: [], problems: [] });
    let done = 0;
    const chunk = descriptor.findMany ? FIND_CHUNK : 1;
    for (let start = 0; start < table.rows.length; start += chunk) {
      const rows = table.rows.slice(start, start + chunk).map(({ line, cells }) => prepare(line, cells, firstRowOfKey));
      let stored: Map<string, unknown> | null = null;
      if (descriptor.findMany) {
        for (const row of rows) if (!row.problems.length) row.checked = await check(trx, row);
        const wanted = rows.filter((r) => r.checked && !written.has(descriptor.findMany?.key(r.checked.data) ?? ''));
        stored = wanted.length ? await descriptor.findMany.load(trx, wanted.map((r) => r.checked?.data)) : new Map();
      }
      for (const row of rows) {
        const { line, problems, naturalKey } = row;
        let action: RowAction = 'invalid';
        if (!problems.length) {
          options.beforeRow?.(line);
          if (savepoints) await sql`savepoint import_row`.execute(trx.db);
          try {
            const parsed = row.checked === undefined ? await check(trx, row) : row.checked;
            if (parsed) {
              const key = descriptor.findMany?.key(parsed.data);
              const current = key !== undefined && stored && !written.has(key) ? (stored.get(key) ?? null) : await descriptor.find(trx, parsed.data);
              if (!current) {
                await descriptor.create(trx, parsed.data);
                action = 'create';
              } else if (descriptor.columns.every((c) => !c.path || !present.has(c.key) || sameValue(getPath(parsed.data, c.path), getPath(current, c.path)))) {
                action = 'unchanged';
              } else {
                await descriptor.update(trx, current, parsed.data, present);
                action = 'update';
              }
              if (key !== undefined && action !== 'unchanged') written.add(key);
            }
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            problems.push(...problemsOfError(descriptor, error));
          }
          if (problems.length && !savepoints) throw new NeedsSavepoints();
          if (problems.length) {
            action = 'invalid';
            await sql`rollback to savepoint import_row`.execute(trx.db);
            rowRolledBack(trx.db);
          } else rowKept(trx.db);
          if (savepoints) await sql`release savepoint import_row`.execute(trx.db);
          // The kept rows' audit entries, versions and search documents, many to a statement.
          if (queuedBulkWrites(trx.db) >= FLUSH_EVERY) await flushBulkWrites(trx.db);
        }
        report(line, problems);
        if (action !== 'invalid') outcome[action]++;
        outcome.rows.push({ row: line, action, key: naturalKey });
        options.onProgress?.(++done, table.rows.length);
      }
    }
    if (!options.commit || outcome.problems.length) throw new RollBack();
    await flushBulkWrites(trx.db);
  };
  // Reference reads are shared across rows; audit entries, versions and search documents are written many to a statement (bulk-session.ts).
  const inBulkSession = async (trx: Ctx, savepoints: boolean) => {
    beginBulkSession(trx.db);
    try {
      await work(trx, savepoints);
    } finally {
      endBulkSession(trx.db);
    }
  };
  const attempt = async (savepoints: boolean) => {
    if (ctx.db.isTransaction) {
      await sql`savepoint import_all`.execute(ctx.db);
      try {
        await inBulkSession(ctx, savepoints);
        await sql`release savepoint import_all`.execute(ctx.db);
      } catch (error) {
        await sql`rollback to savepoint import_all`.execute(ctx.db);
        throw error;
      }
    } else {
      await ctx.db.transaction().execute((trx) => inBulkSession({ ...ctx, db: trx }, savepoints));
    }
  };
  try {
    try {
      await attempt(false);
    } catch (error) {
      if (!(error instanceof NeedsSavepoints)) throw error;
      await attempt(true);
    }
    outcome.committed = true;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return outcome;
}

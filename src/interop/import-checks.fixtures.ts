// The checks every register's importer test makes the same way: all bad rows listed with their
// column, a commit killed at a chosen row leaving nothing behind, the same file in every encoding
// and delimiter, a register's export collected for the round trip, and the database they run on.
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { silentLogger } from '../../test/helpers/logger.ts';
import { systemActor } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { csvLine } from '../platform/tabular/write-cell.ts';
import { type ExportFormat, exportStream } from './export-register.ts';
import type { RegisterName } from './import-descriptor.ts';
import { commitImport, previewImport, registerDescriptor } from './import-service.ts';

type Outcome = Awaited<ReturnType<typeof commitImport>>;

/** Rows 2 … count+1 of the file (after its header) are each listed, every problem with its column. */
export function assertEveryBadRowListed(outcome: Outcome, count: number): void {
  assert.equal(outcome.committed, false);
  assert.deepEqual(
    [...new Set(outcome.problems.map((p) => p.row))],
    Array.from({ length: count }, (_, i) => i + 2),
  );
  assert.ok(
    outcome.problems.every((p) => p.column !== null),
    JSON.stringify(outcome.problems.filter((p) => !p.column)),
  );
}

/** A commit aborted at data row 3 is refused as a whole. */
export async function assertAbortAtRowRefused(ctx: Ctx, register: RegisterName, file: Buffer): Promise<void> {
  await assert.rejects(
    commitImport(ctx, register, file, {
      beforeRow: (r) => {
        if (r === 3) throw new Error('killed at row 3');
      },
    }),
    /killed at row 3/,
  );
}

/**
 * The same CSV in every encoding and delimiter the importer reads: UTF-8 with and without BOM,
 * UTF-16 LE and BE with BOM, Windows-1251 (for text without Kazakh letters), semicolon and tab.
 */
export function encodingVariants(rows: string[][]): [string, Uint8Array][] {
  const text = csvOf(rows);
  return [
    ['utf-8', Buffer.from(text)],
    ['utf-8 bom', Buffer.from(`\uFEFF${text}`)],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')])],
    ['windows-1251', iconv.encode(text, 'windows-1251')],
    ['semicolon', Buffer.from(csvOf(rows, ';'))],
    ['tab', Buffer.from(csvOf(rows, '\t'))],
  ];
}

/** Every variant previews without a problem as `creates` new records, and commits nothing. */
export async function assertEveryVariantPreviews(ctx: Ctx, register: RegisterName, variants: [string, Uint8Array][], creates: number): Promise<void> {
  for (const [name, bytes] of variants) {
    const preview = await previewImport(ctx, register, bytes);
    assert.deepEqual(preview.problems, [], name);
    assert.equal(preview.create, creates, name);
    assert.equal(preview.committed, false, name);
  }
}

export const csvOf = (rows: string[][], delimiter = ','): string => rows.map((r) => csvLine(r, delimiter)).join('');

/** A register's export, streamed and collected, as the importer would receive it back. */
export async function exported(ctx: Ctx, register: RegisterName, format: ExportFormat, lang: Lang): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of exportStream(ctx, registerDescriptor(register), format, { lang, baseUrl: 'https://sapa.test' })) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A fresh test database and a system context on it: what every importer test file starts from. */
export async function importerDatabase(): Promise<{ database: TestDatabase; ctx: Ctx }> {
  const database = await createTestDatabase();
  return { database, ctx: { db: database.db, actor: systemActor('test'), lang: 'en', log: silentLogger, requestId: null } };
}

/** How many rows a table holds (what an import stored, or did not). */
export async function rowCount(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

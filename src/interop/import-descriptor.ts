// What the importer needs to know about one register: its columns, how a row's cells become the
// owning service's input (references such as an organization's BIN resolved to ids), how a row
// finds the record it updates (the natural key), and which service calls create and update it.
import type { z } from 'zod';
import type { Action } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import type { Column } from './import-columns.ts';

export type RegisterName = 'programmes' | 'organizations' | 'licences' | 'qualifications' | 'decisions' | 'occupational-standards' | 'certification-centres' | 'statistics';

/** A problem with one cell (or a whole row when column is null): a catalog key, resolved per language. */
export type CellProblem = { column: string | null; messageKey: string; params?: Record<string, string | number> };

export type ImportDescriptor<Input, Current extends { id?: string }> = {
  register: RegisterName;
  /** Who may import: holders of this action (for any organization; each row is checked again by the service). */
  permission: Action;
  columns: readonly Column[];
  /** The service's own input schema: the rules of the owning module apply to every row. */
  schema: z.ZodType<Input>;
  /** Turns references in the cells (BINs, codes) into ids; returns problems for unknown ones. */
  resolve(ctx: Ctx, input: Record<string, unknown>): Promise<CellProblem[]>;
  /** The existing record this row updates, by its natural key. */
  find(ctx: Ctx, input: Input): Promise<Current | null>;
  /**
   * Optional: the existing records of many rows in one query (the importer reads a chunk of rows at
   * a time), keyed as `key` keys an input; a row without an entry creates its record.
   */
  findMany?: { key(input: Input): string; load(ctx: Ctx, inputs: readonly Input[]): Promise<Map<string, Current>> };
  create(ctx: Ctx, input: Input): Promise<unknown>;
  update(ctx: Ctx, current: Current, input: Input, presentColumns: ReadonlySet<string>): Promise<unknown>;
  /** Records as cells (keyed by column key), names in the reader's language; one call per page. */
  cells(ctx: Ctx, records: readonly Current[], lang: Lang): Promise<Record<string, string>[]>;
  /** A page of the register in a stable order after the record with id `after`, for exports and dumps. */
  page(ctx: Ctx, options: PageOptions): Promise<Current[]>;
  /** Service error paths that are not a column's path (e.g. "organizationId" → "organization"). */
  pathAliases?: Record<string, string>;
};

/** `publicOnly`: only what the public sees, whoever asks (dumps); otherwise what the actor may read. */
export type PageOptions = { after?: string; limit: number; synthetic?: boolean; publicOnly?: boolean };

// biome-ignore lint/suspicious/noExplicitAny: a list of descriptors of different registers
export type AnyDescriptor = ImportDescriptor<any, any>;

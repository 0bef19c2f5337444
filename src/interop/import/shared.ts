// Pieces the register descriptors share: the organization column (a BIN or key in the file, an id in
// the service input) and the patch an update sends (only the parts the file has columns for, so a
// file without, say, a courses column leaves the courses as they are).
import type { Ctx } from '../../platform/context.ts';
import { rememberedReference } from '../../platform/db/bulk-session.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { organizationByIdentity, organizationIdentities } from '../../registry/registry-bulk.api.ts';
import { type Column, cellText, getPath } from '../import-columns.ts';
import type { CellProblem } from '../import-descriptor.ts';

export const label = (kk: string, ru: string, en: string) => ({ kk, ru, en });

/** The organization a row belongs to (its BIN or key, required) and, in exports only, its name. */
export function organizationColumns(options: { natural: boolean; nameExample?: string }): Column[] {
  return [
    {
      key: 'organization',
      required: true,
      label: label('Ұйым (БСН немесе кілт)', 'Организация (БИН или ключ)', 'Organization (BIN or key)'),
      path: 'organization',
      kind: 'text',
      natural: options.natural,
      example: '000140001234',
    },
    { key: 'organizationName', label: label('Ұйым атауы', 'Название организации', 'Organization name'), kind: 'text', example: options.nameExample ?? '' },
  ];
}

/** Replaces input[cellPath] (a BIN or key) by input[idPath] (the organization's id). */
export async function resolveOrganization(
  ctx: Ctx,
  input: Record<string, unknown>,
  columnKey: string,
  cellPath: string,
  idPath: string,
): Promise<CellProblem[]> {
  const identity = input[cellPath];
  delete input[cellPath];
  if (identity === undefined) return [];
  // Registers that name an organization by BIN never write organizations: one look-up per BIN per run.
  const organization = await rememberedReference(ctx.db, `organizationByIdentity|${identity}`, () => organizationByIdentity(ctx.db, String(identity)));
  if (!organization) return [{ column: columnKey, messageKey: 'errors.interop.unknownOrganization', params: { value: String(identity) } }];
  input[idPath] = organization.id;
  return [];
}

/** The identity (BIN or key) and the name in the reader's language of each organization id. */
export async function organizationCells(ctx: Ctx, ids: readonly (string | null)[], lang: Lang) {
  const found = await organizationIdentities(
    ctx.db,
    ids.filter((id): id is string => !!id),
  );
  return (id: string | null) => {
    const o = id ? found.get(id) : undefined;
    return { identity: o?.identity ?? '', name: o ? (o.name[lang] ?? o.name.ru) : '' };
  };
}

/** The top-level input fields the file's columns fill. */
export function patchOf<T extends Record<string, unknown>>(
  columns: readonly Column[],
  present: ReadonlySet<string>,
  input: T,
  immutable: readonly string[],
): Partial<T> {
  const patch: Record<string, unknown> = {};
  for (const c of columns) {
    if (!c.path || !present.has(c.key) || c.natural) continue;
    const top = c.path.split('.')[0] as string;
    if (!immutable.includes(top)) patch[top] = input[top];
  }
  return patch as Partial<T>;
}

/** A record's cells for the columns that map to its fields. */
export function cellsOf(columns: readonly Column[], record: unknown): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c.key, c.path ? cellText(c.kind, getPath(record, c.path)) : '']));
}

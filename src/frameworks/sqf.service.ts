// Sectoral qualification frameworks: passport (sector, OKED activities, developer), sector level
// descriptors with sub-levels, and the map of professional qualifications linked to ISCO-08, NKZ
// and OKED. Every change is versioned, audited and indexed for search.
import type { Ctx } from '../platform/context.ts';
import { requirePermission } from '../platform/context.ts';
import type { Source } from '../platform/db/schema.ts';
import { AppError, type FieldIssue, notFound, validationFailed } from '../platform/errors.ts';
import { type RecordKind, recordAsOf, recordHistory, recordsAsOf, saveVersion } from '../platform/records/record.ts';
import { type ExpectedVersion, expectedVersion, refuseStale, updatedOrStale } from '../platform/records/versioned.ts';
import { upsertSearchDocument } from '../platform/search/search-index.ts';
import { sqfIssues } from './framework-rules.ts';
import type { Sqf, SqfDetail, SqfInput, SqfPatch } from './sqf.schema.ts';
import * as repo from './sqf.repository.ts';

export const SQF = 'sqf';

export function presentSqf(r: repo.SqfRow): Sqf {
  return {
    id: r.id,
    code: r.code,
    name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
    sector: { kk: r.sector_kk, ru: r.sector_ru, en: r.sector_en },
    okedCodes: r.oked_codes,
    developer: r.developer,
    approvedOn: r.approved_on,
    edition: r.version,
    status: r.status,
    levels: r.levels,
    isSynthetic: r.is_synthetic,
    source: r.source,
    version: r.row_version,
    updatedAt: r.updated_at.toISOString(),
  };
}

const presentQualification = (q: repo.SqfQualificationRow): SqfDetail['qualifications'][number] => ({
  code: q.code,
  name: { kk: q.name_kk, ru: q.name_ru, en: q.name_en },
  nqfLevel: q.nqf_level,
  sublevel: q.sublevel,
  iscoCodes: q.isco_codes,
  nkzCodes: q.nkz_codes,
  okedCodes: q.oked_codes,
});

/** The summary of a stored version (versions keep the whole map; lists show the passport). */
const summaryOf = ({ qualifications: _q, ...sqf }: SqfDetail): Sqf => sqf;

export type ListSqfsQuery = repo.SqfFilters & { limit: number; offset: number; asOf?: string };

/** Filters that past versions can answer: equality on a stored field (see snapshotAsOf). */
const AS_OF_FILTERS = ['status'] as const;

export function refuseFiltersWithAsOf(q: Record<string, unknown>, allowed: readonly string[], filters: readonly string[]): void {
  if (!q.asOf) return;
  const issues: FieldIssue[] = filters
    .filter((f) => !allowed.includes(f) && q[f] !== undefined)
    .map((f) => ({ path: `query.${f}`, messageKey: 'errors.field.notWithAsOf' }));
  if (issues.length) throw validationFailed(issues);
}

export async function listSqfs(ctx: Ctx, q: ListSqfsQuery) {
  refuseFiltersWithAsOf(q, AS_OF_FILTERS, ['sector', 'developer', 'oked', 'status', 'q']);
  if (q.asOf) {
    const then = await recordsAsOf<SqfDetail>(ctx, sqfRecord, q.asOf, { status: q.status }, q);
    return { items: then.items.map(summaryOf), total: then.total };
  }
  const { items, total } = await repo.listSqfs(ctx.db, q, q);
  return { items: items.map(presentSqf), total };
}

async function detailOf(ctx: Ctx, row: repo.SqfRow): Promise<SqfDetail> {
  return { ...presentSqf(row), qualifications: (await repo.listQualifications(ctx.db, row.id)).map(presentQualification) };
}

export async function getSqf(ctx: Ctx, id: string, asOf?: string): Promise<SqfDetail> {
  if (asOf) {
    const then = await recordAsOf<SqfDetail>(ctx, sqfRecord, id, asOf);
    if (!then) throw notFound(SQF, id);
    return then;
  }
  const row = await repo.findSqf(ctx.db, id);
  if (!row) throw notFound(SQF, id);
  return detailOf(ctx, row);
}

async function refuseDuplicateCode(ctx: Ctx, code: string | undefined, exceptId?: string): Promise<void> {
  if (!code) return;
  const clash = await repo.findSqfByCode(ctx.db, code);
  if (!clash || clash.id === exceptId) return;
  const issue: FieldIssue = { path: 'code', messageKey: 'errors.field.codeTaken', params: { entity: SQF, code } };
  throw new AppError('duplicate', 409, issue.messageKey, { params: issue.params, issues: [issue], extra: { existingId: clash.id } });
}

async function indexSqf(ctx: Ctx, s: SqfDetail): Promise<void> {
  await upsertSearchDocument(ctx.db, {
    entityType: SQF,
    entityId: s.id,
    title: s.name,
    aliases: [s.sector.kk, s.sector.ru, s.sector.en],
    codes: [s.code, ...s.okedCodes],
    body: [
      s.developer,
      ...s.qualifications.flatMap((q) => [q.code, q.name.kk, q.name.ru, q.name.en, ...q.iscoCodes, ...q.nkzCodes]),
      ...s.levels.flatMap((l) => [l.descriptor.kk, l.descriptor.ru, l.descriptor.en]),
    ],
    facets: { status: s.status },
    isSynthetic: s.isSynthetic,
  });
}

export const sqfRecord: RecordKind<SqfDetail> = { entityType: SQF, index: indexSqf };

const qualificationValues = (qs: SqfInput['qualifications']): repo.SqfQualificationValues[] =>
  qs.map((q) => ({ ...q, sublevel: q.sublevel ?? null }));

export async function createSqf(ctx: Ctx, input: SqfInput, meta: { isSynthetic?: boolean; source?: Source; at?: Date } = {}): Promise<SqfDetail> {
  requirePermission(ctx, 'sqf.manage');
  const issues = sqfIssues(input);
  if (issues.length) throw validationFailed(issues);
  await refuseDuplicateCode(ctx, input.code);
  const row = await repo.insertSqf(
    ctx.db,
    {
      code: input.code,
      name_kk: input.name.kk,
      name_ru: input.name.ru,
      name_en: input.name.en,
      sector_kk: input.sector.kk,
      sector_ru: input.sector.ru,
      sector_en: input.sector.en,
      oked_codes: input.okedCodes,
      developer: input.developer,
      approved_on: input.approvedOn ?? null,
      version: input.edition,
      status: input.status,
      levels: input.levels.map((l) => ({ level: l.level, sublevel: l.sublevel ?? null, descriptor: l.descriptor })),
      is_synthetic: meta.isSynthetic ?? false,
      source: meta.source ?? null,
    },
    meta.at,
  );
  await repo.replaceQualifications(ctx.db, row.id, qualificationValues(input.qualifications));
  return saveVersion(ctx, sqfRecord, { action: 'sqf.create', before: null, after: await detailOf(ctx, row), at: meta.at });
}

/** `ifMatch` (or the patch's `version`) is the version the caller read; a newer one refuses the write. */
export async function updateSqf(ctx: Ctx, id: string, patch: SqfPatch, ifMatch?: ExpectedVersion): Promise<SqfDetail> {
  requirePermission(ctx, 'sqf.manage');
  const current = await repo.findSqf(ctx.db, id);
  if (!current) throw notFound(SQF, id);
  const expected = expectedVersion(ifMatch, patch.version);
  refuseStale(expected, current.row_version);
  const before = await detailOf(ctx, current);
  // The rules see the framework as it will be: new levels with the stored map, or the reverse.
  const issues = sqfIssues({
    okedCodes: patch.okedCodes,
    levels: patch.levels ?? (patch.qualifications ? before.levels : undefined),
    qualifications: patch.qualifications ?? (patch.levels ? before.qualifications : undefined),
  });
  if (issues.length) throw validationFailed(issues);
  await refuseDuplicateCode(ctx, patch.code, id);
  const updated = await repo.updateSqf(ctx.db, id, {
    ...(patch.code !== undefined && { code: patch.code }),
    ...(patch.name !== undefined && { name_kk: patch.name.kk, name_ru: patch.name.ru, name_en: patch.name.en }),
    ...(patch.sector !== undefined && { sector_kk: patch.sector.kk, sector_ru: patch.sector.ru, sector_en: patch.sector.en }),
    ...(patch.okedCodes !== undefined && { oked_codes: patch.okedCodes }),
    ...(patch.developer !== undefined && { developer: patch.developer }),
    ...(patch.approvedOn !== undefined && { approved_on: patch.approvedOn }),
    ...(patch.edition !== undefined && { version: patch.edition }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.levels !== undefined && { levels: patch.levels.map((l) => ({ level: l.level, sublevel: l.sublevel ?? null, descriptor: l.descriptor })) }),
  }, expected);
  const row = await updatedOrStale(updated, expected, () => repo.findSqf(ctx.db, id));
  if (patch.qualifications !== undefined) await repo.replaceQualifications(ctx.db, id, qualificationValues(patch.qualifications));
  return saveVersion(ctx, sqfRecord, { action: 'sqf.update', before, after: await detailOf(ctx, row) });
}

export async function sqfHistory(ctx: Ctx, id: string) {
  return recordHistory(ctx, sqfRecord, id);
}

// Sectoral qualification frameworks: passport (sector, OKED activities, developer), sector level
// descriptors with sub-levels, and the map of professional qualifications linked to ISCO-08, NKZ
// and OKED. Every change is versioned, audited and indexed for search.
import type { Ctx } from '../platform/context.ts';
import { requirePermission } from '../platform/context.ts';
import type { Source } from '../platform/db/schema.ts';
import { type FieldIssue, notFound, validationFailed } from '../platform/errors.ts';
import { type RecordKind, recordAt, recordHistory, recordMeta, recordsAsOf, refuseTakenCode, saveVersion } from '../platform/records/record.ts';
import { type ExpectedVersion, expectedVersion, refuseStale, updatedOrStale } from '../platform/records/versioned.ts';
import { upsertSearchDocument } from '../platform/search/search-index.ts';
import { headOf, passportPatch, passportValues, publicationOf } from './framework-document.ts';
import { sqfIssues } from './framework-rules.ts';
import type { Sqf, SqfDetail, SqfInput, SqfPatch } from './sqf.schema.ts';
import * as repo from './sqf.repository.ts';

export const SQF = 'sqf';

export function presentSqf(r: repo.SqfRow): Sqf {
  return {
    ...headOf(r),
    okedCodes: r.oked_codes,
    ...publicationOf(r),
    levels: r.levels,
    ...recordMeta(r),
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

export function getSqf(ctx: Ctx, id: string, asOf?: string): Promise<SqfDetail> {
  return recordAt(ctx, sqfRecord, id, asOf, { find: () => repo.findSqf(ctx.db, id), present: (row) => detailOf(ctx, row) });
}

const refuseDuplicateCode = (ctx: Ctx, code: string | undefined, exceptId?: string) =>
  refuseTakenCode(SQF, code, (c) => repo.findSqfByCode(ctx.db, c), exceptId);

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
      ...passportValues(input),
      oked_codes: input.okedCodes,
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
    ...passportPatch(patch),
    ...(patch.okedCodes !== undefined && { oked_codes: patch.okedCodes }),
    ...(patch.levels !== undefined && { levels: patch.levels.map((l) => ({ level: l.level, sublevel: l.sublevel ?? null, descriptor: l.descriptor })) }),
  }, expected);
  const row = await updatedOrStale(updated, expected, () => repo.findSqf(ctx.db, id));
  if (patch.qualifications !== undefined) await repo.replaceQualifications(ctx.db, id, qualificationValues(patch.qualifications));
  return saveVersion(ctx, sqfRecord, { action: 'sqf.update', before, after: await detailOf(ctx, row) });
}

export async function sqfHistory(ctx: Ctx, id: string) {
  return recordHistory(ctx, sqfRecord, id);
}

// Occupational (professional) standards: occupations with NQF/SQF levels, labour functions with their
// skills and knowledge. Searchable by profession, labour function and developer — the gap the seeds
// name in Atameken's file-based register.
import { recordProvenance } from './provenance.ts';
import type { Ctx } from '../platform/context.ts';
import { requirePermission } from '../platform/context.ts';
import type { Source } from '../platform/db/schema.ts';
import { type FieldIssue, notFound, unknownReferences, validationFailed } from '../platform/errors.ts';
import { type RecordKind, recordAt, recordHistory, recordMeta, recordsAsOf, refuseTakenCode, saveVersion } from '../platform/records/record.ts';
import { type ExpectedVersion, expectedVersion, refuseStale, updatedOrStale } from '../platform/records/versioned.ts';
import { upsertSearchDocument } from '../platform/search/search-index.ts';
import { headOf, passportPatch, passportValues, publicationOf } from './framework-document.ts';
import { levelsOfOccupations, occupationalStandardIssues } from './framework-rules.ts';
import type { Occupation } from './frameworks.table.ts';
import type { OccupationalStandard, OccupationalStandardInput, OccupationalStandardPatch } from './occupational-standard.schema.ts';
import * as repo from './occupational-standard.repository.ts';
import { existingSqfIds } from './sqf.repository.ts';
import { SQF, refuseFiltersWithAsOf } from './sqf.service.ts';

export const OCCUPATIONAL_STANDARD = 'occupational-standard';

export function presentOccupationalStandard(r: repo.OccupationalStandardRow): OccupationalStandard {
  return {
    ...headOf(r),
    ...publicationOf(r),
    sqfId: r.sqf_id,
    nqfLevels: r.nqf_levels,
    occupations: r.occupations,
    ...recordMeta(r),
  };
}

export type ListOccupationalStandardsQuery = repo.OccupationalStandardFilters & { limit: number; offset: number; asOf?: string };

const FILTERS = ['profession', 'labourFunction', 'developer', 'sector', 'nqfLevel', 'sqfId', 'status', 'q'] as const;
/** Past versions answer equality on stored fields only (see snapshotAsOf). */
const AS_OF_FILTERS = ['status', 'sqfId'] as const;

export async function listOccupationalStandards(ctx: Ctx, q: ListOccupationalStandardsQuery) {
  refuseFiltersWithAsOf(q, AS_OF_FILTERS, FILTERS);
  if (q.asOf) {
    return recordsAsOf<OccupationalStandard>(ctx, occupationalStandardRecord, q.asOf, { status: q.status, sqfId: q.sqfId }, q);
  }
  const { items, total } = await repo.listOccupationalStandards(ctx.db, q, q);
  return { items: items.map(presentOccupationalStandard), total };
}

/** One standard for its page and API detail, with where it comes from (reference data) or null. */
export async function occupationalStandardDetail(ctx: Ctx, id: string, asOf?: string) {
  const s = await getOccupationalStandard(ctx, id, asOf);
  return { ...s, provenance: recordProvenance(s) };
}

export function getOccupationalStandard(ctx: Ctx, id: string, asOf?: string): Promise<OccupationalStandard> {
  return recordAt(ctx, occupationalStandardRecord, id, asOf, {
    find: () => repo.findOccupationalStandard(ctx.db, id),
    present: presentOccupationalStandard,
  });
}

/** Rule issues and an unknown SQF in one answer; a missing SQF alone is an unknown reference. */
async function check(ctx: Ctx, input: { sqfId?: string | null; occupations?: OccupationalStandardInput['occupations'] }): Promise<void> {
  const issues = occupationalStandardIssues(input);
  const refIssues: FieldIssue[] = [];
  if (input.sqfId && !(await existingSqfIds(ctx.db, [input.sqfId])).has(input.sqfId)) {
    refIssues.push({ path: 'sqfId', messageKey: 'errors.field.unknownId', params: { entity: SQF, id: input.sqfId } });
  }
  if (issues.length) throw validationFailed([...issues, ...refIssues]);
  if (refIssues.length) throw unknownReferences(refIssues);
}

const refuseDuplicateCode = (ctx: Ctx, code: string | undefined, exceptId?: string) =>
  refuseTakenCode(OCCUPATIONAL_STANDARD, code, (c) => repo.findOccupationalStandardByCode(ctx.db, c), exceptId);

async function indexOccupationalStandard(ctx: Ctx, s: OccupationalStandard): Promise<void> {
  const texts = (m: { kk: string; ru: string; en: string }) => [m.kk, m.ru, m.en];
  await upsertSearchDocument(ctx.db, {
    entityType: OCCUPATIONAL_STANDARD,
    entityId: s.id,
    title: s.name,
    aliases: s.occupations.flatMap((o) => texts(o.name)),
    codes: [s.code, ...s.occupations.flatMap((o) => [o.code, ...(o.iscoCode ? [o.iscoCode] : []), ...(o.nkzCode ? [o.nkzCode] : [])])],
    body: [
      s.developer,
      ...texts(s.sector),
      ...s.occupations.flatMap((o) => o.labourFunctions.flatMap((f) => [...texts(f.name), ...f.skills.flatMap(texts), ...f.knowledge.flatMap(texts)])),
    ],
    // The index holds one level per document; a standard spanning several levels is found by text, not facet.
    facets: { status: s.status, nqfLevel: s.nqfLevels.length === 1 ? (s.nqfLevels[0] ?? null) : null },
    isSynthetic: s.isSynthetic,
  });
}

export const occupationalStandardRecord: RecordKind<OccupationalStandard> = { entityType: OCCUPATIONAL_STANDARD, index: indexOccupationalStandard };

const occupationsOf = (os: OccupationalStandardInput['occupations']): Occupation[] =>
  os.map((o) => ({
    code: o.code,
    name: o.name,
    nqfLevel: o.nqfLevel,
    sqfSublevel: o.sqfSublevel ?? null,
    iscoCode: o.iscoCode ?? null,
    nkzCode: o.nkzCode ?? null,
    labourFunctions: o.labourFunctions.map((f) => ({ code: f.code, name: f.name, skills: f.skills, knowledge: f.knowledge })),
  }));

export async function createOccupationalStandard(
  ctx: Ctx,
  input: OccupationalStandardInput,
  meta: { isSynthetic?: boolean; source?: Source; at?: Date } = {},
): Promise<OccupationalStandard> {
  requirePermission(ctx, 'occupational-standard.manage');
  await check(ctx, input);
  await refuseDuplicateCode(ctx, input.code);
  const occupations = occupationsOf(input.occupations);
  const row = await repo.insertOccupationalStandard(
    ctx.db,
    {
      ...passportValues(input),
      sqf_id: input.sqfId ?? null,
      nqf_levels: levelsOfOccupations(occupations),
      occupations,
      is_synthetic: meta.isSynthetic ?? false,
      source: meta.source ?? null,
    },
    meta.at,
  );
  return saveVersion(ctx, occupationalStandardRecord, { action: 'occupational-standard.create', before: null, after: presentOccupationalStandard(row), at: meta.at });
}

/** `ifMatch` (or the patch's `version`) is the version the caller read; a newer one refuses the write. */
export async function updateOccupationalStandard(ctx: Ctx, id: string, patch: OccupationalStandardPatch, ifMatch?: ExpectedVersion): Promise<OccupationalStandard> {
  requirePermission(ctx, 'occupational-standard.manage');
  const current = await repo.findOccupationalStandard(ctx.db, id);
  if (!current) throw notFound(OCCUPATIONAL_STANDARD, id);
  const expected = expectedVersion(ifMatch, patch.version);
  refuseStale(expected, current.row_version);
  const sqfId = patch.sqfId !== undefined ? patch.sqfId : current.sqf_id;
  await check(ctx, { sqfId, occupations: patch.occupations ?? current.occupations });
  await refuseDuplicateCode(ctx, patch.code, id);
  const before = presentOccupationalStandard(current);
  const occupations = patch.occupations ? occupationsOf(patch.occupations) : undefined;
  const updated = await repo.updateOccupationalStandard(ctx.db, id, {
    ...passportPatch(patch),
    ...(patch.sqfId !== undefined && { sqf_id: patch.sqfId }),
    ...(occupations && { occupations, nqf_levels: levelsOfOccupations(occupations) }),
  }, expected);
  const row = await updatedOrStale(updated, expected, () => repo.findOccupationalStandard(ctx.db, id));
  return saveVersion(ctx, occupationalStandardRecord, { action: 'occupational-standard.update', before, after: presentOccupationalStandard(row) });
}

export async function occupationalStandardHistory(ctx: Ctx, id: string) {
  return recordHistory(ctx, occupationalStandardRecord, id);
}

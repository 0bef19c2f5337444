// The national statistics datasets (students, population, grants, faculty): the ministry records
// observations, one per dataset, period and combination of dimensions, each with its source; a
// second value for the same key is a new version of that observation (audit entry and
// record_versions, like every register record). Files come in through the importer.
import { can } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { forbidden, notFound, unauthenticated, unknownReferences } from '../platform/errors.ts';
import { type RecordKind, saveVersion } from '../platform/records/record.ts';
import { readReference } from '../platform/reference/reference-files.ts';
import * as repo from './statistics.repository.ts';
import type { Observation, ObservationInput } from './statistics.schema.ts';

const OBSERVATION: RecordKind<Observation> = { entityType: 'statistical-observation' };

function requireManage(ctx: Ctx): void {
  if (can(ctx.actor, 'statistics.manage')) return;
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden('statistics.manage');
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.observationById>>>;
export const presentObservation = (r: Row): Observation => ({
  id: r.id,
  dataset: r.dataset,
  period: r.period,
  regionCode: r.region_code,
  level: r.level,
  gender: r.gender,
  funding: r.funding,
  age: r.age,
  degree: r.degree,
  title: r.title,
  value: r.value,
  source: r.source,
  isSynthetic: r.is_synthetic,
});

export const keyOf = (input: ObservationInput): repo.ObservationKey => ({
  dataset: input.dataset,
  period: input.period,
  region_code: input.regionCode ?? null,
  level: input.level ?? null,
  gender: input.gender ?? null,
  funding: input.funding ?? null,
  age: input.age ?? null,
  degree: input.degree ?? null,
  title: input.title ?? null,
});

let regionCodes: Set<string> | undefined;
const knownRegion = (code: string) => {
  regionCodes ??= new Set(readReference('regions').map((r) => r.code));
  return regionCodes.has(code);
};

/** The observation with this key (dataset, period and dimensions), or null. */
export async function observationWithKey(ctx: Ctx, input: ObservationInput): Promise<Observation | null> {
  const row = await repo.observationByKey(ctx.db, keyOf(input));
  return row ? presentObservation(row) : null;
}

/** Records an observation, or a new version of the one with the same key; the same value and source again changes nothing. */
export async function recordObservation(ctx: Ctx, input: ObservationInput, meta: { isSynthetic?: boolean } = {}): Promise<Observation> {
  requireManage(ctx);
  if (input.regionCode !== undefined && !knownRegion(input.regionCode)) {
    throw unknownReferences([{ path: 'regionCode', messageKey: 'errors.field.unknownId', params: { entity: 'region', id: input.regionCode } }]);
  }
  const before = await observationWithKey(ctx, input);
  if (before && before.value === input.value && before.source === input.source) return before;
  let id: string;
  if (before) {
    id = before.id;
    await repo.updateObservation(ctx.db, id, { value: input.value, source: input.source });
  } else {
    id = (await repo.insertObservation(ctx.db, { ...keyOf(input), value: input.value, source: input.source, is_synthetic: meta.isSynthetic ?? false })).id;
  }
  const row = await repo.observationById(ctx.db, id);
  if (!row) throw notFound(OBSERVATION.entityType, id);
  return saveVersion(ctx, OBSERVATION, { action: before ? 'statistical-observation.update' : 'statistical-observation.record', before, after: presentObservation(row) });
}

/** A page of observations in id order, for exports and dumps (statistics are public). */
export async function observationsPage(ctx: Ctx, options: { after?: string; limit: number; synthetic?: boolean }): Promise<Observation[]> {
  return (await repo.observationsPage(ctx.db, options.after, options.limit, options.synthetic)).map(presentObservation);
}

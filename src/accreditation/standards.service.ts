// Versioned standard sets: owned by a body or the ministry; a case is assessed against the
// version in force on the day it started, so a new version never changes a running case.
import { type Ctx, requirePermission } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { organizationById } from '../registry/registry.api.ts';
import type { StandardSetInput } from './standards.schema.ts';
import * as repo from './standards.repository.ts';

export const STANDARD_SET = 'standard-set';

export function presentSet(s: repo.StandardSetRow) {
  return {
    id: s.id,
    key: s.key,
    version: s.version,
    ownerOrganizationId: s.owner_organization_id,
    ownerLabel: s.owner_label,
    scope: s.scope,
    title: { kk: s.title_kk, ru: s.title_ru, en: s.title_en },
    validFrom: s.valid_from,
    validTo: s.valid_to,
    source: s.source,
  };
}

/** The tree: top-level standards with their criteria (parent_code) in position order. */
export function treeOf(rows: repo.StandardRow[]) {
  const node = (r: repo.StandardRow) => ({ code: r.code, title: { kk: r.title_kk, ru: r.title_ru, en: r.title_en }, attributes: r.attributes, source: r.source });
  return rows.filter((r) => r.parent_code === null).map((s) => ({ ...node(s), criteria: rows.filter((c) => c.parent_code === s.code).map(node) }));
}

export async function listSets(ctx: Ctx, q: repo.SetFilters & { limit: number; offset: number }) {
  const { items, total } = await repo.listSets(ctx.db, q, q);
  return { items: items.map(presentSet), total };
}

export async function getSet(ctx: Ctx, id: string) {
  const set = await repo.findSet(ctx.db, id);
  if (!set) throw notFound(STANDARD_SET, id);
  return { ...presentSet(set), standards: treeOf(await repo.standardsOf(ctx.db, id)) };
}

/** A new version: the previous open version of the same key ends the day the new one starts. */
export async function createSetVersion(ctx: Ctx, input: StandardSetInput) {
  requirePermission(ctx, 'standards.manage', { organizationIds: input.ownerOrganizationId ? [input.ownerOrganizationId] : [] });
  if (await repo.versionExists(ctx.db, input.key, input.version)) {
    throw new AppError('duplicate', 409, 'errors.case.standardVersionExists', { params: { key: input.key, version: input.version } });
  }
  const codes = input.standards.flatMap((s) => [s.code, ...s.criteria.map((c) => c.code)]);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) throw new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path: 'standards', messageKey: 'errors.case.duplicateStandardCode', params: { code: dup } }] });
  let ownerLabel = 'ministry';
  if (input.ownerOrganizationId) {
    const owner = await organizationById(ctx.db, input.ownerOrganizationId);
    if (!owner) throw notFound('organization', input.ownerOrganizationId);
    ownerLabel = owner.key ?? input.ownerOrganizationId;
  }
  const open = await repo.openVersionsOf(ctx.db, input.key);
  for (const prev of open) {
    if ((prev.owner_organization_id ?? null) !== input.ownerOrganizationId) {
      throw new AppError('conflict', 409, 'errors.case.standardOwnerMismatch', { params: { key: input.key } });
    }
    if (prev.valid_from >= input.validFrom) {
      throw new AppError('conflict', 409, 'errors.case.standardVersionOrder', { params: { key: input.key, validFrom: prev.valid_from } });
    }
  }
  for (const prev of open) {
    await repo.closeVersion(ctx.db, prev.id, input.validFrom);
    await recordChange(ctx, { entityType: STANDARD_SET, entityId: prev.id, action: 'standard-set.close', before: presentSet(prev), after: { ...presentSet(prev), validTo: input.validFrom } });
  }
  const set = await repo.insertSet(ctx.db, {
    key: input.key,
    version: input.version,
    owner_organization_id: input.ownerOrganizationId,
    owner_label: ownerLabel,
    scope: input.scope,
    title_kk: input.title.kk,
    title_ru: input.title.ru,
    title_en: input.title.en,
    valid_from: input.validFrom,
  });
  await repo.insertStandards(
    ctx.db,
    set.id,
    input.standards.flatMap((s) => [
      { code: s.code, parent_code: null, title_kk: s.title.kk, title_ru: s.title.ru, title_en: s.title.en },
      ...s.criteria.map((c) => ({ code: c.code, parent_code: s.code, title_kk: c.title.kk, title_ru: c.title.ru, title_en: c.title.en })),
    ]),
  );
  const created = await getSet(ctx, set.id);
  await recordChange(ctx, { entityType: STANDARD_SET, entityId: set.id, action: 'standard-set.create', before: null, after: created });
  return created;
}

// The experts database of an accreditation body (PRODUCT §3.3; digest 004 §3.6): managed by the
// body's staff and head; an expert reads their own record.
import { actorId, actorLabel, can, organizationsOf } from '../platform/access/roles.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { type FieldIssue, conflict, notFound, unknownReferences, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { existingOrganizationIds } from '../registry/registry.api.ts';
import type { Declarations, Training } from './panels.table.ts';
import type { Expert, ExpertInput, ExpertPatch, RatingInput } from './experts.schema.ts';
import * as repo from './experts.repository.ts';
import { today } from './panel-conflicts.repository.ts';
import { fieldsOf } from '../platform/db/fields.ts';

export const EXPERT = 'expert';

/** The columns an expert's record shows under their own names. */
const EXPERT_COLUMNS = [
  ...['id', 'body_id', 'user_id', 'full_name', 'email', 'country', 'category', 'degree', 'academic_title', 'fields', 'languages'],
  ...['certificate_number', 'certified_on', 'certification_expires_on', 'prior_panels', 'exclusion_reason'],
] as const;

export function presentExpert(r: repo.ExpertRow, on = today()): Expert {
  return {
    ...fieldsOf(r, EXPERT_COLUMNS),
    certificationValid: r.certified_on !== null && (r.certification_expires_on === null || r.certification_expires_on >= on),
    training: r.training as Training[],
    declarations: r.declarations as Declarations,
    excluded: r.excluded_at !== null,
    version: r.row_version,
    updatedAt: r.updated_at.toISOString(),
  };
}

function mayManage(ctx: Ctx, bodyId: string): boolean {
  return can(ctx.actor, 'expert.manage', { organizationIds: [bodyId] });
}

async function checkInput(ctx: Ctx, input: Partial<ExpertInput>, bodyId?: string): Promise<void> {
  const issues: FieldIssue[] = [];
  if (input.certifiedOn && input.certificationExpiresOn && input.certificationExpiresOn < input.certifiedOn)
    issues.push({ path: 'certificationExpiresOn', messageKey: 'errors.field.dateOrder', params: { from: 'certifiedOn', to: 'certificationExpiresOn' } });
  (input.affiliations ?? []).forEach((a, i) => {
    if (a.from && a.to && a.to < a.from)
      issues.push({ path: `affiliations.${i}.to`, messageKey: 'errors.field.dateOrder', params: { from: 'from', to: 'to' } });
  });
  if (input.degree && input.degree !== 'none' && input.category && input.category !== 'academic' && input.category !== 'foreign')
    issues.push({ path: 'degree', messageKey: 'errors.panel.expert.degreeCategory', params: { category: input.category } });
  if (issues.length) throw validationFailed(issues);

  const orgIds = [
    ...(bodyId ? [bodyId] : []),
    ...(input.affiliations ?? []).map((a) => a.organizationId),
    ...(input.declaredConflicts ?? []).map((d) => d.organizationId),
  ];
  const known = await existingOrganizationIds(ctx.db, orgIds);
  const unknown: FieldIssue[] = [];
  if (bodyId && !known.has(bodyId)) unknown.push({ path: 'bodyId', messageKey: 'errors.field.unknownId', params: { entity: 'organization', id: bodyId } });
  (input.affiliations ?? []).forEach((a, i) => {
    if (!known.has(a.organizationId))
      unknown.push({
        path: `affiliations.${i}.organizationId`,
        messageKey: 'errors.field.unknownId',
        params: { entity: 'organization', id: a.organizationId },
      });
  });
  (input.declaredConflicts ?? []).forEach((d, i) => {
    if (!known.has(d.organizationId))
      unknown.push({
        path: `declaredConflicts.${i}.organizationId`,
        messageKey: 'errors.field.unknownId',
        params: { entity: 'organization', id: d.organizationId },
      });
  });
  if (input.userId && !(await repo.userHasRole(ctx.db, input.userId, 'expert')))
    unknown.push({ path: 'userId', messageKey: 'errors.panel.expert.userNotExpert', params: { id: input.userId } });
  if (unknown.length) throw unknownReferences(unknown);
}

const values = (input: Partial<ExpertInput>): repo.ExpertValues => {
  const v: repo.ExpertValues = {
    user_id: input.userId,
    full_name: input.fullName,
    email: input.email,
    country: input.country,
    category: input.category,
    degree: input.degree,
    academic_title: input.academicTitle,
    fields: input.fields,
    languages: input.languages,
    certificate_number: input.certificateNumber,
    certified_on: input.certifiedOn,
    certification_expires_on: input.certificationExpiresOn,
    training: input.training,
    declarations: input.declarations,
    prior_panels: input.priorPanels,
  };
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as repo.ExpertValues;
};

export async function createExpert(ctx: Ctx, input: ExpertInput) {
  requirePermission(ctx, 'expert.manage', { organizationIds: [input.bodyId] });
  await checkInput(ctx, input, input.bodyId);
  const row = await repo.insertExpert(ctx.db, input.bodyId, { ...values(input), full_name: input.fullName, category: input.category });
  await repo.replaceAffiliations(ctx.db, row.id, input.affiliations);
  await repo.replaceDeclaredConflicts(ctx.db, row.id, input.declaredConflicts);
  const created = presentExpert(row);
  await recordChange(ctx, {
    entityType: EXPERT,
    entityId: row.id,
    action: 'expert.create',
    before: null,
    after: { ...created, affiliations: input.affiliations, declaredConflicts: input.declaredConflicts },
  });
  return created;
}

export async function updateExpert(ctx: Ctx, id: string, patch: ExpertPatch) {
  const before = await repo.findExpert(ctx.db, id);
  if (!before) throw notFound(EXPERT, id);
  requirePermission(ctx, 'expert.manage', { organizationIds: [before.body_id] });
  if (patch.version !== undefined && patch.version !== before.row_version) throw conflict('errors.staleVersion', { current: before.row_version });
  const merged = {
    category: before.category as ExpertInput['category'],
    degree: before.degree as ExpertInput['degree'],
    certifiedOn: before.certified_on,
    certificationExpiresOn: before.certification_expires_on,
    ...patch,
  };
  await checkInput(ctx, merged as Partial<ExpertInput>);
  const { version: _v, affiliations, declaredConflicts, ...rest } = patch;
  const row = await repo.updateExpert(ctx.db, id, values(rest as Partial<ExpertInput>));
  if (affiliations) await repo.replaceAffiliations(ctx.db, id, affiliations);
  if (declaredConflicts) await repo.replaceDeclaredConflicts(ctx.db, id, declaredConflicts);
  const after = presentExpert(row);
  await recordChange(ctx, {
    entityType: EXPERT,
    entityId: id,
    action: 'expert.update',
    before: presentExpert(before),
    after: { ...after, ...(affiliations && { affiliations }), ...(declaredConflicts && { declaredConflicts }) },
  });
  return after;
}

export async function excludeExpert(ctx: Ctx, id: string, reason: string | null) {
  const before = await repo.findExpert(ctx.db, id);
  if (!before) throw notFound(EXPERT, id);
  requirePermission(ctx, 'expert.manage', { organizationIds: [before.body_id] });
  const row = await repo.updateExpert(ctx.db, id, { excluded_at: reason ? new Date() : null, exclusion_reason: reason });
  const after = presentExpert(row);
  await recordChange(ctx, { entityType: EXPERT, entityId: id, action: reason ? 'expert.exclude' : 'expert.reinstate', before: presentExpert(before), after });
  return after;
}

export async function rateExpert(ctx: Ctx, id: string, input: RatingInput) {
  const expert = await repo.findExpert(ctx.db, id);
  if (!expert) throw notFound(EXPERT, id);
  requirePermission(ctx, 'accreditation.coordinate', { organizationIds: [expert.body_id] });
  if (input.caseId) {
    const served = (await repo.panelHistoryOf(ctx.db, id)).some((h) => h.case_id === input.caseId);
    if (!served) throw validationFailed([{ path: 'caseId', messageKey: 'errors.panel.expert.notOnCase', params: { id: input.caseId } }]);
  }
  const ratingId = await repo.insertRating(ctx.db, {
    expertId: id,
    caseId: input.caseId ?? null,
    by: actorId(ctx.actor),
    byLabel: actorLabel(ctx.actor),
    score: input.score,
    criteria: input.criteria,
    comment: input.comment ?? null,
  });
  await recordChange(ctx, {
    entityType: 'expert-rating',
    entityId: ratingId,
    action: 'expert.rate',
    before: null,
    after: { expertId: id, ...input },
    versioned: false,
  });
  return getExpert(ctx, id);
}

export async function getExpert(ctx: Ctx, id: string) {
  const row = await repo.findExpert(ctx.db, id);
  if (!row) throw notFound(EXPERT, id);
  const own = ctx.actor.kind === 'user' && row.user_id === ctx.actor.userId;
  if (!own) requirePermission(ctx, 'expert.manage', { organizationIds: [row.body_id] });
  const [affiliations, declared, history, ratings] = await Promise.all([
    repo.affiliationsOf(ctx.db, id),
    repo.declaredConflictsOf(ctx.db, id),
    repo.panelHistoryOf(ctx.db, id),
    repo.ratingsOf(ctx.db, id),
  ]);
  const visibleRatings = own && !mayManage(ctx, row.body_id) ? [] : ratings;
  return {
    ...presentExpert(row),
    affiliations: affiliations.map((a) => ({
      organizationId: a.organization_id,
      organizationName: ctx.lang === 'en' && a.name_en ? a.name_en : a.name_ru,
      kind: a.kind,
      from: a.from_on,
      to: a.to_on,
      note: a.note,
    })),
    declaredConflicts: declared.map((d) => ({ organizationId: d.organization_id, reason: d.reason, declaredAt: d.declared_at.toISOString() })),
    panelHistory: history.map((h) => ({
      caseId: h.case_id,
      caseNumber: h.number,
      organizationId: h.organization_id,
      role: h.role,
      status: h.status,
      since: h.added_at.toISOString(),
    })),
    ratings: visibleRatings.map((r) => ({
      caseId: r.case_id,
      score: r.score,
      criteria: r.criteria,
      comment: r.comment,
      by: r.rated_by_label,
      at: r.created_at.toISOString(),
    })),
    averageRating: visibleRatings.length ? Math.round((visibleRatings.reduce((s, r) => s + r.score, 0) / visibleRatings.length) * 100) / 100 : null,
  };
}

export type ListExpertsQuery = Omit<repo.ExpertFilters, 'bodyIds'> & { body?: string; limit: number; offset: number };

export async function listExperts(ctx: Ctx, q: ListExpertsQuery) {
  let bodyIds: string[] | null;
  if (ctx.actor.kind === 'system') bodyIds = q.body ? [q.body] : null;
  else {
    const mine = organizationsOf(ctx.actor, ['agency-staff', 'agency-head']).filter((b) => mayManage(ctx, b));
    if (q.body) requirePermission(ctx, 'expert.manage', { organizationIds: [q.body] });
    else if (!mine.length) requirePermission(ctx, 'expert.manage', { organizationIds: [] });
    bodyIds = q.body ? [q.body] : mine;
  }
  const { items, total } = await repo.listExperts(ctx.db, { ...q, bodyIds }, q);
  return { items: items.map((r) => presentExpert(r)), total };
}

// Micro-credential specifications: the catalogue entries credentials are issued from. Saved only
// complete (every EU 2022 mandatory element) and only for an issuer entitled to the field and
// level by a licence, an accreditation or a certification-centre registration.
import type { Ctx } from '../platform/context.ts';
import { toJson } from '../platform/db/schema.ts';
import { AppError, type FieldIssue, conflict, notFound, unknownReferences, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { eqfLevelOf, existingOccupationalStandardIds, knownCode, todayInAlmaty } from '../frameworks/frameworks.api.ts';
import { existingOrganizationIds, existingProgrammeIds } from '../registry/registry.api.ts';
import { entitlementFor } from './specification.rules.ts';
import type { Specification, SpecificationInput, SpecificationPatch } from './specification.schema.ts';
import * as repo from './specification.repository.ts';
import { fieldsOf, langMapOf } from '../platform/db/fields.ts';
import { credentialAccess } from './credentials.access.ts';

export const SPECIFICATION = 'credential-specification';

/** The columns a specification shows under their own names. */
const SPECIFICATION_COLUMNS = [
  ...['id', 'organization_id', 'code', 'learner_identification', 'country_code', 'region_code', 'awarding_body_id', 'learning_outcomes'],
  ...['nqf_level', 'eqf_level', 'assessment_type', 'participation_form', 'quality_assurance', 'field_code', 'prerequisites', 'supervision'],
  ...['grading_scheme', 'stackability', 'further_information', 'occupational_standard_ids', 'programme_id', 'entitlement', 'status'],
] as const;

export function presentSpecification(r: repo.SpecificationRow): Specification {
  return {
    ...fieldsOf(r, SPECIFICATION_COLUMNS),
    title: langMapOf(r, 'title'),
    workloadEcts: Number(r.workload_ects),
    programmeCredits: r.programme_credits === null ? null : Number(r.programme_credits),
    version: r.row_version,
    updatedAt: r.updated_at.toISOString(),
  };
}

type Complete = Omit<SpecificationInput, 'eqfLevel'> & { eqfLevel?: number };

/** References, consistency and entitlement; every problem of one kind at once. */
async function checkSpecification(ctx: Ctx, input: Complete): Promise<{ eqfLevel: number; entitlement: Record<string, unknown> }> {
  const refs: FieldIssue[] = [];
  const orgs = await existingOrganizationIds(ctx.db, [input.organizationId, input.awardingBodyId]);
  if (!orgs.has(input.organizationId)) refs.push({ path: 'organizationId', messageKey: 'errors.product.unknownOrganization', params: { id: input.organizationId } });
  if (!orgs.has(input.awardingBodyId)) refs.push({ path: 'awardingBodyId', messageKey: 'errors.product.unknownOrganization', params: { id: input.awardingBodyId } });
  const standards = await existingOccupationalStandardIds(ctx.db, input.occupationalStandardIds);
  input.occupationalStandardIds.forEach((id, i) => {
    if (!standards.has(id)) refs.push({ path: `occupationalStandardIds.${i}`, messageKey: 'errors.product.unknownStandard', params: { id } });
  });
  if (input.programmeId && !(await existingProgrammeIds(ctx.db, [input.programmeId])).has(input.programmeId)) {
    refs.push({ path: 'programmeId', messageKey: 'errors.product.unknownProgramme', params: { id: input.programmeId } });
  }
  if (!(await knownCode(ctx.db, 'direction', input.fieldCode.slice(0, 3)))) {
    refs.push({ path: 'fieldCode', messageKey: 'errors.product.unknownField', params: { code: input.fieldCode } });
  }
  if (input.regionCode && !(await knownCode(ctx.db, 'region', input.regionCode))) {
    refs.push({ path: 'regionCode', messageKey: 'errors.product.unknownRegion', params: { code: input.regionCode } });
  }
  if (refs.length) throw unknownReferences(refs);

  const issues: FieldIssue[] = [];
  const eqfLevel = await eqfLevelOf(ctx.db, input.nqfLevel);
  if (eqfLevel === null) issues.push({ path: 'nqfLevel', messageKey: 'errors.product.unknownLevel', params: { level: input.nqfLevel } });
  else if (input.eqfLevel !== undefined && input.eqfLevel !== eqfLevel) {
    issues.push({ path: 'eqfLevel', messageKey: 'errors.product.eqfMismatch', params: { nqf: input.nqfLevel, eqf: eqfLevel } });
  }
  if (input.programmeCredits !== undefined && input.programmeCredits > input.workloadEcts) {
    issues.push({ path: 'programmeCredits', messageKey: 'errors.product.creditsAboveWorkload', params: { workload: input.workloadEcts } });
  }
  if (input.programmeCredits !== undefined && !input.programmeId) {
    issues.push({ path: 'programmeId', messageKey: 'errors.product.creditsNeedProgramme' });
  }
  if (input.stackability === 'stackable' && !input.programmeId) {
    issues.push({ path: 'programmeId', messageKey: 'errors.product.stackableNeedsProgramme' });
  }
  if (issues.length) throw validationFailed(issues);

  const facts = await repo.entitlementFacts(ctx.db, input.organizationId, input.occupationalStandardIds, todayInAlmaty());
  const verdict = entitlementFor(input, facts);
  if (!verdict.ok) {
    throw new AppError('validation_failed', 422, 'errors.product.notEntitled', {
      issues: verdict.reasons,
      params: { field: input.fieldCode, level: input.nqfLevel },
    });
  }
  return { eqfLevel: eqfLevel as number, entitlement: { ...verdict.entitlement, checkedOn: facts.today } };
}

/**
 * Issuing re-checks the entitlement: a licence or accreditation that lapsed since the
 * specification was saved stops issuance, with the same reasons as on saving.
 */
export async function assertStillEntitled(ctx: Ctx, spec: Specification): Promise<void> {
  const facts = await repo.entitlementFacts(ctx.db, spec.organizationId, spec.occupationalStandardIds, todayInAlmaty());
  const verdict = entitlementFor(spec, facts);
  if (!verdict.ok) {
    throw new AppError('validation_failed', 422, 'errors.product.notEntitled', { issues: verdict.reasons, params: { field: spec.fieldCode, level: spec.nqfLevel } });
  }
}

function columns(input: Complete, checked: { eqfLevel: number; entitlement: Record<string, unknown> }) {
  return {
    code: input.code ?? null,
    title_kk: input.title.kk,
    title_ru: input.title.ru,
    title_en: input.title.en,
    learner_identification: input.learnerIdentification,
    country_code: input.countryCode,
    region_code: input.regionCode ?? null,
    awarding_body_id: input.awardingBodyId,
    learning_outcomes: toJson(input.learningOutcomes),
    workload_ects: input.workloadEcts,
    nqf_level: input.nqfLevel,
    eqf_level: checked.eqfLevel,
    assessment_type: input.assessmentType,
    participation_form: input.participationForm,
    quality_assurance: input.qualityAssurance,
    field_code: input.fieldCode,
    prerequisites: input.prerequisites ? toJson(input.prerequisites) : null,
    supervision: input.supervision ?? null,
    grading_scheme: input.gradingScheme ? toJson(input.gradingScheme) : null,
    stackability: input.stackability ?? null,
    further_information: input.furtherInformation ? toJson(input.furtherInformation) : null,
    occupational_standard_ids: input.occupationalStandardIds,
    programme_id: input.programmeId ?? null,
    programme_credits: input.programmeId ? (input.programmeCredits ?? input.workloadEcts) : null,
    entitlement: toJson(checked.entitlement),
  };
}

async function guardUniqueCode(ctx: Ctx, organizationId: string, code: string | undefined, exceptId?: string): Promise<void> {
  if (!code) return;
  let q = ctx.db.selectFrom('credential_specifications').select('id').where('organization_id', '=', organizationId).where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  if (await q.executeTakeFirst()) throw conflict('errors.product.duplicateCode', { code });
}

export async function createSpecification(ctx: Ctx, input: SpecificationInput): Promise<Specification> {
  credentialAccess(ctx, input.organizationId).require('manage-specifications');
  const checked = await checkSpecification(ctx, input);
  await guardUniqueCode(ctx, input.organizationId, input.code);
  const row = await repo.insertSpecification(ctx.db, { organization_id: input.organizationId, ...columns(input, checked) });
  const out = presentSpecification(row);
  await recordChange(ctx, { entityType: SPECIFICATION, entityId: row.id, action: 'create', before: null, after: out });
  return out;
}

export async function getSpecification(ctx: Ctx, id: string): Promise<Specification> {
  const row = await repo.findSpecification(ctx.db, id);
  if (!row) throw notFound(SPECIFICATION, id);
  return presentSpecification(row);
}

/** A specification to issue in this organization's name: another organization's is refused on specificationId (422). */
export async function specificationOfOrganization(ctx: Ctx, specificationId: string, organizationId: string): Promise<Specification> {
  const spec = await getSpecification(ctx, specificationId);
  if (spec.organizationId !== organizationId) throw validationFailed([{ path: 'specificationId', messageKey: 'errors.field.invalid' }]);
  return spec;
}

export async function listSpecifications(ctx: Ctx, q: { organizationId?: string; programmeId?: string; limit: number; offset: number }) {
  const { items, total } = await repo.listSpecifications(ctx.db, { ...q, includeWithdrawn: false });
  return { items: items.map(presentSpecification), total };
}

function inputOf(s: Specification): Complete {
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    organizationId: s.organizationId,
    code: opt(s.code),
    title: s.title,
    learnerIdentification: s.learnerIdentification as Complete['learnerIdentification'],
    countryCode: s.countryCode,
    regionCode: opt(s.regionCode),
    awardingBodyId: s.awardingBodyId,
    learningOutcomes: s.learningOutcomes,
    workloadEcts: s.workloadEcts,
    nqfLevel: s.nqfLevel,
    assessmentType: s.assessmentType as Complete['assessmentType'],
    participationForm: s.participationForm as Complete['participationForm'],
    qualityAssurance: s.qualityAssurance as Complete['qualityAssurance'],
    fieldCode: s.fieldCode,
    prerequisites: opt(s.prerequisites),
    supervision: opt(s.supervision) as Complete['supervision'],
    gradingScheme: opt(s.gradingScheme),
    stackability: opt(s.stackability) as Complete['stackability'],
    furtherInformation: opt(s.furtherInformation),
    occupationalStandardIds: s.occupationalStandardIds,
    programmeId: opt(s.programmeId),
    programmeCredits: opt(s.programmeCredits),
  };
}

/** A change is checked as a whole specification: the result must still be complete and entitled. */
export async function updateSpecification(ctx: Ctx, id: string, patch: SpecificationPatch): Promise<Specification> {
  const before = await getSpecification(ctx, id);
  credentialAccess(ctx, before.organizationId).require('manage-specifications');
  if (before.status !== 'active') throw conflict('errors.product.specificationWithdrawn', { id });
  if (patch.version !== undefined && patch.version !== before.version) throw conflict('errors.product.staleVersion', { version: before.version });
  const { version: _v, ...changes } = patch;
  const merged: Complete = { ...inputOf(before), ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  const checked = await checkSpecification(ctx, merged);
  await guardUniqueCode(ctx, before.organizationId, merged.code, id);
  const after = presentSpecification(await repo.updateSpecification(ctx.db, id, columns(merged, checked)));
  await recordChange(ctx, { entityType: SPECIFICATION, entityId: id, action: 'update', before, after });
  return after;
}

/** Withdrawn specifications stay readable (credentials point at them) but issue nothing more. */
export async function withdrawSpecification(ctx: Ctx, id: string): Promise<Specification> {
  const before = await getSpecification(ctx, id);
  credentialAccess(ctx, before.organizationId).require('manage-specifications');
  if (before.status === 'withdrawn') return before;
  const after = presentSpecification(await repo.updateSpecification(ctx.db, id, { status: 'withdrawn' }));
  await recordChange(ctx, { entityType: SPECIFICATION, entityId: id, action: 'withdraw', before, after });
  return after;
}

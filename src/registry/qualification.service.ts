// Qualifications (HE degrees, VET and professional qualifications) and certification centres.
import { levelsOfQualificationType, unknownCodeIssues } from '../frameworks/frameworks.api.ts';
import type { Ctx } from '../platform/context.ts';
import { nameColumns, type Source } from '../platform/db/schema.ts';
import { AppError, type FieldIssue, notFound, unknownReferences } from '../platform/errors.ts';
import { type RecordKind, recordAt, recordHistory, recordMeta, recordsAsOf, saveVersion } from '../platform/records/record.ts';
import { type ExpectedVersion, expectedVersion, refuseStale, updatedOrStale } from '../platform/records/versioned.ts';
import { upsertSearchDocument } from '../platform/search/search-index.ts';
import { organizationNames, qualificationType, standardNames } from './programme.repository.ts';
import { qualificationAccess } from './qualification.access.ts';
import type { CertificationCentreInput, Qualification, QualificationInput, QualificationPatch } from './qualification.schema.ts';
import * as repo from './qualification.repository.ts';
import { columnsOf, fieldsOf, langMapOf } from '../platform/db/fields.ts';

export const QUALIFICATION = 'qualification';

export function presentQualification(r: repo.QualificationRow): Qualification {
  return {
    ...fieldsOf(r, ['id', 'code', 'kind', 'qualification_type', 'nqf_level', 'awarding_body_id', 'field_code', 'occupations', 'programme_ids']),
    name: langMapOf(r, 'name'),
    ...recordMeta(r),
  };
}

export async function listQualifications(ctx: Ctx, q: repo.QualificationFilters & { limit: number; offset: number; asOf?: string }) {
  if (q.asOf) return recordsAsOf<Qualification>(ctx, qualificationRecord, q.asOf, { kind: q.kind, nqfLevel: q.nqfLevel, fieldCode: q.fieldCode }, q);
  const { items, total } = await repo.listQualifications(ctx.db, q, q);
  return { items: items.map(presentQualification), total };
}

export function getQualification(ctx: Ctx, id: string, asOf?: string): Promise<Qualification> {
  return recordAt(ctx, qualificationRecord, id, asOf, { find: () => repo.findQualification(ctx.db, id), present: presentQualification });
}

/** Unknown references first (422 naming each), then contradictions between levels. */
async function checkQualification(ctx: Ctx, q: QualificationInput): Promise<void> {
  const issues: FieldIssue[] = await unknownCodeIssues(ctx.db, [{ classifier: 'field', path: 'fieldCode', code: q.fieldCode }]);
  const type = q.qualificationType ? await qualificationType(ctx.db, q.qualificationType) : null;
  if (q.qualificationType && !type) issues.push({ path: 'qualificationType', messageKey: 'errors.field.unknownCode', params: { classifier: 'qualification-type', code: q.qualificationType } });
  if (q.awardingBodyId && !(await organizationNames(ctx.db, [q.awardingBodyId])).length) {
    issues.push({ path: 'awardingBodyId', messageKey: 'errors.field.unknownId', params: { entity: 'organization', id: q.awardingBodyId } });
  }
  const programmes = await repo.programmeLevels(ctx.db, q.programmeIds);
  q.programmeIds.forEach((id, i) => {
    if (!programmes.some((p) => p.id === id)) issues.push({ path: `programmeIds.${i}`, messageKey: 'errors.field.unknownId', params: { entity: 'programme', id } });
  });
  if (issues.length) throw unknownReferences(issues);
  const contradictions: FieldIssue[] = [];
  const typeLevels = type ? levelsOfQualificationType(type) : [];
  if (type && typeLevels.length && !typeLevels.includes(q.nqfLevel)) {
    contradictions.push({ path: 'nqfLevel', messageKey: 'errors.field.levelMismatch', params: { actual: q.nqfLevel, expected: typeLevels.join('–'), what: type.key } });
  }
  q.programmeIds.forEach((id, i) => {
    const p = programmes.find((x) => x.id === id);
    if (p && p.nqf_level !== q.nqfLevel) {
      contradictions.push({ path: `programmeIds.${i}`, messageKey: 'errors.field.levelMismatch', params: { actual: p.nqf_level, expected: q.nqfLevel, what: p.code } });
    }
  });
  if (contradictions.length) throw new AppError('contradiction', 422, 'errors.contradiction', { issues: contradictions });
}

const toValues = (q: QualificationInput) => ({
  code: q.code,
  ...nameColumns(q.name),
  kind: q.kind,
  qualification_type: q.qualificationType ?? null,
  nqf_level: q.nqfLevel,
  awarding_body_id: q.awardingBodyId ?? null,
  field_code: q.fieldCode ?? null,
  occupations: q.occupations,
  programme_ids: q.programmeIds,
});

async function index(ctx: Ctx, q: Qualification) {
  await upsertSearchDocument(ctx.db, {
    entityType: QUALIFICATION,
    entityId: q.id,
    title: q.name,
    codes: [q.code, ...q.occupations.map((o) => o.code)],
    body: q.occupations.flatMap((o) => [o.name.kk, o.name.ru, o.name.en]),
    facets: { fieldCode: q.fieldCode, nqfLevel: q.nqfLevel, organizationId: q.awardingBodyId },
    isSynthetic: q.isSynthetic,
  });
}

export const qualificationRecord: RecordKind<Qualification> = { entityType: QUALIFICATION, index };

export async function createQualification(ctx: Ctx, input: QualificationInput, meta: { isSynthetic?: boolean; source?: Source } = {}) {
  qualificationAccess(ctx).require('manage-qualifications');
  await checkQualification(ctx, input);
  if (await repo.findQualificationByCode(ctx.db, input.code)) {
    throw new AppError('duplicate', 409, 'errors.duplicateOrganization', { params: { field: 'code', value: input.code } });
  }
  const row = await repo.insertQualification(ctx.db, { ...toValues(input), is_synthetic: meta.isSynthetic ?? false, source: meta.source ?? null });
  return saveVersion(ctx, qualificationRecord, { action: 'qualification.create', before: null, after: presentQualification(row) });
}

/** `ifMatch` (or the patch's `version`) is the version the caller read; a newer one refuses the write. */
export async function updateQualification(ctx: Ctx, id: string, patch: QualificationPatch, ifMatch?: ExpectedVersion) {
  qualificationAccess(ctx).require('manage-qualifications');
  const current = await repo.findQualification(ctx.db, id);
  if (!current) throw notFound(QUALIFICATION, id);
  const before = presentQualification(current);
  const expected = expectedVersion(ifMatch, patch.version);
  refuseStale(expected, before.version);
  const merged: QualificationInput = {
    code: patch.code ?? before.code,
    name: patch.name ?? { kk: before.name.kk, ru: before.name.ru, en: before.name.en ?? undefined },
    kind: (patch.kind ?? before.kind) as QualificationInput['kind'],
    qualificationType: patch.qualificationType ?? before.qualificationType ?? undefined,
    nqfLevel: patch.nqfLevel ?? before.nqfLevel,
    awardingBodyId: patch.awardingBodyId ?? before.awardingBodyId ?? undefined,
    fieldCode: patch.fieldCode ?? before.fieldCode ?? undefined,
    occupations: patch.occupations ?? before.occupations,
    programmeIds: patch.programmeIds ?? before.programmeIds,
  };
  await checkQualification(ctx, merged);
  const row = await updatedOrStale(await repo.updateQualification(ctx.db, id, toValues(merged), expected), expected, () => repo.findQualification(ctx.db, id));
  return saveVersion(ctx, qualificationRecord, { action: 'qualification.update', before, after: presentQualification(row) });
}

export async function qualificationHistory(ctx: Ctx, id: string) {
  return recordHistory(ctx, qualificationRecord, id);
}

export async function listCertificationCentres(ctx: Ctx, q: { limit: number; offset: number; sector?: string; organizationId?: string }) {
  const [rows, count] = await repo.listCertificationCentres(ctx.db, q);
  return {
    items: rows.map((r) => ({
      organizationId: r.organization_id,
      name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
      regionCode: r.region_code,
      sector: r.sector,
      occupationalStandardIds: r.occupational_standard_ids,
      accreditedOn: r.accredited_on,
      validUntil: r.valid_until,
      isSynthetic: r.is_synthetic,
      version: r.row_version,
      updatedAt: r.updated_at.toISOString(),
    })),
    total: Number(count.n),
  };
}

/**
 * Registers a centre, or updates the one the organization has. With `expected` (If-Match) only the
 * version named is updated, in the UPDATE itself: a stale read, or no centre yet, is refused.
 */
export async function registerCertificationCentre(ctx: Ctx, input: CertificationCentreInput, meta: { isSynthetic?: boolean; expected?: ExpectedVersion } = {}) {
  qualificationAccess(ctx).require('manage-certification-centres');
  const issues: FieldIssue[] = [];
  const [org] = await organizationNames(ctx.db, [input.organizationId]);
  if (!org) issues.push({ path: 'organizationId', messageKey: 'errors.field.unknownId', params: { entity: 'organization', id: input.organizationId } });
  const standards = await standardNames(ctx.db, input.occupationalStandardIds);
  input.occupationalStandardIds.forEach((id, i) => {
    if (!standards.some((s) => s.id === id)) issues.push({ path: `occupationalStandardIds.${i}`, messageKey: 'errors.field.unknownId', params: { entity: 'occupational-standard', id } });
  });
  if (issues.length) throw unknownReferences(issues);
  if (input.accreditedOn && input.validUntil && input.validUntil < input.accreditedOn) {
    throw new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path: 'validUntil', messageKey: 'errors.field.dateOrder', params: { from: 'accreditedOn', to: 'validUntil' } }] });
  }
  const before = await certificationCentreOf(ctx, input.organizationId);
  const values: repo.CertificationCentreValues = {
    ...columnsOf(input, ['organizationId', 'sector', 'occupationalStandardIds', 'accreditedOn', 'validUntil']),
    is_synthetic: meta.isSynthetic ?? false,
  };
  const { expected } = meta;
  if (expected) {
    await updatedOrStale(await repo.updateCertificationCentre(ctx.db, values, expected), expected, () => repo.certificationCentreVersion(ctx.db, input.organizationId));
  } else {
    await repo.upsertCertificationCentre(ctx.db, values);
  }
  const after = await certificationCentreOf(ctx, input.organizationId);
  if (!after) throw notFound(CERTIFICATION_CENTRE, input.organizationId);
  return saveVersion(ctx, certificationCentreRecord, { action: 'certification-centre.register', before, after });
}

const CERTIFICATION_CENTRE = 'certification-centre';
type CertificationCentre = Awaited<ReturnType<typeof listCertificationCentres>>['items'][number];
/** A centre is its organization's registration, so it carries the organization's id. */
const certificationCentreRecord: RecordKind<CertificationCentre> = { entityType: CERTIFICATION_CENTRE, idOf: (c) => c.organizationId };

export async function getCertificationCentre(ctx: Ctx, organizationId: string): Promise<CertificationCentre> {
  const centre = await certificationCentreOf(ctx, organizationId);
  if (!centre) throw notFound(CERTIFICATION_CENTRE, organizationId);
  return centre;
}

async function certificationCentreOf(ctx: Ctx, organizationId: string): Promise<CertificationCentre | null> {
  const { items } = await listCertificationCentres(ctx, { limit: 1, offset: 0, organizationId });
  return items[0] ?? null;
}

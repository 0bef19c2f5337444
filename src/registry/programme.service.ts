// The Register of Educational Programmes: passports, their lifecycle, history and search documents.
import { entryByCode, levelsOfQualificationType, unknownCodeIssues } from '../frameworks/frameworks.api.ts';
import { canEverywhere, organizationsOf } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { licenceInForceOn } from './registry.api.ts';
import { nameColumns, type Source } from '../platform/db/schema.ts';
import { AppError, type FieldIssue, notFound, unknownReferences } from '../platform/errors.ts';
import { type RecordKind, recordAsOf, recordHistory, recordMeta, recordsAsOf, reviewedVersion, saveVersion } from '../platform/records/record.ts';
import { type ExpectedVersion, expectedVersion, refuseStale, updatedOrStale } from '../platform/records/versioned.ts';
import { upsertSearchDocument } from '../platform/search/search-index.ts';
import { EDITABLE, type ProgrammeAction, type ProgrammeStatus, TRANSITIONS, allowedActions, checkTransition } from './programme-lifecycle.ts';
import { programmeAccess } from './programme.access.ts';
import { passportContradictions } from './programme-rules.ts';
import type { Programme, ProgrammeInput, ProgrammePatch, ProgrammeSummary } from './programme.schema.ts';
import * as repo from './programme.repository.ts';
import { columnsOf } from '../platform/db/fields.ts';
import { atDataVersion } from '../platform/db/version-memo.ts';

export const PROGRAMME = 'programme';

export function summarize({ outcomes: _o, courses: _c, objective: _ob, distinctiveFeatures: _d, ...summary }: Programme): ProgrammeSummary {
  return summary;
}

export function presentSummary(r: repo.ProgrammeSummaryRow): ProgrammeSummary {
  return summarize(presentProgramme({ ...r, outcomes: [], courses: [], objective: null, distinctive_features: null }));
}

export function presentProgramme(r: repo.ProgrammeRow): Programme {
  return {
    id: r.id,
    organizationId: r.organization_id,
    code: r.code,
    edition: r.edition,
    name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
    fieldCode: r.field_code,
    directionCode: r.narrow_field_code,
    groupCode: r.group_code,
    programmeType: r.programme_type,
    nqfLevel: r.nqf_level,
    degree: r.degree,
    creditsEcts: r.credits_ects,
    languages: r.languages,
    studyForms: r.study_forms,
    occupationalStandardIds: r.occupational_standard_ids,
    atlasEntries: r.atlas_entries,
    partnerIds: r.partner_ids,
    partnership: r.partnership,
    licenceId: r.licence_id,
    councilApprovedOn: r.council_approved_on,
    objective: r.objective,
    distinctiveFeatures: r.distinctive_features,
    outcomes: r.outcomes,
    courses: r.courses,
    status: r.status as ProgrammeStatus,
    reviewComment: r.review_comment,
    public: r.first_included_at !== null,
    ...recordMeta(r),
  };
}

/** Who may see programmes that were never included: their organization and the ministry. */
function mayReadUnpublished(ctx: Ctx, organizationIds: string[]): boolean {
  return programmeAccess(ctx, organizationIds).can('read-unpublished');
}

/** What the ministry has reviewed: once a programme was included, the public sees only these versions. */
const REVIEWED: readonly ProgrammeStatus[] = ['included', 'excluded'];

/** An update of an included programme, from its start until the ministry includes it again. */
export function isPendingUpdate(p: { public: boolean; status: ProgrammeStatus }): boolean {
  return p.public && !REVIEWED.includes(p.status);
}

/**
 * The version of a programme this viewer may see: its organization and the ministry see the record
 * as it is (a pending update included); anyone else sees what the ministry last reviewed, so an
 * update is public only once it is included. Null when the viewer may see none.
 */
async function visibleVersion(ctx: Ctx, p: Programme, asOf?: string): Promise<Programme | null> {
  if (mayReadUnpublished(ctx, [p.organizationId])) return p;
  if (!p.public) return null;
  if (!isPendingUpdate(p)) return p;
  return reviewedVersion<Programme>(ctx, { entityType: PROGRAMME }, p.id, REVIEWED, asOf);
}

/** The list entries this viewer may see, each as `visibleVersion` gives it. */
async function visibleSummaries(ctx: Ctx, items: ProgrammeSummary[], asOf?: string): Promise<ProgrammeSummary[]> {
  const shown: ProgrammeSummary[] = [];
  for (const item of items) {
    if (!isPendingUpdate(item) || mayReadUnpublished(ctx, [item.organizationId])) shown.push(item);
    else {
      const reviewed = await reviewedVersion<Programme>(ctx, { entityType: PROGRAMME }, item.id, REVIEWED, asOf);
      if (reviewed) shown.push(summarize(reviewed));
    }
  }
  return shown;
}

export type ListProgrammesQuery = Omit<repo.ProgrammeFilters, 'publicOnly' | 'alsoOrganizations'> & {
  limit: number;
  offset: number;
  sort: keyof typeof repo.PROGRAMME_SORTS;
  desc: boolean;
  asOf?: string;
};

export async function listProgrammes(ctx: Ctx, q: ListProgrammesQuery) {
  const everything = canEverywhere(ctx.actor, 'programme.read-unpublished');
  if (q.asOf) {
    const then = await recordsAsOf<Programme>(
      ctx,
      programmeRecord,
      q.asOf,
      { code: q.code, organizationId: q.organizationId, fieldCode: q.fieldCode, nqfLevel: q.nqfLevel, status: q.status, ...(everything ? {} : { public: 'true' }) },
      q,
    );
    return { items: await visibleSummaries(ctx, then.items.map(summarize), q.asOf), total: then.total };
  }
  const { items, total } = await repo.listProgrammes(
    ctx.db,
    { ...q, publicOnly: !everything, alsoOrganizations: organizationsOf(ctx.actor, ['org-admin', 'org-editor']) },
    q,
  );
  return { items: await visibleSummaries(ctx, items.map(presentSummary)), total };
}

export async function getProgramme(ctx: Ctx, id: string, asOf?: string) {
  const record = asOf ? await recordAsOf<Programme>(ctx, programmeRecord, id, asOf) : await liveProgramme(ctx, id);
  const shown = record && (await visibleVersion(ctx, record, asOf));
  if (!shown) throw notFound(PROGRAMME, id);
  return detail(ctx, shown);
}

async function liveProgramme(ctx: Ctx, id: string): Promise<Programme | null> {
  const row = await repo.findProgramme(ctx.db, id);
  return row ? presentProgramme(row) : null;
}

/** A programme for its workspace page: the record and the lifecycle steps this actor may take now. */
export async function programmeWorkspace(ctx: Ctx, id: string) {
  const programme = await getProgramme(ctx, id);
  const access = programmeAccess(ctx, [programme.organizationId]);
  return {
    ...programme,
    yourActions: programme.allowedActions.filter((a) => access.can(a)),
    /** The passport may be edited now: a draft, a returned one or an update in progress, by whoever may update it. */
    mayEdit: EDITABLE.includes(programme.status) && access.can('update'),
  };
}

async function detail(ctx: Ctx, p: Programme) {
  const organizationIds = [p.organizationId, ...p.partnerIds];
  const [orgs, standards] = await Promise.all([
    atDataVersion(ctx, `organizationNames|${organizationIds.join('|')}`, () => repo.organizationNames(ctx.db, organizationIds)),
    atDataVersion(ctx, `standardNames|${p.occupationalStandardIds.join('|')}`, () => repo.standardNames(ctx.db, p.occupationalStandardIds)),
  ]);
  const named = (id: string) => {
    const o = orgs.find((x) => x.id === id);
    return { id, name: { kk: o?.name_kk ?? '', ru: o?.name_ru ?? '', en: o?.name_en ?? null } };
  };
  return {
    ...p,
    organization: named(p.organizationId),
    partners: p.partnerIds.map(named),
    occupationalStandards: standards.map((s) => ({ id: s.id, code: s.code, name: { kk: s.name_kk, ru: s.name_ru, en: s.name_en } })),
    allowedActions: allowedActions(p.status),
  };
}

type Passport = Omit<ProgrammeInput, 'organizationId'> & { organizationId: string };

/** Every unknown reference and every contradiction of a passport, found before anything is written. */
async function checkPassport(ctx: Ctx, p: Passport, exceptId?: string): Promise<void> {
  const codeIssues = await unknownCodeIssues(ctx.db, [
    { classifier: 'field', path: 'fieldCode', code: p.fieldCode },
    { classifier: 'direction', path: 'directionCode', code: p.directionCode },
    { classifier: 'programme-group', path: 'groupCode', code: p.groupCode },
    ...p.languages.map((code, i) => ({ classifier: 'language', path: `languages.${i}`, code })),
    ...p.studyForms.map((code, i) => ({ classifier: 'study-form', path: `studyForms.${i}`, code })),
  ]);
  const idIssues: FieldIssue[] = [];
  const orgIds = [...new Set([p.organizationId, ...p.partnerIds])];
  const orgs = await repo.organizationNames(ctx.db, orgIds);
  if (!orgs.some((o) => o.id === p.organizationId)) {
    idIssues.push({ path: 'organizationId', messageKey: 'errors.field.unknownId', params: { entity: 'organization', id: p.organizationId } });
  }
  p.partnerIds.forEach((id, i) => {
    if (!orgs.some((o) => o.id === id)) idIssues.push({ path: `partnerIds.${i}`, messageKey: 'errors.field.unknownId', params: { entity: 'organization', id } });
  });
  const standards = await repo.standardNames(ctx.db, p.occupationalStandardIds);
  p.occupationalStandardIds.forEach((id, i) => {
    if (!standards.some((s) => s.id === id)) {
      idIssues.push({ path: `occupationalStandardIds.${i}`, messageKey: 'errors.field.unknownId', params: { entity: 'occupational-standard', id } });
    }
  });
  const degree = p.degree ? await repo.qualificationType(ctx.db, p.degree) : null;
  if (p.degree && !degree) idIssues.push({ path: 'degree', messageKey: 'errors.field.unknownCode', params: { classifier: 'qualification-type', code: p.degree } });
  if (p.licenceId) {
    const licence = await repo.licenceOwner(ctx.db, p.licenceId);
    if (!licence || licence.organization_id !== p.organizationId) {
      idIssues.push({ path: 'licenceId', messageKey: 'errors.field.unknownId', params: { entity: 'licence', id: p.licenceId } });
    }
  }
  if (codeIssues.length || idIssues.length) throw unknownReferences([...codeIssues, ...idIssues]);

  const group = p.groupCode ? await entryByCode(ctx.db, 'programme-group', p.groupCode) : null;
  const groupAttrs = (group?.attributes ?? {}) as { fieldCode?: string; level?: string };
  const contradictions = passportContradictions({
    ...p,
    group: group ? { code: group.code, fieldCode: groupAttrs.fieldCode ?? null, level: groupAttrs.level ?? null } : null,
    degree: degree ? { key: degree.key, nqfLevels: levelsOfQualificationType(degree) } : null,
  });
  if (contradictions.length) throw new AppError('contradiction', 422, 'errors.contradiction', { issues: contradictions });

  const clashes = await repo.findClashes(ctx.db, { organizationId: p.organizationId, code: p.code, edition: p.edition, nameRu: p.name.ru, nqfLevel: p.nqfLevel }, exceptId);
  const sameKey = clashes.find((c) => c.code === p.code && c.edition === p.edition);
  if (sameKey) throw new AppError('duplicate', 409, 'errors.duplicateProgramme', { params: { code: p.code, edition: p.edition }, extra: { existingId: sameKey.id } });
  const sameName = clashes[0];
  if (sameName) throw new AppError('duplicate', 409, 'errors.duplicateProgrammeName', { params: { code: sameName.code, level: sameName.nqf_level }, extra: { existingId: sameName.id } });
}

/** The passport's fields kept in columns of their own names. */
const PASSPORT_FIELDS = [
  ...['organizationId', 'code', 'edition', 'fieldCode', 'groupCode', 'programmeType', 'nqfLevel', 'degree', 'creditsEcts', 'languages', 'studyForms'],
  ...['occupationalStandardIds', 'atlasEntries', 'partnerIds', 'partnership', 'licenceId', 'councilApprovedOn', 'objective', 'distinctiveFeatures'],
  ...['outcomes', 'courses'],
] as const;

function toValues(p: Passport): Omit<repo.ProgrammeValues, 'status' | 'review_comment' | 'first_included_at' | 'is_synthetic' | 'source'> {
  return {
    ...columnsOf(p, PASSPORT_FIELDS),
    ...nameColumns(p.name),
    narrow_field_code: p.directionCode ?? null,
  };
}

/** Search is public: a pending update is indexed as the version the ministry last reviewed, marked as under update. */
export async function indexProgramme(ctx: Ctx, programme: Programme): Promise<void> {
  const reviewed = isPendingUpdate(programme) ? await reviewedVersion<Programme>(ctx, { entityType: PROGRAMME }, programme.id, REVIEWED) : programme;
  const p = reviewed ?? programme;
  const [org] = await repo.organizationNames(ctx.db, [p.organizationId]);
  await upsertSearchDocument(ctx.db, {
    entityType: PROGRAMME,
    entityId: p.id,
    title: p.name,
    codes: [p.code],
    body: [
      ...(org ? [org.name_kk, org.name_ru, org.name_en ?? ''] : []),
      ...p.outcomes.flatMap((o) => [o.text.kk, o.text.ru, o.text.en]),
      ...p.courses.flatMap((c) => [c.name.kk, c.name.ru, c.name.en]),
      ...(p.objective ? [p.objective.kk, p.objective.ru, p.objective.en] : []),
    ],
    facets: {
      regionCode: org?.region_code ?? null,
      fieldCode: p.fieldCode,
      nqfLevel: p.nqfLevel,
      languages: p.languages,
      organizationKind: org?.kind ?? null,
      organizationId: p.organizationId,
      // The content is the reviewed version's; the status says an update is under review (a badge).
      status: programme.status,
    },
    isPublic: reviewed !== null && p.public,
    isSynthetic: p.isSynthetic,
  });
}

export const programmeRecord: RecordKind<Programme> = { entityType: PROGRAMME, index: indexProgramme };

export async function createProgramme(
  ctx: Ctx,
  input: ProgrammeInput,
  meta: { isSynthetic?: boolean; source?: Source; at?: Date } = {},
): Promise<Programme> {
  programmeAccess(ctx, [input.organizationId]).require('create');
  await checkPassport(ctx, input);
  const row = await repo.insertProgramme(
    ctx.db,
    { ...toValues(input), status: 'draft', review_comment: null, first_included_at: null, is_synthetic: meta.isSynthetic ?? false, source: meta.source ?? null },
    meta.at,
  );
  return saveVersion(ctx, programmeRecord, { action: 'programme.create', before: null, after: presentProgramme(row), at: meta.at });
}

/** `ifMatch` (or the patch's `version`) is the version the caller read; a newer one refuses the write. */
export async function updateProgramme(ctx: Ctx, id: string, patch: ProgrammePatch, ifMatch?: ExpectedVersion): Promise<Programme> {
  const current = await repo.findProgramme(ctx.db, id);
  if (!current) throw notFound(PROGRAMME, id);
  programmeAccess(ctx, [current.organization_id]).require('update');
  const before = presentProgramme(current);
  if (!EDITABLE.includes(before.status)) {
    throw new AppError('invalid_transition', 409, 'errors.notEditable', { params: { status: before.status, allowed: allowedActions(before.status).join(', ') }, extra: { allowedActions: allowedActions(before.status) } });
  }
  const expected = expectedVersion(ifMatch, patch.version);
  refuseStale(expected, before.version);
  const { version: _v, ...changes } = patch;
  const merged: Passport = {
    ...before,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    organizationId: before.organizationId,
    directionCode: changes.directionCode ?? before.directionCode ?? undefined,
    groupCode: changes.groupCode ?? before.groupCode ?? undefined,
    degree: changes.degree ?? before.degree ?? undefined,
    partnership: (changes.partnership ?? before.partnership ?? undefined) as Passport['partnership'],
    licenceId: changes.licenceId ?? before.licenceId ?? undefined,
    councilApprovedOn: changes.councilApprovedOn ?? before.councilApprovedOn ?? undefined,
    objective: changes.objective ?? before.objective ?? undefined,
    distinctiveFeatures: changes.distinctiveFeatures ?? before.distinctiveFeatures ?? undefined,
    name: changes.name ?? { kk: before.name.kk, ru: before.name.ru, en: before.name.en ?? undefined },
    programmeType: (changes.programmeType ?? before.programmeType) as Passport['programmeType'],
  };
  await checkPassport(ctx, merged, id);
  const row = await updatedOrStale(await repo.updateProgramme(ctx.db, id, toValues(merged), { expected }), expected, () => repo.findProgramme(ctx.db, id));
  return saveVersion(ctx, programmeRecord, { action: 'programme.update', before, after: presentProgramme(row) });
}

/** One lifecycle step; a step not allowed from the current status gets a 409 listing the allowed ones. */
export async function transitionProgramme(
  ctx: Ctx,
  id: string,
  action: ProgrammeAction,
  comment?: string,
  at?: Date,
  expected?: ExpectedVersion,
): Promise<Programme> {
  const current = await repo.findProgramme(ctx.db, id);
  if (!current) throw notFound(PROGRAMME, id);
  programmeAccess(ctx, [current.organization_id]).require(action);
  const before = presentProgramme(current);
  refuseStale(expected, before.version);
  const check = checkTransition(before.status, action, comment);
  if (!check.ok) {
    if (check.reason === 'comment-required') {
      throw new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path: 'comment', messageKey: 'errors.field.commentRequired' }] });
    }
    throw new AppError('invalid_transition', 409, 'errors.programmeTransition', {
      params: { from: before.status, action, allowed: check.allowed.join(', ') || '—' },
      extra: { allowedActions: check.allowed },
    });
  }
  // Without If-Match the step is still taken from the state just read: its rules were checked against it.
  const from: ExpectedVersion = expected ?? { versions: [before.version], from: 'body' };
  // The included row, as it is before the update starts, is what the public keeps seeing.
  if (action === 'start-update') await repo.keepReviewedRow(ctx.db, id);
  const updated = await repo.updateProgramme(
    ctx.db,
    id,
    {
      status: check.to,
      review_comment: TRANSITIONS[action].needsComment ? (comment ?? null) : action === 'include' ? null : current.review_comment,
      ...(check.to === 'included' && !current.first_included_at && { first_included_at: at ?? new Date() }),
      ...(check.to === 'submitted' && { submitted_at: at ?? new Date() }),
    },
    { at, expected: from },
  );
  const row = await updatedOrStale(updated, from, () => repo.findProgramme(ctx.db, id));
  if (REVIEWED.includes(check.to)) await repo.dropReviewedRow(ctx.db, id);
  return saveVersion(ctx, programmeRecord, { action: `programme.${action}`, before, after: presentProgramme(row), at });
}

/** Every version for its organization and the ministry; the public sees no pending update. */
export async function programmeHistory(ctx: Ctx, id: string) {
  return programmeHistoryOf(ctx, await getProgramme(ctx, id));
}

/** The history of a programme this viewer was just shown (by `getProgramme`, which checked access). */
export async function programmeHistoryOf(ctx: Ctx, programme: Awaited<ReturnType<typeof getProgramme>>) {
  const id = programme.id;
  const versions = await recordHistory(ctx, programmeRecord, id);
  if (mayReadUnpublished(ctx, [programme.organizationId])) return versions;
  // The way to the first inclusion stays on record; drafts of later updates wait for their review.
  return versions.filter((v) => !isPendingUpdate(v.data as Programme));
}

/** Public: how many programmes of the register sit under each field → direction → group. */
export async function programmeClassifierCounts(ctx: Ctx) {
  return (await repo.classifierCounts(ctx.db)).map((r) => ({ fieldCode: r.field_code, directionCode: r.narrow_field_code, groupCode: r.group_code, count: Number(r.n) }));
}

/** Public: the organization's licence in force on `day` that covers the programme's group, if any. */
export async function programmeLicenceOn(ctx: Ctx, p: { organizationId: string; groupCode: string | null }, day: string) {
  const licence = await atDataVersion(ctx, `licenceInForceOn|${p.organizationId}|${day}|${p.groupCode ?? ''}`, () =>
    licenceInForceOn(ctx.db, p.organizationId, day, p.groupCode ?? undefined),
  );
  return licence ? { number: licence.number } : null;
}

// Organizations of the register: profile, identifiers, licences, relationships, history.
import { unknownCodeIssues } from '../frameworks/frameworks.api.ts';
import type { Ctx } from '../platform/context.ts';
import { nameColumns, type Source } from '../platform/db/schema.ts';
import { AppError, type FieldIssue, notFound, unknownReferences, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { type RecordKind, recordAsOf, recordHistory, recordMeta, recordsAsOf, saveVersion } from '../platform/records/record.ts';
import { type ExpectedVersion, expectedVersion, refuseStale, updatedOrStale } from '../platform/records/versioned.ts';
import { upsertSearchDocument } from '../platform/search/search-index.ts';
import { hasIssuedCredentials } from './issued-credentials.ts';
import { changedRegisteredFacts, organizationAccess } from './organization.access.ts';
import type { Organization, OrganizationInput, OrganizationPatch } from './organization.schema.ts';
import * as repo from './organization.repository.ts';
import { relationshipsInForce } from './relationship.service.ts';
import { fieldsOf, langMapOf } from '../platform/db/fields.ts';

export const ORGANIZATION = 'organization';

export function presentOrganization(r: repo.OrganizationRow): Organization {
  return {
    ...fieldsOf(r, ['id', 'key', 'bin', 'identifiers', 'short_name', 'aliases', 'kind', 'legal_form', 'region_code', 'status', 'website']),
    name: langMapOf(r, 'name'),
    ...recordMeta(r),
  };
}

export type ListOrganizationsQuery = repo.OrganizationFilters & {
  limit: number;
  offset: number;
  sort: keyof typeof repo.ORGANIZATION_SORTS;
  desc: boolean;
  asOf?: string;
};

export async function listOrganizations(ctx: Ctx, q: ListOrganizationsQuery) {
  if (q.asOf) {
    return recordsAsOf<Organization>(ctx, organizationRecord, q.asOf, { kind: q.kind, regionCode: q.regionCode, legalForm: q.legalForm, status: q.status }, q);
  }
  const { items, total } = await repo.listOrganizations(ctx.db, q, q);
  return { items: items.map(presentOrganization), total };
}

export async function getOrganization(ctx: Ctx, id: string, asOf?: string) {
  if (asOf) {
    const then = await recordAsOf<Organization>(ctx, organizationRecord, id, asOf);
    if (!then) throw notFound(ORGANIZATION, id);
    return { ...then, licences: [], relationships: [] };
  }
  const row = await repo.findOrganization(ctx.db, id);
  if (!row) throw notFound(ORGANIZATION, id);
  const [licences, relationships] = await Promise.all([repo.listLicences(ctx.db, id), relationshipsInForce(ctx, id)]);
  return {
    ...presentOrganization(row),
    licences: licences.map((l) => ({
      id: l.id,
      number: l.number,
      issuedOn: l.issued_on,
      validUntil: l.valid_until,
      programmeGroups: l.programme_groups,
      attachments: l.attachments,
      status: l.status,
    })),
    relationships,
  };
}

async function checkReferences(ctx: Ctx, input: Partial<OrganizationInput>): Promise<void> {
  const dateIssues: FieldIssue[] = (input.licences ?? []).flatMap((l, i) =>
    l.validUntil && l.validUntil < l.issuedOn
      ? [{ path: `licences.${i}.validUntil`, messageKey: 'errors.field.dateOrder', params: { from: 'issuedOn', to: 'validUntil' } }]
      : [],
  );
  if (dateIssues.length) throw validationFailed(dateIssues);
  const issues = await unknownCodeIssues(ctx.db, [
    { classifier: 'region', path: 'regionCode', code: input.regionCode },
    { classifier: 'legal-form', path: 'legalForm', code: input.legalForm },
    ...(input.licences ?? []).flatMap((l, i) =>
      l.programmeGroups.map((g, j) => ({ classifier: 'programme-group', path: `licences.${i}.programmeGroups.${j}`, code: g })),
    ),
  ]);
  if (issues.length) throw unknownReferences(issues);
}

async function refuseDuplicates(ctx: Ctx, bin: string | undefined, key: string | undefined, exceptId?: string) {
  if (!bin && !key) return;
  const clash = (await repo.findByIdentity(ctx.db, bin, key)).find((o) => o.id !== exceptId);
  if (!clash) return;
  const field = bin && clash.bin === bin ? 'BIN' : 'key';
  throw new AppError('duplicate', 409, 'errors.duplicateOrganization', { params: { field, value: (field === 'BIN' ? bin : key) ?? '' }, extra: { existingId: clash.id } });
}

/** Names of organizations by id (public facts), for pages that label ids; unknown ids are left out. */
export async function organizationNames(ctx: Ctx, ids: string[]): Promise<Record<string, { kk: string; ru: string; en: string | null }>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return {};
  const rows = await repo.organizationNamesByIds(ctx.db, unique);
  return Object.fromEntries(rows.map((r) => [r.id, { kk: r.name_kk, ru: r.name_ru, en: r.name_en }]));
}

export async function indexOrganization(ctx: Ctx, o: Organization): Promise<void> {
  await upsertSearchDocument(ctx.db, {
    entityType: ORGANIZATION,
    entityId: o.id,
    title: o.name,
    aliases: [...o.aliases, ...(o.shortName ? [o.shortName] : [])],
    codes: o.bin ? [o.bin] : [],
    facets: { regionCode: o.regionCode, organizationKind: o.kind, status: o.status, organizationId: o.id },
    isSynthetic: o.isSynthetic,
  });
}

export const organizationRecord: RecordKind<Organization> = { entityType: ORGANIZATION, index: indexOrganization };

export async function createOrganization(
  ctx: Ctx,
  input: OrganizationInput,
  meta: { isSynthetic?: boolean; source?: Source; at?: Date } = {},
): Promise<Organization> {
  organizationAccess(ctx, []).require('create');
  await checkReferences(ctx, input);
  await refuseDuplicates(ctx, input.bin, input.key);
  const row = await repo.insertOrganization(
    ctx.db,
    {
      key: input.key ?? null,
      bin: input.bin ?? null,
      identifiers: input.identifiers,
      ...nameColumns(input.name),
      short_name: input.shortName ?? null,
      aliases: input.aliases,
      kind: input.kind,
      legal_form: input.legalForm ?? null,
      region_code: input.regionCode ?? null,
      status: input.status,
      website: input.website ?? null,
      is_synthetic: meta.isSynthetic ?? false,
      source: meta.source ?? null,
    },
    meta.at,
  );
  for (const licence of input.licences) await repo.insertLicence(ctx.db, row.id, licence);
  return saveVersion(ctx, organizationRecord, { action: 'organization.create', before: null, after: presentOrganization(row), at: meta.at });
}

/** `ifMatch` (or the patch's `version`) is the version the caller read; a newer one refuses the write. */
export async function updateOrganization(ctx: Ctx, id: string, patch: OrganizationPatch, ifMatch?: ExpectedVersion): Promise<Organization> {
  const access = organizationAccess(ctx, [id]);
  access.require('update');
  const current = await repo.findOrganization(ctx.db, id);
  if (!current) throw notFound(ORGANIZATION, id);
  const expected = expectedVersion(ifMatch, patch.version);
  refuseStale(expected, current.row_version);
  const changed = changedRegisteredFacts(patch, current);
  access.requireRegisteredFacts(changed);
  if (changed.includes('key')) await refuseKeyChangeAfterIssuing(ctx, id, current.key);
  await checkReferences(ctx, patch);
  await refuseDuplicates(ctx, patch.bin, patch.key, id);
  const before = presentOrganization(current);
  const updated = await repo.updateOrganization(ctx.db, id, {
    ...(patch.key !== undefined && { key: patch.key }),
    ...(patch.bin !== undefined && { bin: patch.bin }),
    ...(patch.identifiers !== undefined && { identifiers: patch.identifiers }),
    ...(patch.name !== undefined && nameColumns(patch.name)),
    ...(patch.shortName !== undefined && { short_name: patch.shortName }),
    ...(patch.aliases !== undefined && { aliases: patch.aliases }),
    ...(patch.kind !== undefined && { kind: patch.kind }),
    ...(patch.legalForm !== undefined && { legal_form: patch.legalForm }),
    ...(patch.regionCode !== undefined && { region_code: patch.regionCode }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(patch.website !== undefined && { website: patch.website }),
  }, expected);
  const row = await updatedOrStale(updated, expected, () => repo.findOrganization(ctx.db, id));
  return saveVersion(ctx, organizationRecord, { action: 'organization.update', before, after: presentOrganization(row) });
}

/** The key names the organization's issuer did:web: once a credential is issued, moving it would orphan that credential. */
async function refuseKeyChangeAfterIssuing(ctx: Ctx, id: string, key: string | null): Promise<void> {
  if (!(await hasIssuedCredentials(ctx.db, id))) return;
  const issue: FieldIssue = { path: 'key', messageKey: 'errors.hardening.keyFrozen', params: { key: key ?? id } };
  throw new AppError('conflict', 409, issue.messageKey, { params: issue.params, issues: [issue] });
}

export async function addLicence(ctx: Ctx, organizationId: string, licence: OrganizationInput['licences'][number]) {
  organizationAccess(ctx, [organizationId]).require('manage-licences');
  if (!(await repo.findOrganization(ctx.db, organizationId))) throw notFound(ORGANIZATION, organizationId);
  await checkReferences(ctx, { licences: [licence] });
  const row = await repo.insertLicence(ctx.db, organizationId, licence);
  await recordChange(ctx, { entityType: 'licence', entityId: row.id, action: 'licence.create', before: null, after: { organizationId, ...licence } });
  return row;
}

/** Changes a licence's dates, programme groups or status, found by its number (e.g. an imported licence register). */
export async function updateLicence(ctx: Ctx, organizationId: string, licence: OrganizationInput['licences'][number]) {
  organizationAccess(ctx, [organizationId]).require('manage-licences');
  await checkReferences(ctx, { licences: [licence] });
  const before = (await repo.listLicences(ctx.db, organizationId)).find((l) => l.number === licence.number);
  const row = await repo.updateLicenceByNumber(ctx.db, organizationId, licence.number, licence);
  if (!before || !row) throw notFound('licence', licence.number);
  await recordChange(ctx, { entityType: 'licence', entityId: row.id, action: 'licence.update', before, after: { organizationId, ...licence } });
  return row;
}

export async function organizationHistory(ctx: Ctx, id: string) {
  return recordHistory(ctx, organizationRecord, id);
}

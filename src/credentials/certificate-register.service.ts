// The certificates database: competence and certification centres (and any organization with the
// grant) register certificates they issued outside Sapa's verifiable credentials, so that anyone
// holding one can check it by its QR code or by organization and number.
import type { Lang } from '../platform/i18n/i18n.ts';
import type { Ctx } from '../platform/context.ts';
import { conflict, notFound, unknownReferences, validationFailed, type FieldIssue } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { settings } from '../platform/settings.ts';
import { existingOccupationalStandardIds } from '../frameworks/frameworks.api.ts';
import { existingOrganizationIds, existingProgrammeIds, existingQualificationIds } from '../registry/registry.api.ts';
import { organizationNames } from '../registry/organization.service.ts';
import type { Certificate, CertificateInput } from './certificate-register.schema.ts';
import * as repo from './certificate-register.repository.ts';
import { credentialAccess } from './credentials.access.ts';
import { fieldsOf, langMapOf } from '../platform/db/fields.ts';

export const CERTIFICATE = 'certificate';

/** The public page of a certificate (what its QR code encodes). */
export function certificateVerificationUrl(id: string, lang: Lang = 'kk'): string {
  return `${settings().PUBLIC_URL}/${lang}/certificates/${id}`;
}

/** The columns a certificate shows under their own names. */
const CERTIFICATE_COLUMNS = [
  ...['id', 'organization_id', 'number', 'holder_name', 'title', 'programme_id', 'qualification_id', 'occupational_standard_id'],
  ...['issued_on', 'valid_until', 'status', 'status_reason', 'is_synthetic'],
] as const;

export function presentCertificate(r: repo.CertificateRow, lang: Lang = 'kk'): Certificate {
  return {
    ...fieldsOf(r, CERTIFICATE_COLUMNS),
    organizationName: langMapOf(r, 'org'),
    verificationUrl: certificateVerificationUrl(r.id, lang),
  };
}

async function checkReferences(ctx: Ctx, input: CertificateInput): Promise<void> {
  const issues: FieldIssue[] = [];
  const exists = async (existing: (db: Ctx['db'], ids: string[]) => Promise<Set<string>>, id: string | undefined, path: string) => {
    if (!id) return;
    if (!(await existing(ctx.db, [id])).has(id)) issues.push({ path, messageKey: 'errors.product.unknownRecord', params: { id } });
  };
  await exists(existingOrganizationIds, input.organizationId, 'organizationId');
  await exists(existingProgrammeIds, input.programmeId, 'programmeId');
  await exists(existingQualificationIds, input.qualificationId, 'qualificationId');
  await exists(existingOccupationalStandardIds, input.occupationalStandardId, 'occupationalStandardId');
  if (issues.length) throw unknownReferences(issues);
}

export async function registerCertificate(ctx: Ctx, input: CertificateInput, options: { isSynthetic?: boolean } = {}): Promise<Certificate> {
  credentialAccess(ctx, input.organizationId).require('register-certificates');
  if (input.validUntil && input.validUntil <= input.issuedOn) {
    throw validationFailed([{ path: 'validUntil', messageKey: 'errors.product.certificate.validBeforeIssue' }]);
  }
  await checkReferences(ctx, input);
  if (await repo.findByNumber(ctx.db, input.organizationId, input.number)) {
    throw conflict('errors.product.certificate.duplicateNumber', { number: input.number });
  }
  const id = await repo.insertCertificate(ctx.db, {
    organization_id: input.organizationId,
    number: input.number.trim(),
    holder_name: input.holderName,
    title: input.title,
    programme_id: input.programmeId ?? null,
    qualification_id: input.qualificationId ?? null,
    occupational_standard_id: input.occupationalStandardId ?? null,
    issued_on: input.issuedOn,
    valid_until: input.validUntil ?? null,
    is_synthetic: options.isSynthetic ?? false,
  });
  const out = await getCertificate(ctx, id);
  await recordChange(ctx, { entityType: CERTIFICATE, entityId: id, action: 'register', before: null, after: out });
  return out;
}

/** Public: whoever follows the QR code sees the certificate and whether it is still valid. */
export async function getCertificate(ctx: Ctx, id: string): Promise<Certificate> {
  const row = await repo.findCertificate(ctx.db, id);
  if (!row) throw notFound(CERTIFICATE, id);
  return presentCertificate(row, ctx.lang);
}

/**
 * Public lookup by organization and number (both, so holders' names cannot be listed); the
 * organization's own staff may list every certificate they registered.
 */
/** Names of the organizations that have registered certificates, for the public lookup form. */
export async function certificateIssuers(ctx: Ctx) {
  return organizationNames(ctx, await repo.issuingOrganizationIds(ctx.db));
}

export async function findCertificates(ctx: Ctx, q: { organizationId?: string; number?: string; limit: number; offset: number }) {
  if (q.organizationId && q.number) {
    const row = await repo.findByNumber(ctx.db, q.organizationId, q.number);
    return { items: row ? [presentCertificate(row, ctx.lang)] : [], total: row ? 1 : 0 };
  }
  if (!q.organizationId) throw validationFailed([{ path: 'number', messageKey: 'errors.product.certificate.lookupNeedsBoth' }]);
  credentialAccess(ctx, q.organizationId).require('register-certificates');
  const { items, total } = await repo.listByOrganization(ctx.db, q.organizationId, q.limit, q.offset);
  return { items: items.map((r) => presentCertificate(r, ctx.lang)), total };
}

export async function revokeCertificate(ctx: Ctx, id: string, reason: string): Promise<Certificate> {
  const before = await getCertificate(ctx, id);
  credentialAccess(ctx, before.organizationId).require('register-certificates');
  if (before.status === 'revoked') return before;
  await repo.setStatus(ctx.db, id, 'revoked', reason);
  const after = await getCertificate(ctx, id);
  await recordChange(ctx, { entityType: CERTIFICATE, entityId: id, action: 'revoke', before, after });
  return after;
}

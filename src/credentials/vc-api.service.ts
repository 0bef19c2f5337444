// The W3C CCG VC API over Sapa's services: who issues (token → organization), verification
// results in the VC API shape, status updates. Demo mode binds the token `sapa-demo-issuer`.
import { randomBytes } from 'node:crypto';
import { type Actor, systemActor } from '../platform/access/roles.ts';
import { actorFor, createUser, issueApiToken } from '../platform/auth/auth.service.ts';
import type { Ctx } from '../platform/context.ts';
import { inTransaction } from '../platform/context.ts';
import { AppError, notFound, unauthenticated } from '../platform/errors.ts';
import { settings } from '../platform/settings.ts';
import { organizationIdByKey } from '../registry/registry.api.ts';
import { uuidOfCredentialId } from './credential.service.ts';
import { didOf } from './keys.did.ts';
import { organizationOfDid } from './keys.service.ts';
import type { StatusAction } from './status-list.rules.ts';
import { CRYPTOSUITE, CRYPTOSUITES, type Cryptosuite } from './data-integrity.ts';
import { MalformedPresentation, type PresentationReport, verifyPresentation } from './presentation.service.ts';
import { type VerificationReport, verifyCredential } from './verify.service.ts';
import { credentialAccess } from './credentials.access.ts';

/** Demo mode only: the bearer token of the demo issuer (README). */
export const DEMO_ISSUER_TOKEN = 'sapa-demo-issuer';
export const DEMO_ISSUER_ORGANIZATION_KEY = 'demo-digital-competence-centre';
const DEMO_ISSUER_EMAIL = 'vc-api-issuer@demo.sapa.kz';

export const badRequest = (message: string) => new AppError('bad_request', 400, 'errors.credential.malformed', { params: { message } });

/**
 * The actor of a VC API call. In demo mode the token `sapa-demo-issuer` belongs to an org-admin
 * of the demo competence centre, made on first use (so a fresh demo database needs no setup).
 */
export async function vcApiActor(ctx: Ctx, bearer: string | undefined): Promise<Actor> {
  if (ctx.actor.kind !== 'anonymous' || bearer !== DEMO_ISSUER_TOKEN || !settings().SAPA_DEMO) return ctx.actor;
  const organizationId = await organizationIdByKey(ctx.db, DEMO_ISSUER_ORGANIZATION_KEY);
  if (!organizationId) return ctx.actor;
  await inTransaction({ ...ctx, actor: systemActor('vc-api demo token') }, async (sys) => {
    const existing = await sys.db.selectFrom('users').select('id').where('email', '=', DEMO_ISSUER_EMAIL).executeTakeFirst();
    const userId =
      existing?.id ??
      (
        await createUser(sys, {
          email: DEMO_ISSUER_EMAIL,
          displayName: 'VC API demo issuer (Digital Competence Centre, demo)',
          password: randomBytes(18).toString('base64url'),
          roles: [{ role: 'org-admin', organizationId }],
          isSynthetic: true,
        })
      ).id;
    const bound = await actorFor(sys, { bearer });
    if (bound.kind === 'anonymous') await issueApiToken(sys, userId, 'VC API demo issuer', DEMO_ISSUER_TOKEN);
  });
  return actorFor(ctx, { bearer });
}

/** The organization the caller issues for: the one its credential names, or its only one. */
export async function issuingOrganization(ctx: Ctx, issuer: unknown): Promise<string> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const claimed = typeof issuer === 'string' ? issuer : issuer && typeof issuer === 'object' && 'id' in issuer ? String(issuer.id) : null;
  if (claimed) {
    const org = await organizationOfDid(ctx.db, didOf(claimed));
    if (org && credentialAccess(ctx, org).can('issue')) return org;
  }
  const own = ctx.actor.kind === 'user' ? [...new Set(ctx.actor.roles.map((r) => r.organizationId).filter((id): id is string => id !== null))] : [];
  const issuing = own.filter((id) => credentialAccess(ctx, id).can('issue'));
  if (issuing.length === 1 && issuing[0]) return issuing[0];
  throw new AppError('forbidden', 403, 'errors.credential.noIssuerOrganization');
}

export type VcApiProblem = { type: string; title: string; detail: string };
export type VcApiVerification = { verified: boolean; checks: string[]; warnings: VcApiProblem[]; errors: VcApiProblem[]; verdict: string; summary: string };

export function toVcApiResult(report: VerificationReport): VcApiVerification {
  const problem = (c: VerificationReport['checks'][number]): VcApiProblem => ({ type: `urn:sapa:verification:${c.check}`, title: c.check, detail: c.message });
  return {
    verified: report.verdict !== 'invalid',
    checks: report.checks.filter((c) => c.ok).map((c) => c.check),
    warnings: report.checks.filter((c) => !c.ok && c.severity === 'warning').map(problem),
    errors: report.checks.filter((c) => !c.ok && c.severity === 'error').map(problem),
    verdict: report.verdict,
    summary: report.summary,
  };
}

export async function verifyForVcApi(ctx: Ctx, credential: unknown): Promise<VcApiVerification> {
  return toVcApiResult(await verifyCredential(ctx.db, credential, { lang: ctx.lang }));
}

/**
 * The VC API `options` a call supports; any other is refused (400 naming it) rather than
 * ignored, so a caller never believes Sapa did something it did not.
 */
export function checkedOptions<K extends string>(options: Record<string, unknown> | undefined, supported: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [name, value] of Object.entries(options ?? {})) {
    if (!supported.includes(name as K)) throw new AppError('bad_request', 400, 'errors.credential.unsupportedOption', { params: { option: `options.${name}` } });
    if (typeof value !== 'string' || !value) throw badRequest(`options.${name} must be a non-empty string`);
    out[name as K] = value;
  }
  return out;
}

/** The cryptosuite an issue call asks for (option `cryptosuite`), refused when Sapa has none such. */
export function issueCryptosuite(options: Record<string, unknown> | undefined): Cryptosuite {
  const { cryptosuite } = checkedOptions(options, ['cryptosuite']);
  if (cryptosuite === undefined) return CRYPTOSUITE;
  if (!CRYPTOSUITES.includes(cryptosuite as Cryptosuite)) throw new AppError('bad_request', 400, 'errors.credential.unsupportedCryptosuite', { params: { value: cryptosuite } });
  return cryptosuite as Cryptosuite;
}

export type VcApiPresentationVerification = {
  verified: boolean;
  checks: string[];
  warnings: VcApiProblem[];
  errors: VcApiProblem[];
  holder: string | null;
  presentationResult: PresentationReport['checks'];
  credentialResults: VcApiVerification[];
};

/** A presentation's proof (holder, challenge, domain), holder binding and every credential, in the VC API shape. */
export async function verifyPresentationForVcApi(ctx: Ctx, presentation: Record<string, unknown>, options?: Record<string, unknown>): Promise<VcApiPresentationVerification> {
  const { challenge, domain } = checkedOptions(options, ['challenge', 'domain']);
  let report: PresentationReport;
  try {
    report = await verifyPresentation(ctx.db, presentation, { challenge, domain, lang: ctx.lang });
  } catch (error) {
    if (error instanceof MalformedPresentation) throw badRequest(error.message);
    throw error;
  }
  const credentialResults = report.credentialResults.map(toVcApiResult);
  const problem = (title: string, detail: string): VcApiProblem => ({ type: `urn:sapa:verification:presentation:${title}`, title, detail });
  const errors = [
    ...report.checks.filter((c) => !c.ok).map((c) => problem(c.check, c.message)),
    ...credentialResults.flatMap((r, i) => r.errors.map((e) => ({ ...e, title: `verifiableCredential[${i}].${e.title}` }))),
  ];
  const warnings = credentialResults.flatMap((r, i) => r.warnings.map((w) => ({ ...w, title: `verifiableCredential[${i}].${w.title}` })));
  return {
    verified: report.verified,
    checks: report.checks.filter((c) => c.ok).map((c) => c.check),
    warnings,
    errors,
    holder: report.holder,
    presentationResult: report.checks,
    credentialResults,
  };
}

/** VC API status values to Sapa's status actions. */
export function statusActionOf(status: unknown): StatusAction | null {
  switch (status) {
    case 'revoked':
    case 'revoke':
      return 'revoke';
    case 'suspended':
    case 'suspend':
      return 'suspend';
    case 'active':
    case 'unsuspended':
    case 'reinstated':
      return 'reinstate';
    default:
      return null;
  }
}

export function credentialUuid(credentialId: unknown): string {
  if (typeof credentialId !== 'string' || !credentialId) throw badRequest('credentialId is required');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(credentialId) ? credentialId.toLowerCase() : uuidOfCredentialId(credentialId);
  if (!uuid) throw notFound('credential', credentialId);
  return uuid;
}

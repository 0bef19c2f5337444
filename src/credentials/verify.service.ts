// Verification of a credential, each check reported on its own, with a verdict in plain words.
// Reads only Sapa's database and the bundled contexts: it never fetches anything.
import { accreditationInForceOn } from '../accreditation/accreditation.api.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { type Lang, translator } from '../platform/i18n/i18n.ts';
import { certificationCentreAccreditedOn, licenceInForceOn, organizationById, type ProgrammeRef, programmeById } from '../registry/registry.api.ts';
import { awardCoverOfScope, awardCoverOn, fieldLabel } from './award-scope.ts';
import { type Scope, scopeIsEmpty, scopeOfCredential } from './award-scope.rules.ts';
import { uuidOfCredentialId } from './credential.service.ts';
import { didOf } from './keys.did.ts';
import { type KnownKey, organizationOfDid, resolveVerificationMethod } from './keys.service.ts';
import { checkProof } from './proof.ts';
import { CENTRE_KINDS } from './specification.rules.ts';
import { slotStates, statusListIdOf } from './status-list.service.ts';
import { issuerIdOf, shapeProblems } from './verify.shape.ts';

export const CHECKS = ['shape', 'proof', 'issuer', 'accreditation', 'programme', 'status', 'validity'] as const;
export type CheckName = (typeof CHECKS)[number];
export type Verdict = 'valid' | 'valid-with-warnings' | 'invalid';

export type CheckResult = {
  check: CheckName;
  ok: boolean;
  /** A failed warning does not make the credential invalid (e.g. no licence found on the award date). */
  severity: 'error' | 'warning';
  /** Whether the check ran (false: an earlier failure made it meaningless). */
  checked: boolean;
  message: string;
  /** Catalog key of the message and its parameters, for pages that render it in another language. */
  key: string;
  params: Record<string, string>;
};

export type VerificationReport = {
  verdict: Verdict;
  summary: string;
  credentialId: string | null;
  issuer: { id: string | null; organizationId: string | null; name: string | null };
  checks: CheckResult[];
};

/** `severity` overrides the check's own (an issuer outside the register is a warning, not a forgery). */
type Outcome = { ok: boolean; key: string; params?: Record<string, string>; checked?: boolean; severity?: 'error' | 'warning' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const day = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString()).slice(0, 10);
const skipped: Outcome = { ok: false, key: 'ui.credential.result.skipped', checked: false };

type Resolve = (id: string) => Promise<KnownKey | null>;

async function proofOutcome(credential: Record<string, unknown>, issuerId: string | null, resolve: Resolve): Promise<Outcome> {
  const proofs = asArray(credential.proof).filter(isObject);
  if (!proofs.length) return { ok: false, key: 'ui.credential.result.proof.missing' };
  for (const proof of proofs) {
    const method = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : '';
    const key = await resolve(method);
    if (!key) return { ok: false, key: 'ui.credential.result.proof.unknownKey', params: { key: method || '—' } };
    if (issuerId && key.controller !== issuerId) return { ok: false, key: 'ui.credential.result.proof.notIssuerKey', params: { controller: key.controller } };
    const created = typeof proof.created === 'string' ? new Date(proof.created) : null;
    if (key.rotatedAt && (!created || Number.isNaN(created.getTime()) || created > key.rotatedAt)) {
      return { ok: false, key: 'ui.credential.result.proof.rotated', params: { date: day(key.rotatedAt) } };
    }
  }
  const result = await checkProof(credential, resolve);
  if (!result.verified) return { ok: false, key: 'ui.credential.result.proof.invalid', params: { error: result.error ?? '' } };
  return { ok: true, key: 'ui.credential.result.proof.ok', params: { key: String(proofs[0]?.verificationMethod ?? '') } };
}

/** A licence, an accreditation decision or a certification-centre accreditation valid on the date. */
async function anyAccreditationOutcome(db: Db, organizationId: string, name: string, awardDate: string): Promise<Outcome> {
  const licence = await licenceInForceOn(db, organizationId, awardDate);
  if (licence) return { ok: true, key: 'ui.credential.result.accreditation.licence', params: { name, number: licence.number, date: awardDate } };
  const decision = await accreditationInForceOn(db, organizationId, awardDate);
  if (decision)
    return {
      ok: true,
      key: 'ui.credential.result.accreditation.accreditation',
      params: { name, date: awardDate, from: decision.validFrom, to: decision.validTo ?? '…' },
    };
  if (await certificationCentreAccreditedOn(db, organizationId, awardDate)) return { ok: true, key: 'ui.credential.result.accreditation.certificationCentre', params: { name, date: awardDate } };
  return { ok: false, key: 'ui.credential.result.accreditation.none', params: { name, date: awardDate } };
}

/** The specification of a Sapa credential: its programme, if any, and its field and level. */
async function specificationOf(db: Db, credential: Record<string, unknown>, organizationId: string) {
  const uuid = uuidOfCredentialId(credential.id);
  return uuid
    ? await db
        .selectFrom('credentials as c')
        .innerJoin('credential_specifications as s', 's.id', 'c.specification_id')
        .select(['s.programme_id', 's.field_code', 's.nqf_level'])
        .where('c.id', '=', uuid)
        // A credential of another issuer that reuses this id (the VC API keeps a caller's id) vouches for nothing.
        .where('c.organization_id', '=', organizationId)
        .executeTakeFirst()
    : undefined;
}

const programmeLabel = (programme: ProgrammeRef, lang: Lang | undefined) =>
  `${programme.code} ${lang === 'ru' ? programme.name_ru : lang === 'en' ? (programme.name_en ?? programme.name_ru) : programme.name_kk}`;

/**
 * The issuer's licence or accreditation on the award date. When the credential's programme is
 * known, only one covering it (its group of programmes, hence field and level) counts, and the
 * message names it; otherwise (or when the programme has no group to match a licence by) one
 * covering the field and level the credential states.
 */
async function accreditationOutcome(
  db: Db,
  organizationId: string,
  name: string,
  awardDate: string,
  programme: ProgrammeRef | undefined,
  scope: Scope,
  lang: Lang | undefined,
): Promise<Outcome> {
  if (!programme) return scopeOutcome(db, organizationId, name, awardDate, scope, lang);
  const label = programmeLabel(programme, lang);
  const cover = await awardCoverOn(db, programme, awardDate);
  // A programme without a group of programmes cannot be matched to a licence (licences list
  // groups): what the credential states of its own field and level decides instead.
  if (!cover && !programme.group_code && !scopeIsEmpty(scope)) return scopeOutcome(db, organizationId, name, awardDate, scope, lang);
  if (cover?.kind === 'licence') return { ok: true, key: 'ui.credential.result.accreditation.scopeLicence', params: { name, number: cover.number, programme: label, date: awardDate } };
  if (cover?.kind === 'decision')
    return {
      ok: true,
      key: 'ui.credential.result.accreditation.scopeDecision',
      params: { name, programme: label, date: awardDate, decision: cover.reference, from: cover.validFrom, to: cover.validTo ?? '…' },
    };
  return { ok: false, key: 'ui.credential.result.accreditation.outOfScope', params: { name, programme: label, date: awardDate } };
}

/**
 * No programme: the field and level the credential states must be covered (certification and
 * competence centres, registered for occupational standards rather than fields, keep their own
 * registration check). Stating neither leaves the scope unchecked: a warning, not a pass.
 */
async function scopeOutcome(db: Db, organizationId: string, name: string, awardDate: string, scope: Scope, lang: Lang | undefined): Promise<Outcome> {
  const kind = (await organizationById(db, organizationId))?.kind ?? '';
  if (CENTRE_KINDS.includes(kind)) return anyAccreditationOutcome(db, organizationId, name, awardDate);
  if (scopeIsEmpty(scope)) return { ok: false, key: 'ui.credential.result.accreditation.scopeUnknown', params: { name, date: awardDate } };
  const t = translator(lang ?? 'en');
  const field = scope.fieldCode === undefined ? undefined : await fieldLabel(db, scope.fieldCode, lang ?? 'en');
  const label =
    field !== undefined && scope.nqfLevel !== undefined
      ? t('ui.credential.scope.fieldAndLevel', { field, level: scope.nqfLevel })
      : field !== undefined
        ? t('ui.credential.scope.field', { field })
        : t('ui.credential.scope.level', { level: scope.nqfLevel });
  const cover = await awardCoverOfScope(db, organizationId, scope, awardDate);
  if (cover?.kind === 'licence') return { ok: true, key: 'ui.credential.result.accreditation.scopeFactsLicence', params: { name, number: cover.number, scope: label, date: awardDate } };
  if (cover?.kind === 'decision')
    return {
      ok: true,
      key: 'ui.credential.result.accreditation.scopeFactsDecision',
      params: { name, scope: label, date: awardDate, decision: cover.reference, from: cover.validFrom ?? '…', to: cover.validTo ?? '…' },
    };
  return { ok: false, key: 'ui.credential.result.accreditation.scopeFactsUncovered', params: { name, scope: label, date: awardDate } };
}

/** A programme: covered by a licence or decision on the award date. No programme: nothing to check. */
async function programmeOutcome(db: Db, programme: ProgrammeRef | undefined, awardDate: string, lang: Lang | undefined): Promise<Outcome> {
  if (!programme) return { ok: true, key: 'ui.credential.result.programme.none' };
  const label = programmeLabel(programme, lang);
  const cover = await awardCoverOn(db, programme, awardDate);
  if (cover?.kind === 'decision') return { ok: true, key: 'ui.credential.result.programme.accredited', params: { programme: label, date: awardDate } };
  if (cover?.kind === 'licence') return { ok: true, key: 'ui.credential.result.programme.licensed', params: { programme: label, date: awardDate, number: cover.number } };
  return { ok: false, key: 'ui.credential.result.programme.neither', params: { programme: label, date: awardDate } };
}

async function statusOutcome(db: Db, credential: Record<string, unknown>, organizationId: string | null): Promise<Outcome> {
  const entries = asArray(credential.credentialStatus).filter(isObject);
  if (!entries.length) return { ok: true, key: 'ui.credential.result.status.none' };
  const slots = entries.map((entry) => ({ listId: statusListIdOf(String(entry.statusListCredential ?? '')) ?? '', index: Number(entry.statusListIndex) }));
  const states = await slotStates(
    db,
    slots.filter((s) => s.listId),
  );
  let next = 0;
  for (const [i, entry] of entries.entries()) {
    const url = String(entry.statusListCredential ?? '') || '—';
    const state = slots[i]?.listId ? states[next++] : null;
    // A list of another organization, or of another purpose, cannot vouch for this credential.
    if (entry.type !== 'BitstringStatusListEntry' || !state) return { ok: false, key: 'ui.credential.result.status.unknownList', params: { url } };
    if (state.purpose !== entry.statusPurpose || state.organizationId !== organizationId) {
      return { ok: false, key: 'ui.credential.result.status.foreignList', params: { url } };
    }
    if (state.set) {
      const uuid = uuidOfCredentialId(credential.id);
      const row = uuid
        ? await db
            .selectFrom('credentials')
            .select(['status', 'status_reason', 'status_changed_at'])
            .where('id', '=', uuid)
            .where('organization_id', '=', state.organizationId)
            .executeTakeFirst()
        : undefined;
      const params = { reason: row?.status_reason ?? '—', date: row?.status_changed_at ? day(row.status_changed_at) : '—' };
      // A set suspension bit also marks a revoked credential (decision 68): the record tells which.
      const revoked = state.purpose === 'revocation' || row?.status === 'revoked';
      return { ok: false, key: revoked ? 'ui.credential.result.status.revoked' : 'ui.credential.result.status.suspended', params };
    }
  }
  return { ok: true, key: 'ui.credential.result.status.ok' };
}

function validityOutcome(credential: Record<string, unknown>, now: Date): Outcome {
  const from = typeof credential.validFrom === 'string' ? new Date(credential.validFrom) : null;
  const until = typeof credential.validUntil === 'string' ? new Date(credential.validUntil) : null;
  if (from && !Number.isNaN(from.getTime()) && from > now) return { ok: false, key: 'ui.credential.result.validity.notYet', params: { from: day(from) } };
  if (until && !Number.isNaN(until.getTime()) && until < now) return { ok: false, key: 'ui.credential.result.validity.expired', params: { until: day(until) } };
  return { ok: true, key: 'ui.credential.result.validity.ok', params: { now: day(now) } };
}

/** Runs every check on a credential and says, in the caller's language, whether to rely on it. */
export async function verifyCredential(db: Db, input: unknown, options: { now?: Date; lang?: Lang } = {}): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  const t = translator(options.lang ?? 'en');
  const outcomes = new Map<CheckName, Outcome>();
  const problems = await shapeProblems(input);
  const shapeParams: Record<string, string> = { problems: problems.map((p) => t(`errors.credential.shape.${p.key}`, p.params ?? {})).join('; ') };
  outcomes.set(
    'shape',
    problems.length ? { ok: false, key: 'ui.credential.result.shape.failed', params: shapeParams } : { ok: true, key: 'ui.credential.result.shape.ok' },
  );

  const credential = isObject(input) ? input : null;
  const issuerId = credential ? issuerIdOf(credential) : null;
  let organizationId: string | null = null;
  let name: string | null = null;
  if (!credential) {
    for (const check of CHECKS.slice(1)) outcomes.set(check, skipped);
  } else {
    // Each verification method is read once, whichever check asks first.
    const keys = new Map<string, Promise<KnownKey | null>>();
    const resolve: Resolve = (id) => {
      const found = keys.get(id) ?? resolveVerificationMethod(db, id);
      keys.set(id, found);
      return found;
    };
    outcomes.set('proof', await proofOutcome(credential, issuerId, resolve));
    const firstMethod = asArray(credential.proof).filter(isObject)[0]?.verificationMethod;
    const signer = typeof firstMethod === 'string' ? await resolve(firstMethod) : null;
    organizationId = issuerId ? (signer && signer.controller === didOf(issuerId) ? signer.organizationId : await organizationOfDid(db, didOf(issuerId))) : null;
    const org = organizationId ? await organizationById(db, organizationId) : undefined;
    name = org ? (options.lang === 'ru' ? org.name_ru : options.lang === 'en' ? (org.name_en ?? org.name_ru) : org.name_kk) : null;
    // A genuine signature by a key the issuer controls (did:key) is not a forgery: the issuer is
    // just not one of the register's.
    const genuineOutsider = outcomes.get('proof')?.ok === true && signer?.organizationId === null && signer.controller === issuerId;
    outcomes.set(
      'issuer',
      organizationId && name
        ? { ok: true, key: 'ui.credential.result.issuer.ok', params: { name } }
        : genuineOutsider
          ? { ok: false, key: 'ui.credential.result.issuer.notRegistered', params: { issuer: issuerId ?? '—' }, severity: 'warning' }
          : { ok: false, key: 'ui.credential.result.issuer.unknown', params: { issuer: issuerId ?? '—' } },
    );
    const parsed = typeof credential.validFrom === 'string' && !Number.isNaN(Date.parse(credential.validFrom)) ? day(new Date(credential.validFrom)) : null;
    // Only a year PostgreSQL can compare (0001–9999): '0000-…' or '-000001-…' would be a database error, not a failed check.
    const awardDate = parsed && /^\d{4}-\d{2}-\d{2}$/.test(parsed) && parsed >= '0001-01-01' ? parsed : null;
    const spec = organizationId && awardDate ? await specificationOf(db, credential, organizationId) : undefined;
    const programme = spec?.programme_id ? await programmeById(db, spec.programme_id) : undefined;
    // Sapa's own specification knows the field and level; anyone else's credential states them (or not).
    const scope: Scope = spec ? { fieldCode: spec.field_code, nqfLevel: spec.nqf_level } : scopeOfCredential(credential);
    outcomes.set(
      'accreditation',
      organizationId && name && awardDate ? await accreditationOutcome(db, organizationId, name, awardDate, programme, scope, options.lang) : skipped,
    );
    outcomes.set('programme', organizationId && awardDate ? await programmeOutcome(db, programme, awardDate, options.lang) : skipped);
    outcomes.set('status', await statusOutcome(db, credential, organizationId));
    outcomes.set('validity', validityOutcome(credential, now));
  }

  const checks: CheckResult[] = CHECKS.map((check) => {
    const o = outcomes.get(check) ?? skipped;
    const params = o.params ?? {};
    return {
      check,
      ok: o.ok,
      severity: o.severity ?? (check === 'accreditation' || check === 'programme' ? 'warning' : 'error'),
      checked: o.checked ?? true,
      message: t(o.key, params),
      key: o.key,
      params,
    };
  });
  const failed = checks.filter((c) => !c.ok && c.severity === 'error');
  const warned = checks.filter((c) => !c.ok && c.severity === 'warning');
  const verdict: Verdict = failed.length ? 'invalid' : warned.length ? 'valid-with-warnings' : 'valid';
  const labels = (list: CheckResult[]) => list.map((c) => t(`ui.credential.check.${c.check}`)).join(', ');
  const summary =
    verdict === 'valid'
      ? t('ui.credential.verdict.valid', { issuer: name ?? '—' })
      : verdict === 'valid-with-warnings'
        ? t('ui.credential.verdict.warning', { issuer: name ?? '—', warnings: labels(warned) })
        : t('ui.credential.verdict.invalid', { failed: labels(failed) });
  return {
    verdict,
    summary,
    credentialId: credential && typeof credential.id === 'string' ? credential.id : null,
    issuer: { id: issuerId, organizationId, name },
    checks,
  };
}

/** Verifies a credential someone presents (pasted or posted), with messages in the caller's language. */
export function verifyPresented(ctx: Ctx, input: unknown): Promise<VerificationReport> {
  return verifyCredential(ctx.db, input, { lang: ctx.lang });
}

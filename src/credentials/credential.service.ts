// Issuing and storing Open Badges 3.0 credentials: permission, status slots, signature with the
// organization's key, one row per credential, audit.
import { createHash, randomUUID } from 'node:crypto';
import { actorId } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError, notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { organizationById } from '../registry/registry.api.ts';
import { type AchievementInput, buildOpenBadgeCredential, type IssuerRecord, issuerProfile, type LearnerInput, toDateTimeStamp } from './credential.build.ts';
import * as repo from './credential.repository.ts';
import { signingKeyFor } from './keys.internal.ts';
import type { Cryptosuite } from './data-integrity.ts';
import { signWithIssuerKey } from './proof.ts';
import { statusEntry } from './status-list.rules.ts';
import { allocateStatusSlots, statusListUrl } from './status-list.service.ts';
import { shapeProblems } from './verify.shape.ts';
import { credentialAccess } from './credentials.access.ts';

export type IssueCredentialInput = {
  organizationId: string;
  learner: LearnerInput;
  achievement: AchievementInput;
  /** `YYYY-MM-DD` or a date-time: the award date. */
  validFrom: string;
  validUntil?: string | null;
  specificationId?: string | null;
  /** Issuing again with the same key returns the first credential instead of a second one (batches). */
  idempotencyKey?: string | null;
};

export type IssuedCredential = {
  id: string;
  organizationId: string;
  status: string;
  credential: Record<string, unknown>;
  /** false when the idempotency key had already issued this credential */
  created: boolean;
};

export const credentialIdOf = (uuid: string) => `urn:uuid:${uuid}`;

/** The Sapa id (uuid) a credential's `id` names, or null. */
export function uuidOfCredentialId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const m = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(id);
  return m?.[1]?.toLowerCase() ?? null;
}

const hashOf = (credential: unknown) => createHash('sha256').update(JSON.stringify(credential)).digest('hex');

async function existing(ctx: Ctx, organizationId: string, key: string | null | undefined): Promise<IssuedCredential | null> {
  if (!key) return null;
  const found = await repo.byIdempotencyKey(ctx.db, organizationId, key);
  if (!found) return null;
  const row = await repo.credentialRow(ctx.db, found.id);
  return row ? { id: row.id, organizationId, status: row.status, credential: row.credential, created: false } : null;
}

type Meta = {
  learner: LearnerInput;
  achievementName: string;
  validFrom: string;
  validUntil: string | null;
  specificationId: string | null;
  idempotencyKey: string | null;
  isSynthetic: boolean;
  /** eddsa-rdfc-2022 unless the caller asks for eddsa-jcs-2022 (VC API option). */
  cryptosuite?: Cryptosuite;
};

/** Signs and stores a credential whose issuer, id and status entries Sapa fills in. */
async function signAndStore(
  ctx: Ctx,
  organizationId: string,
  make: (parts: {
    id: string;
    did: string;
    issuer: IssuerRecord;
    credentialStatus: Record<string, unknown>;
  }) => Record<string, unknown>,
  meta: Meta,
): Promise<IssuedCredential> {
  const org = await organizationById(ctx.db, organizationId);
  if (!org) throw notFound('organization', organizationId);
  const key = await signingKeyFor(ctx, organizationId);
  const slots = await allocateStatusSlots(ctx, organizationId);
  const id = randomUUID();
  const unsigned = make({
    id: credentialIdOf(id),
    did: key.controller,
    issuer: { did: key.controller, name: org.name_kk, url: org.website, bin: org.bin },
    credentialStatus: statusEntry(statusListUrl, slots),
  });
  const problems = await shapeProblems(unsigned);
  if (problems.length) {
    throw validationFailed(problems.map((p) => ({ path: p.params?.field ?? 'credential', messageKey: `errors.credential.shape.${p.key}`, params: p.params })));
  }
  const credential = await signWithIssuerKey(unsigned, key, meta.cryptosuite);
  const learnerUserId = meta.learner.email ? ((await repo.userIdByEmail(ctx.db, meta.learner.email))?.id ?? null) : null;
  await repo.insertCredential(ctx.db, {
    id,
    organization_id: organizationId,
    credential,
    hash: hashOf(credential),
    learner_name: meta.learner.name,
    learner_email: meta.learner.email?.trim().toLowerCase() || null,
    learner_identifier: meta.learner.identifier?.trim() || null,
    learner_user_id: learnerUserId,
    achievement_name: meta.achievementName,
    specification_id: meta.specificationId,
    idempotency_key: meta.idempotencyKey,
    valid_from: new Date(meta.validFrom),
    valid_until: meta.validUntil ? new Date(meta.validUntil) : null,
    issued_by: actorId(ctx.actor),
    revocation_list_id: slots.revocation.listId,
    revocation_index: slots.revocation.index,
    suspension_list_id: slots.suspension.listId,
    suspension_index: slots.suspension.index,
    is_synthetic: meta.isSynthetic,
  });
  await recordChange(ctx, {
    entityType: 'credential',
    entityId: id,
    action: 'credential.issue',
    before: null,
    after: {
      organizationId,
      achievement: meta.achievementName,
      learner: meta.learner.name,
      validFrom: meta.validFrom,
      validUntil: meta.validUntil,
      specificationId: meta.specificationId,
    },
    versioned: false,
  });
  return { id, organizationId, status: 'active', credential, created: true };
}

function datesOf(validFrom: string, validUntil: string | null | undefined): { validFrom: string; validUntil: string | null } {
  let from: string;
  let until: string | null = null;
  try {
    from = toDateTimeStamp(validFrom);
  } catch {
    throw validationFailed([{ path: 'validFrom', messageKey: 'errors.field.invalid' }]);
  }
  if (validUntil) {
    try {
      until = toDateTimeStamp(validUntil);
    } catch {
      throw validationFailed([{ path: 'validUntil', messageKey: 'errors.field.invalid' }]);
    }
    if (until <= from) throw validationFailed([{ path: 'validUntil', messageKey: 'errors.credential.validUntilBeforeFrom' }]);
  }
  return { validFrom: from, validUntil: until };
}

/** Issues one OpenBadgeCredential for a learner (permission credential.issue for the organization). */
export async function issueCredential(ctx: Ctx, input: IssueCredentialInput, options: { isSynthetic?: boolean } = {}): Promise<IssuedCredential> {
  credentialAccess(ctx, input.organizationId).require('issue');
  const again = await existing(ctx, input.organizationId, input.idempotencyKey);
  if (again) return again;
  const dates = datesOf(input.validFrom, input.validUntil);
  return signAndStore(
    ctx,
    input.organizationId,
    (p) =>
      buildOpenBadgeCredential({
        id: p.id,
        issuer: p.issuer,
        learner: input.learner,
        achievement: input.achievement,
        validFrom: dates.validFrom,
        validUntil: dates.validUntil,
        credentialStatus: p.credentialStatus,
      }),
    {
      learner: input.learner,
      achievementName: input.achievement.name,
      ...dates,
      specificationId: input.specificationId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      isSynthetic: options.isSynthetic ?? false,
    },
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isOpenBadge = (credential: Record<string, unknown>) =>
  (Array.isArray(credential.type) ? credential.type : [credential.type]).some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential');

/**
 * The issuer of a VC API credential: the token's organization. None given: its DID (a plain VC)
 * or its profile from the register (an Open Badge). A profile given keeps what the caller wrote
 * and gets the register's name when it has none. Anything else, or another issuer, is refused.
 */
function callerIssuer(given: unknown, did: string, register: IssuerRecord, openBadge: boolean): unknown {
  const mismatch = () => validationFailed([{ path: 'issuer', messageKey: 'errors.credential.issuerMismatch', params: { did } }]);
  if (given === undefined) return openBadge ? issuerProfile(register) : did;
  if (typeof given === 'string') {
    if (given !== did) throw mismatch();
    return openBadge ? issuerProfile(register) : did;
  }
  if (!isObject(given)) throw validationFailed([{ path: 'issuer', messageKey: 'errors.credential.shape.field', params: { field: 'issuer' } }]);
  if (given.id !== undefined && given.id !== did) throw mismatch();
  return { ...issuerProfile(register), ...given, id: did };
}

/**
 * VC API issuance: signs the caller's credential as the organization. Sapa sets the issuer
 * (its did:web; a different issuer is refused), the id when absent, and the status entries
 * (always its own revocation and suspension slots).
 */
export async function issueGivenCredential(
  ctx: Ctx,
  organizationId: string,
  given: Record<string, unknown>,
  options: { cryptosuite?: Cryptosuite } = {},
): Promise<IssuedCredential> {
  credentialAccess(ctx, organizationId).require('issue');
  if ('proof' in given) throw new AppError('bad_request', 400, 'errors.credential.alreadySigned');
  if ('credentialStatus' in given) throw validationFailed([{ path: 'credentialStatus', messageKey: 'errors.credential.statusNotAccepted' }]);
  const subject = Array.isArray(given.credentialSubject) ? given.credentialSubject[0] : given.credentialSubject;
  const achievement = isObject(subject) && isObject(subject.achievement) ? subject.achievement : null;
  const validFrom = typeof given.validFrom === 'string' ? given.validFrom : new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const validUntil = typeof given.validUntil === 'string' ? given.validUntil : null;
  const learnerName = isObject(subject) ? String(subject.name ?? subject.id ?? '—') : '—';
  return signAndStore(
    ctx,
    organizationId,
    (p) => {
      const issuer = callerIssuer(given.issuer, p.did, p.issuer, isOpenBadge(given));
      const credential: Record<string, unknown> = { ...given, issuer, validFrom };
      if (credential.id === undefined) credential.id = p.id;
      // The status entry is Sapa's own (a caller's is refused above): one Sapa can update.
      credential.credentialStatus = p.credentialStatus;
      return credential;
    },
    {
      learner: { name: learnerName },
      achievementName: String(achievement?.name ?? given.name ?? 'VerifiableCredential'),
      validFrom,
      validUntil,
      specificationId: null,
      idempotencyKey: null,
      isSynthetic: false,
      cryptosuite: options.cryptosuite,
    },
  );
}

/** The credential JSON, public: whoever holds the link may read it (it is what the learner shares). */
export async function getCredential(db: Db, id: string) {
  const row = await repo.credentialRow(db, id);
  if (!row) throw notFound('credential', id);
  return row;
}

export type CredentialSummary = {
  id: string;
  organizationId: string;
  learnerName: string;
  learnerEmail: string | null;
  learnerUserId: string | null;
  achievementName: string;
  specificationId: string | null;
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
  status: string;
  statusReason: string | null;
  isSynthetic: boolean;
};

type ListRow = Awaited<ReturnType<typeof repo.listCredentials>>['items'][number];

const summaryOf = (r: ListRow): CredentialSummary => ({
  id: r.id,
  organizationId: r.organization_id,
  learnerName: r.learner_name,
  learnerEmail: r.learner_email,
  learnerUserId: r.learner_user_id,
  achievementName: r.achievement_name,
  specificationId: r.specification_id,
  validFrom: r.valid_from.toISOString(),
  validUntil: r.valid_until?.toISOString() ?? null,
  issuedAt: r.issued_at.toISOString(),
  status: r.status,
  statusReason: r.status_reason,
  isSynthetic: r.is_synthetic,
});

/** Credentials of an organization, for its staff (those who may issue or revoke there). */
export async function listOrganizationCredentials(ctx: Ctx, f: Omit<repo.CredentialFilter, 'learnerUserId'> & { organizationId: string }) {
  const access = credentialAccess(ctx, f.organizationId);
  if (!access.can('revoke')) access.require('issue');
  const { items, total } = await repo.listCredentials(ctx.db, f);
  return { items: items.map(summaryOf), total };
}

/** One credential of an organization for its staff (the status confirmation page): 404 when it is another organization's. */
export async function organizationCredential(ctx: Ctx, organizationId: string, id: string): Promise<CredentialSummary> {
  const access = credentialAccess(ctx, organizationId);
  if (!access.can('revoke')) access.require('issue');
  const row = await repo.credentialRow(ctx.db, id);
  if (!row || row.organization_id !== organizationId) throw notFound('credential', id);
  return summaryOf(row);
}

/** The signed-in learner's own credentials (by account, or by the e-mail they were issued to). */
export async function listMyCredentials(ctx: Ctx, page: { limit: number; offset: number }) {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 401, 'errors.unauthenticated');
  const user = await ctx.db.selectFrom('users').select('email').where('id', '=', ctx.actor.userId).executeTakeFirst();
  const { items, total } = await repo.listCredentials(ctx.db, { learnerUserId: ctx.actor.userId, learnerEmail: user?.email, ...page });
  return { items: items.map(summaryOf), total };
}

// The learner's side of credentials: what they hold (by account or by the e-mail they were issued
// to), links to share one, the credits they count toward programmes, and requests asking the
// organization that runs a programme to recognise them, which that organization decides.
import { createHash, randomBytes } from 'node:crypto';
import { actorId } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { settings } from '../platform/settings.ts';
import { getCredential } from './credential.service.ts';
import { creditsByProgramme } from './learner.credits.ts';
import * as repo from './learner.repository.ts';
import { credentialAccess } from './credentials.access.ts';

const SHARE_LINK = 'credential-share-link';
const REQUEST = 'credential-recognition-request';

type Learner = { userId: string; email: string | null };

/** The signed-in learner; anyone else is refused (401 anonymous, 403 without the learner role). */
async function learnerOf(ctx: Ctx): Promise<Learner> {
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated', 401, 'errors.unauthenticated');
  if (!ctx.actor.roles.some((r) => r.role === 'learner')) throw forbidden('learner');
  return { userId: ctx.actor.userId, email: await repo.userEmail(ctx.db, ctx.actor.userId) };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type LearnerCredential = {
  id: string;
  organizationId: string;
  learnerName: string;
  achievementName: string;
  specificationId: string | null;
  specificationTitle: { kk: string; ru: string; en: string } | null;
  workloadEcts: number | null;
  programmeId: string | null;
  programmeCredits: number | null;
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
  status: string;
  statusReason: string | null;
};

function presentCredential(r: repo.LearnerCredentialRow): LearnerCredential {
  return {
    id: r.id,
    organizationId: r.organization_id,
    learnerName: r.learner_name,
    achievementName: r.achievement_name,
    specificationId: r.specification_id,
    specificationTitle: r.title_kk && r.title_ru && r.title_en ? { kk: r.title_kk, ru: r.title_ru, en: r.title_en } : null,
    workloadEcts: r.workload_ects === null ? null : Number(r.workload_ects),
    programmeId: r.programme_id,
    programmeCredits: r.programme_credits === null ? null : Number(r.programme_credits),
    validFrom: r.valid_from.toISOString(),
    validUntil: r.valid_until?.toISOString() ?? null,
    issuedAt: r.issued_at.toISOString(),
    status: r.status,
    statusReason: r.status_reason,
  };
}

export async function myCredentials(ctx: Ctx): Promise<{ items: LearnerCredential[]; total: number }> {
  const learner = await learnerOf(ctx);
  const items = (await repo.credentialsOf(ctx.db, learner)).map(presentCredential);
  return { items, total: items.length };
}

async function ownCredential(ctx: Ctx, learner: Learner, credentialId: string): Promise<repo.LearnerCredentialRow> {
  const found = (await repo.credentialsOf(ctx.db, learner)).find((c) => c.id === credentialId);
  if (!found) throw new AppError('forbidden', 403, 'errors.product.learner.notYours', { params: { id: credentialId } });
  return found;
}

/** The link address of a share token (the API; the pages offer /{lang}/shared/{token}). */
export const sharedUrl = (token: string) => `${settings().PUBLIC_URL}/api/shared/${token}`;

/** A new unguessable link to one credential; the token is shown once (only its hash is kept). */
export async function createShareLink(ctx: Ctx, credentialId: string): Promise<{ id: string; token: string; url: string; createdAt: string }> {
  const learner = await learnerOf(ctx);
  await ownCredential(ctx, learner, credentialId);
  const token = randomBytes(32).toString('base64url');
  const link = await repo.insertShareLink(ctx.db, { token_hash: hashToken(token), credential_id: credentialId, user_id: learner.userId });
  await recordChange(ctx, { entityType: SHARE_LINK, entityId: link.id, action: 'create', before: null, after: { credentialId }, versioned: false });
  return { id: link.id, token, url: sharedUrl(token), createdAt: link.created_at.toISOString() };
}

export async function myShareLinks(ctx: Ctx) {
  const learner = await learnerOf(ctx);
  const rows = await repo.shareLinksOf(ctx.db, learner.userId);
  return rows.map((r) => ({ id: r.id, credentialId: r.credential_id, createdAt: r.created_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null }));
}

export async function revokeShareLink(ctx: Ctx, id: string): Promise<void> {
  const learner = await learnerOf(ctx);
  if (!(await repo.revokeShareLink(ctx.db, id, learner.userId))) throw notFound(SHARE_LINK, id);
  await recordChange(ctx, { entityType: SHARE_LINK, entityId: id, action: 'revoke', before: null, after: null, versioned: false });
}

/** Public: whoever holds the token sees the credential (and its current status), nothing else. */
export async function sharedCredential(ctx: Ctx, token: string) {
  const link = await repo.findShareLink(ctx.db, hashToken(token));
  if (!link) throw notFound(SHARE_LINK, '-');
  const row = await getCredential(ctx.db, link.credential_id);
  return {
    id: row.id,
    organizationId: row.organization_id,
    learnerName: row.learner_name,
    achievementName: row.achievement_name,
    specificationId: row.specification_id,
    status: row.status,
    statusReason: row.status_reason,
    validFrom: row.valid_from.toISOString(),
    validUntil: row.valid_until?.toISOString() ?? null,
    credential: row.credential,
  };
}

export type ProgrammeProgress = {
  programmeId: string;
  organizationId: string;
  code: string;
  name: { kk: string; ru: string; en: string | null };
  programmeCredits: number;
  earnedCredits: number;
  remainingCredits: number;
  credentialIds: string[];
};

async function progressOf(ctx: Ctx, learner: Learner): Promise<ProgrammeProgress[]> {
  const credentials = await repo.credentialsOf(ctx.db, learner);
  const counted = creditsByProgramme(
    credentials.map((c) => ({
      id: c.id,
      specificationId: c.specification_id,
      status: c.status,
      programmeId: c.programme_id,
      credits: c.programme_credits === null ? null : Number(c.programme_credits),
    })),
  );
  const programmes = new Map((await repo.programmesById(ctx.db, counted.map((c) => c.programmeId))).map((p) => [p.id, p]));
  return counted.flatMap((c) => {
    const p = programmes.get(c.programmeId);
    if (!p) return [];
    return [
      {
        programmeId: p.id,
        organizationId: p.organization_id,
        code: p.code,
        name: { kk: p.name_kk, ru: p.name_ru, en: p.name_en },
        programmeCredits: p.credits_ects,
        earnedCredits: c.earned,
        remainingCredits: Math.max(0, Math.round((p.credits_ects - c.earned) * 100) / 100),
        credentialIds: c.credentialIds,
      },
    ];
  });
}

/** Per programme: the credits the learner's micro-credentials count toward it, against its total. */
export async function myCredits(ctx: Ctx): Promise<ProgrammeProgress[]> {
  return progressOf(ctx, await learnerOf(ctx));
}

export type RecognitionRequest = {
  id: string;
  learner: { userId: string; name: string; email: string };
  programme: { id: string; code: string; name: { kk: string; ru: string; en: string | null }; credits: number };
  organizationId: string;
  credentialIds: string[];
  credits: number;
  note: string | null;
  status: string;
  recognisedCredits: number | null;
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
};

function presentRequest(r: repo.RequestRow): RecognitionRequest {
  return {
    id: r.id,
    learner: { userId: r.user_id, name: r.display_name, email: r.email },
    programme: { id: r.programme_id, code: r.programme_code, name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en }, credits: r.credits_ects },
    organizationId: r.organization_id,
    credentialIds: r.credential_ids,
    credits: Number(r.credits),
    note: r.note,
    status: r.status,
    recognisedCredits: r.recognised_credits === null ? null : Number(r.recognised_credits),
    decisionNote: r.decision_note,
    decidedAt: r.decided_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

async function requestById(ctx: Ctx, id: string): Promise<RecognitionRequest> {
  const row = await repo.findRequest(ctx.db, id);
  if (!row) throw notFound(REQUEST, id);
  return presentRequest(row);
}

/** Asks the organization that runs the programme to recognise the credits counted toward it. */
export async function requestRecognition(ctx: Ctx, input: { programmeId: string; note?: string }): Promise<RecognitionRequest> {
  const learner = await learnerOf(ctx);
  const progress = (await progressOf(ctx, learner)).find((p) => p.programmeId === input.programmeId);
  if (!progress) throw validationFailed([{ path: 'programmeId', messageKey: 'errors.product.recognition.noCredits', params: { programme: input.programmeId } }]);
  if (await repo.pendingRequest(ctx.db, learner.userId, input.programmeId)) throw conflict('errors.product.recognition.alreadyPending');
  const { id } = await repo.insertRequest(ctx.db, {
    user_id: learner.userId,
    programme_id: progress.programmeId,
    organization_id: progress.organizationId,
    credential_ids: progress.credentialIds,
    credits: progress.earnedCredits,
    note: input.note ?? null,
  });
  const out = await requestById(ctx, id);
  await recordChange(ctx, { entityType: REQUEST, entityId: id, action: 'create', before: null, after: out });
  return out;
}

export async function myRecognitionRequests(ctx: Ctx): Promise<RecognitionRequest[]> {
  const learner = await learnerOf(ctx);
  return (await repo.requestsOfUser(ctx.db, learner.userId)).map(presentRequest);
}

export async function organizationRecognitionRequests(ctx: Ctx, organizationId: string, status?: string): Promise<RecognitionRequest[]> {
  credentialAccess(ctx, organizationId).require('decide-recognition');
  return (await repo.requestsOfOrganization(ctx.db, organizationId, status)).map(presentRequest);
}

export async function decideRecognition(
  ctx: Ctx,
  id: string,
  input: { decision: 'recognised' | 'refused'; recognisedCredits?: number; note?: string },
): Promise<RecognitionRequest> {
  const before = await requestById(ctx, id);
  credentialAccess(ctx, before.organizationId).require('decide-recognition');
  if (before.status !== 'pending') throw conflict('errors.product.recognition.notPending');
  const recognised = input.decision === 'recognised' ? (input.recognisedCredits ?? before.credits) : null;
  if (recognised !== null && recognised > before.credits) {
    throw validationFailed([{ path: 'recognisedCredits', messageKey: 'errors.product.recognition.tooManyCredits', params: { maximum: before.credits } }]);
  }
  const done = await repo.decideRequest(ctx.db, id, { status: input.decision, recognised_credits: recognised, decision_note: input.note ?? null, decided_by: actorId(ctx.actor) });
  if (!done) throw conflict('errors.product.recognition.notPending');
  const after = await requestById(ctx, id);
  await recordChange(ctx, { entityType: REQUEST, entityId: id, action: `decide:${input.decision}`, before, after });
  return after;
}

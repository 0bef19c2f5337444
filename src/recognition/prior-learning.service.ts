// Recognition of prior and non-formal learning (issue 16 item 7; Order No. 508 of 28 September
// 2018; the EU's four stages). A learner identifies what they claim — learning outcomes of one of an
// organization's programmes, or labour functions of an occupational standard — documents it with
// evidence (credentials in Sapa, certificates, work experience) and asks for the assessment; the
// organization judges every claim and recognises credits or a qualification, which is issued as a
// credential through credentials' issuing service (src/wiring.ts), or refuses with a reason.
import { occupationalStandardFunctions } from '../frameworks/frameworks.api.ts';
import { actorId, can, canEverywhere, organizationsOf } from '../platform/access/roles.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { conflict, type FieldIssue, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors.ts';
import { type FileBatch, putFile, readFileBytes } from '../platform/files/files.ts';
import { cleanFileName } from '../platform/files/file-kinds.ts';
import { historyOf, recordChange } from '../platform/history/history.ts';
import { notify } from '../platform/notifications/notifications.ts';
import { programmeById, programmeOutcomesById } from '../registry/registry.api.ts';
import { credentialPort } from './credential-port.ts';
import * as repo from './prior-learning.repository.ts';
import { type AssessmentIssue, type EvidenceKind, type OutcomeKind, type Stage, assessmentIssues, nextStage, unknownClaims } from './prior-learning.rules.ts';
import type { AssessmentInput, EvidenceInput, RequestCreate, RequestView } from './prior-learning.schema.ts';

export const PRIOR_LEARNING = 'prior-learning-request';

type LangText = { kk: string; ru: string; en: string };
const langText = (m: Partial<Record<'kk' | 'ru' | 'en', string | null>> | null | undefined): LangText => ({ kk: m?.kk ?? '', ru: m?.ru ?? '', en: m?.en ?? '' });

/** The module's one access policy for a request: the learner's own, or the assessing organization's. */
export function priorLearningAccess(ctx: Ctx, row: Pick<repo.RequestRow, 'learner_user_id' | 'organization_id'>) {
  const me = actorId(ctx.actor);
  const learner = me !== null && me === row.learner_user_id;
  const organization = can(ctx.actor, 'recognition.decide', { organizationIds: [row.organization_id] });
  return { learner, organization, read: learner || organization };
}

export type StepDay = { on: string };
const dayOf = (step?: StepDay) => step?.on ?? todayInAlmaty();
const atOf = (step?: StepDay) => (step ? new Date(`${step.on}T12:00:00+05:00`) : undefined);

/** What the request is assessed against: its code, names and the outcomes or functions one may claim. */
async function targetOf(ctx: Ctx, t: { programmeId: string | null; occupationalStandardId: string | null }) {
  if (t.programmeId) {
    const p = await programmeById(ctx.db, t.programmeId);
    if (!p) return undefined;
    const outcomes = await programmeOutcomesById(ctx.db, p.id);
    return {
      kind: 'programme' as const,
      id: p.id,
      organizationId: p.organization_id,
      code: p.code,
      name: langText({ kk: p.name_kk, ru: p.name_ru, en: p.name_en }),
      items: outcomes.map((o) => ({ code: o.code, text: langText(o.text) })),
    };
  }
  if (t.occupationalStandardId) {
    const s = await occupationalStandardFunctions(ctx.db, t.occupationalStandardId);
    if (!s) return undefined;
    return { kind: 'occupational-standard' as const, id: s.id, organizationId: null, code: s.code, name: langText(s.name), items: s.functions.map((f) => ({ code: f.code, text: langText(f.text) })) };
  }
  return undefined;
}

async function targetOrThrow(ctx: Ctx, row: repo.RequestRow) {
  const target = await targetOf(ctx, { programmeId: row.programme_id, occupationalStandardId: row.occupational_standard_id });
  if (!target) throw notFound('prior-learning-target', row.programme_id ?? row.occupational_standard_id ?? '');
  return target;
}

function presentSummary(row: repo.RequestRow, target: { kind: 'programme' | 'occupational-standard'; id: string; code: string; name: LangText }) {
  return {
    id: row.id,
    learnerName: row.learner_name,
    organizationId: row.organization_id,
    target: { kind: target.kind, id: target.id, code: target.code, name: target.name },
    stage: row.stage as Stage,
    submittedOn: row.submitted_on,
    assessedOn: row.assessed_on,
    isSynthetic: row.is_synthetic,
  };
}

const snapshot = (row: repo.RequestRow) => {
  const { created_at: _c, updated_at: _u, ...rest } = row;
  return rest;
};

const learnerEdits = (stage: string) => stage === 'identification' || stage === 'documentation';

async function present(ctx: Ctx, row: repo.RequestRow): Promise<RequestView> {
  const [target, evidence, history] = await Promise.all([targetOrThrow(ctx, row), repo.evidenceOf(ctx.db, row.id), historyOf(ctx.db, PRIOR_LEARNING, row.id)]);
  const access = priorLearningAccess(ctx, row);
  const results = new Map((row.results ?? []).map((r) => [r.code, r]));
  const decided = row.stage === 'certified' || row.stage === 'refused';
  return {
    ...presentSummary(row, target),
    statement: row.statement,
    claims: row.claimed_codes.map((code) => ({
      code,
      text: target.items.find((i) => i.code === code)?.text ?? { kk: code, ru: code, en: code },
      met: results.get(code)?.met ?? null,
      note: results.get(code)?.note ?? null,
    })),
    evidence: evidence.map((e) => ({ id: e.id, kind: e.kind as EvidenceKind, description: e.description, credentialId: e.credential_id, months: e.months, fileName: e.file_name })),
    outcome: decided
      ? {
          kind: row.outcome_kind as OutcomeKind | null,
          credits: row.credits === null ? null : Number(row.credits),
          title: row.outcome_title,
          refusalReason: row.refusal_reason,
          credentialId: row.credential_id,
          certifiedOn: row.certified_on,
        }
      : null,
    can: {
      edit: access.learner && learnerEdits(row.stage),
      advance: access.learner && nextStage(row.stage as Stage, { claims: row.claimed_codes.length, evidence: evidence.length }) !== null,
      assess: access.organization && row.stage === 'assessment',
    },
    history,
  };
}

function deny(ctx: Ctx, action: string): never {
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(action);
}

async function readable(ctx: Ctx, id: string) {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const row = await repo.findRequest(ctx.db, id);
  if (!row || !priorLearningAccess(ctx, row).read) throw notFound(PRIOR_LEARNING, id);
  return row;
}

async function forStep(ctx: Ctx, id: string, who: 'learner' | 'organization', action: string) {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const row = await repo.lockRequest(ctx.db, id);
  if (!row) throw notFound(PRIOR_LEARNING, id);
  const access = priorLearningAccess(ctx, row);
  if (!access[who]) {
    if (!access.read) throw notFound(PRIOR_LEARNING, id);
    deny(ctx, action);
  }
  return row;
}

async function step(ctx: Ctx, before: repo.RequestRow, action: string, patch: Parameters<typeof repo.updateRequest>[2], at?: StepDay) {
  const saved = await repo.updateRequest(ctx.db, before.id, patch);
  await recordChange(ctx, { entityType: PRIOR_LEARNING, entityId: before.id, action: `prior-learning.${action}`, before: snapshot(before), after: snapshot(saved), at: atOf(at) });
  return saved;
}

export async function getRequest(ctx: Ctx, id: string) {
  return present(ctx, await readable(ctx, id));
}

/** The learner's own requests, or (organization=…) those an organization assesses, for its staff. */
export async function listRequests(
  ctx: Ctx,
  q: { organizationId?: string; stage?: Stage; learner?: string; sort?: repo.RequestSort; desc?: boolean; limit: number; offset: number },
) {
  const me = actorId(ctx.actor);
  if (!me && ctx.actor.kind !== 'system') deny(ctx, 'prior-learning.read');
  let filters: Parameters<typeof repo.listRequests>[1];
  if (q.organizationId) {
    if (!can(ctx.actor, 'recognition.decide', { organizationIds: [q.organizationId] })) deny(ctx, 'recognition.decide');
    const learner = q.learner?.trim();
    filters = { organizationIds: [q.organizationId], stage: q.stage, learnerLike: learner ? `%${learner.replace(/[\\%_]/g, '\\$&')}%` : undefined };
  } else filters = { learnerUserId: me ?? undefined, stage: q.stage };
  const { items, total } = await repo.listRequests(ctx.db, filters, q);
  const out = [];
  for (const row of items) out.push(presentSummary(row, await targetOrThrow(ctx, row)));
  return { items: out, total };
}

/** Organizations whose requests the caller assesses (for the workspace's default). */
export const assessingOrganizations = (ctx: Ctx): string[] =>
  canEverywhere(ctx.actor, 'recognition.decide') ? [] : organizationsOf(ctx.actor).filter((o) => can(ctx.actor, 'recognition.decide', { organizationIds: [o] }));

/** Identification: the learner names the organization, the programme or standard and what they claim. */
export async function createRequest(ctx: Ctx, input: RequestCreate, options: { isSynthetic?: boolean; step?: StepDay } = {}) {
  const me = actorId(ctx.actor);
  if (!me) deny(ctx, 'prior-learning.request');
  const both = !!input.programmeId === !!input.occupationalStandardId;
  if (both) throw validationFailed([{ path: 'programmeId', messageKey: 'errors.recognition.prior.targetRequired' }]);
  const target = await targetOf(ctx, { programmeId: input.programmeId ?? null, occupationalStandardId: input.occupationalStandardId ?? null });
  // A programme is assessed by the organization that runs it.
  if (!target || (target.organizationId && target.organizationId !== input.organizationId)) {
    throw validationFailed([{ path: input.programmeId ? 'programmeId' : 'occupationalStandardId', messageKey: 'errors.recognition.prior.targetRequired' }]);
  }
  const claims = [...new Set(input.claimedCodes)];
  const unknown = unknownClaims(claims, target.items.map((i) => i.code));
  const issues: FieldIssue[] = unknown.map((code) => ({ path: `claimedCodes.${input.claimedCodes.indexOf(code)}`, messageKey: 'errors.recognition.prior.unknownClaim' }));
  if (!claims.length) issues.push({ path: 'claimedCodes', messageKey: 'errors.recognition.prior.noClaims' });
  if (issues.length) throw validationFailed(issues);
  const contact = await repo.userContact(ctx.db, me);
  const row = await repo.insertRequest(ctx.db, {
    learner_user_id: me,
    learner_name: contact?.display_name ?? '',
    organization_id: input.organizationId,
    target_kind: target.kind,
    programme_id: input.programmeId ?? null,
    occupational_standard_id: input.occupationalStandardId ?? null,
    claimed_codes: claims,
    statement: input.statement,
    is_synthetic: options.isSynthetic ?? false,
  });
  await recordChange(ctx, { entityType: PRIOR_LEARNING, entityId: row.id, action: 'prior-learning.create', before: null, after: snapshot(row), at: atOf(options.step) });
  return present(ctx, row);
}

async function recordEvidence(ctx: Ctx, row: repo.RequestRow, v: Parameters<typeof repo.insertEvidence>[1]) {
  const e = await repo.insertEvidence(ctx.db, v);
  const { created_at: _c, ...after } = e;
  await recordChange(ctx, { entityType: 'prior-learning-evidence', entityId: e.id, action: 'prior-learning.add-evidence', before: null, after, versioned: false });
  return present(ctx, row);
}

/** Documentation: one of the learner's own credentials in Sapa, or months of work experience. */
export async function addEvidence(ctx: Ctx, id: string, input: EvidenceInput) {
  const row = await forStep(ctx, id, 'learner', 'prior-learning.request');
  if (!learnerEdits(row.stage)) throw conflict('errors.recognition.wrongState', { state: row.stage });
  if (input.kind === 'credential') {
    const mine = await credentialPort().mine(ctx);
    if (!input.credentialId || !mine.some((c) => c.id === input.credentialId)) throw validationFailed([{ path: 'credentialId', messageKey: 'errors.recognition.prior.notYourCredential' }]);
  }
  if (input.kind === 'work-experience' && !input.months) throw validationFailed([{ path: 'months', messageKey: 'errors.recognition.prior.monthsRequired' }]);
  return recordEvidence(ctx, row, {
    request_id: id,
    kind: input.kind,
    description: input.description,
    credential_id: input.kind === 'credential' ? (input.credentialId ?? null) : null,
    months: input.kind === 'work-experience' ? (input.months ?? null) : null,
  });
}

/** Documentation: a certificate from outside Sapa, as a file. */
export async function addCertificate(ctx: Ctx, id: string, upload: { bytes: Uint8Array; fileName: string; description: string }, batch: FileBatch) {
  const row = await forStep(ctx, id, 'learner', 'prior-learning.request');
  if (!learnerEdits(row.stage)) throw conflict('errors.recognition.wrongState', { state: row.stage });
  const fileName = cleanFileName(upload.fileName);
  const file = await putFile(ctx, upload.bytes, { declaredName: fileName, batch, allowed: ['pdf', 'png', 'jpeg'] });
  return recordEvidence(ctx, row, { request_id: id, kind: 'certificate', description: upload.description, file_sha256: file.sha256, file_name: fileName });
}

export async function evidenceFile(ctx: Ctx, id: string, evidenceId: string) {
  await readable(ctx, id);
  const e = await repo.findEvidence(ctx.db, id, evidenceId);
  if (!e?.file_sha256) throw notFound('prior-learning-evidence', evidenceId);
  const bytes = await readFileBytes(e.file_sha256);
  if (!bytes) throw notFound('file', e.file_sha256);
  return { bytes, fileName: e.file_name ?? 'file', mediaType: e.media_type ?? 'application/octet-stream' };
}

/** The learner moves the request on: identification → documentation → assessment (the organization is told). */
export async function advance(ctx: Ctx, id: string, at?: StepDay) {
  const row = await forStep(ctx, id, 'learner', 'prior-learning.request');
  const evidence = await repo.evidenceOf(ctx.db, id);
  const next = nextStage(row.stage as Stage, { claims: row.claimed_codes.length, evidence: evidence.length });
  if (!next) {
    if (row.stage === 'documentation') throw validationFailed([{ path: 'evidence', messageKey: 'errors.recognition.prior.noEvidence' }]);
    throw conflict('errors.recognition.wrongState', { state: row.stage });
  }
  const saved = await step(ctx, row, `to-${next}`, { stage: next, submitted_on: next === 'assessment' ? dayOf(at) : row.submitted_on }, at);
  if (next === 'assessment') {
    const target = await targetOrThrow(ctx, row);
    await notify(ctx, {
      kind: 'recognition.priorRequested',
      recipients: { roles: [{ role: 'org-admin', organizationId: row.organization_id }] },
      params: { title: `${target.code} ${target.name.ru}`, learner: row.learner_name },
      link: `/workspace/recognition/prior-learning/${id}`,
      dedupeKey: `prior-learning:${id}:requested`,
    });
  }
  return present(ctx, saved);
}

const assessmentKeys: Record<AssessmentIssue['code'], string> = {
  'unknown-code': 'errors.recognition.prior.unknownClaim',
  unjudged: 'errors.recognition.prior.unjudged',
  'nothing-met': 'errors.recognition.prior.nothingMet',
  'credits-required': 'errors.recognition.prior.creditsRequired',
  'qualification-needs-all': 'errors.recognition.prior.qualificationNeedsAll',
  'title-required': 'errors.recognition.prior.titleRequired',
  'reason-required': 'errors.recognition.prior.reasonRequired',
};

/** The assessment's problems against the claims, as the service refuses them (for a confirmation page too). */
export function assessmentProblems(claimedCodes: string[], input: AssessmentInput): FieldIssue[] {
  return assessmentIssues(claimedCodes, input).map((i) => ({ path: i.path, messageKey: assessmentKeys[i.code] }));
}

/**
 * Assessment and certification: the organization judges every claim; a recognition is issued at
 * once as the organization's credential to the learner (credits, or a qualification), a refusal
 * says why. Nothing is stored if issuing fails.
 */
export async function assess(ctx: Ctx, id: string, input: AssessmentInput, at?: StepDay) {
  const row = await forStep(ctx, id, 'organization', 'recognition.decide');
  if (row.stage !== 'assessment') throw conflict('errors.recognition.wrongState', { state: row.stage });
  const results = input.results.map((r) => ({ code: r.code, met: r.met, note: r.note ?? '' }));
  const issues = assessmentProblems(row.claimed_codes, { ...input, results });
  if (issues.length) throw validationFailed(issues);
  const on = dayOf(at);
  const common = { results: JSON.stringify(results), assessed_on: on, assessor_user_id: actorId(ctx.actor) };
  const target = await targetOrThrow(ctx, row);
  if (!input.outcomeKind) {
    const saved = await step(ctx, row, 'refuse', { ...common, stage: 'refused', refusal_reason: input.refusalReason ?? null }, at);
    await tell(ctx, saved, target, 'ui.recognition.prior.stage.refused');
    return present(ctx, saved);
  }
  const met = results.filter((r) => r.met);
  const contact = await repo.userContact(ctx.db, row.learner_user_id);
  const title = (input.title ?? '').trim();
  const issued = await credentialPort().issue(ctx, {
    organizationId: row.organization_id,
    learner: { name: row.learner_name, email: contact?.email ?? null },
    achievement: {
      name: title,
      description: `${target.code} — ${met.map((r) => r.code).join(', ')}`,
      criteria: { narrative: `Recognition of prior learning (Order No. 508 of 28 September 2018): ${met.map((r) => `${r.code}${r.note ? `: ${r.note}` : ''}`).join('; ')}` },
      achievementType: input.outcomeKind === 'qualification' ? 'Certification' : 'Certificate',
      ...(input.outcomeKind === 'credits' && input.credits ? { creditsAvailable: input.credits } : {}),
    },
    validFrom: on,
    idempotencyKey: `prior-learning:${row.id}`,
  });
  const saved = await step(
    ctx,
    row,
    'certify',
    { ...common, stage: 'certified', outcome_kind: input.outcomeKind, credits: input.outcomeKind === 'credits' ? (input.credits ?? null) : null, outcome_title: title, credential_id: issued.id, certified_on: on },
    at,
  );
  await tell(ctx, saved, target, 'ui.recognition.prior.stage.certified');
  return present(ctx, saved);
}

async function tell(ctx: Ctx, row: repo.RequestRow, target: { code: string }, outcomeKey: string) {
  await notify(ctx, {
    kind: 'recognition.priorAssessed',
    recipients: { userIds: [row.learner_user_id] },
    params: { title: target.code, outcomeKey },
    link: `/workspace/recognition/prior-learning/${row.id}`,
    dedupeKey: `prior-learning:${row.id}:assessed`,
  });
}

/** What a learner may claim against a programme or an occupational standard (the filing form's choices). */
export async function requestTarget(ctx: Ctx, t: { programmeId?: string; occupationalStandardId?: string }) {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const target = await targetOf(ctx, { programmeId: t.programmeId ?? null, occupationalStandardId: t.occupationalStandardId ?? null });
  if (!target) throw notFound('prior-learning-target', t.programmeId ?? t.occupationalStandardId ?? '');
  return target;
}

/** The signed-in learner's own credentials, which they may offer as evidence. */
export async function evidenceCredentials(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  if (!actorId(ctx.actor)) return [];
  return credentialPort().mine(ctx);
}

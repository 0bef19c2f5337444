// Recognition of foreign qualifications (issue 16, PRODUCT §3.6; Lisbon Recognition Convention;
// Order No. 268 of 12 June 2023 for higher and postgraduate education, Order No. 230 of 28 July 2023
// for secondary and TVET). The applicant files the document, its translation and apostille; the
// authority (the ministry's ENIC centre) checks the file — its completeness starts the clock (four
// months, configurable) — asks an expert where needed, and decides: recognized, recognized with a
// substantial difference (alternative, partial or conditional, with reasons), or refused with
// reasons; a certificate of recognition verifies publicly; a decision short of full recognition
// may be appealed once.
import { accreditationInForceOn } from '../accreditation/accreditation.api.ts';
import { actorId, can } from '../platform/access/roles.ts';
import { findUserByEmail, rolesOf } from '../platform/auth/auth.repository.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { conflict, type FieldIssue, forbidden, notFound, unauthenticated, validationFailed } from '../platform/errors.ts';
import { type FileBatch, putFile, readFileBytes } from '../platform/files/files.ts';
import { cleanFileName } from '../platform/files/file-kinds.ts';
import { historyOf, recordChange } from '../platform/history/history.ts';
import { notify } from '../platform/notifications/notifications.ts';
import { settings } from '../platform/settings.ts';
import { organizationByExternalId } from '../registry/registry.api.ts';
import * as repo from './foreign-recognition.repository.ts';
import {
  type ApplicationState,
  type DecisionIssue,
  type DifferenceKind,
  type DocumentKind,
  type InstitutionStatus,
  type Outcome,
  type Track,
  APPEAL_DAYS,
  LEGAL_BASIS,
  addDays,
  appealable,
  applicantEdits,
  awaitsCheck,
  certificateNumber,
  certifies,
  compareLevels,
  decisionIssues,
  inEvaluation,
  missingDocuments,
  needsExpert,
} from './foreign-recognition.rules.ts';
import type { AppealDecision, ApplicationCreate, ApplicationView, Decision, FileCheck, Opinion, PublicCertificate } from './foreign-recognition.schema.ts';
import { DEFAULT_RECOGNITION_MONTHS, recognitionTimeliness } from './recognition-deadline.rules.ts';

export const APPLICATION = 'foreign-recognition';

/** The months the authority has from a complete file (RECOGNITION_DECISION_MONTHS, default 4). */
export const decisionMonths = (): number => settings().RECOGNITION_DECISION_MONTHS ?? DEFAULT_RECOGNITION_MONTHS;

/** The module's one access policy for an application: who the caller is to it. */
export function applicationAccess(ctx: Ctx, row: Pick<repo.ApplicationRow, 'applicant_user_id' | 'expert_user_id'>) {
  const me = actorId(ctx.actor);
  const authority = can(ctx.actor, 'foreign-recognition.decide');
  const applicant = me !== null && me === row.applicant_user_id;
  const expert = me !== null && me === row.expert_user_id;
  return { authority, applicant, expert, read: authority || applicant || expert };
}

/** A step's day: today, or for the demonstration data a past day (never from a route). */
export type StepDay = { on: string };
const dayOf = (step?: StepDay) => step?.on ?? todayInAlmaty();
const atOf = (step?: StepDay) => (step ? new Date(`${step.on}T12:00:00+05:00`) : undefined);

const decisionKeys: Record<DecisionIssue['code'], string> = {
  'reasons-required': 'errors.recognition.reasonsRequired',
  'kind-required': 'errors.recognition.kindRequired',
  'kind-not-allowed': 'errors.recognition.kindNotAllowed',
  'level-required': 'errors.recognition.levelRequired',
  'conditions-required': 'errors.recognition.conditionsRequired',
  'expert-opinion-required': 'errors.recognition.expertOpinionRequired',
};

const state = (row: repo.ApplicationRow) => row.state as ApplicationState;

function timelinessOf(row: repo.ApplicationRow, today = todayInAlmaty()) {
  return recognitionTimeliness({ completeOn: row.complete_on, decidedOn: row.decided_on }, today, decisionMonths());
}

function presentSummary(row: repo.ApplicationRow) {
  return {
    id: row.id,
    holderName: row.holder_name,
    track: row.track as Track,
    legalBasis: LEGAL_BASIS[row.track as Track],
    countryCode: row.country_code,
    qualificationTitle: row.qualification_title,
    institutionName: row.institution_name,
    state: state(row),
    outcome: row.outcome as Outcome | null,
    submittedOn: row.submitted_on,
    completeOn: row.complete_on,
    decidedOn: row.decided_on,
    timeliness: timelinessOf(row),
    isSynthetic: row.is_synthetic,
  };
}

const expertNeededOf = (row: repo.ApplicationRow) =>
  needsExpert({ institutionStatus: row.institution_status as InstitutionStatus, foreignLevel: row.foreign_nqf_level, requestedLevel: row.requested_nqf_level });

function snapshot(row: repo.ApplicationRow) {
  const { created_at: _c, updated_at: _u, overdue_alerted_on: _o, ...rest } = row;
  return rest;
}

async function present(ctx: Ctx, row: repo.ApplicationRow): Promise<ApplicationView> {
  const [documents, history] = await Promise.all([repo.documentsOf(ctx.db, row.id), historyOf(ctx.db, APPLICATION, row.id)]);
  const access = applicationAccess(ctx, row);
  const today = todayInAlmaty();
  const s = state(row);
  const appealOpen = appealable({ state: s, outcome: row.outcome as Outcome | null, decidedOn: row.decided_on, appealedOn: row.appealed_on }, today);
  return {
    ...presentSummary(row),
    documentLanguage: row.document_language,
    awardedOn: row.awarded_on,
    purpose: row.purpose,
    institution: { deqarId: row.institution_deqar_id, organizationId: row.institution_organization_id, status: row.institution_status as InstitutionStatus },
    levels: { foreign: row.foreign_nqf_level, requested: row.requested_nqf_level, comparison: compareLevels(row.foreign_nqf_level, row.requested_nqf_level) },
    expertNeeded: expertNeededOf(row),
    apostilleExempt: row.apostille_exempt,
    missingDocuments: missingDocuments({ kinds: documents.map((d) => d.kind), documentLanguage: row.document_language, apostilleExempt: row.apostille_exempt }),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind as DocumentKind, fileName: d.file_name })),
    fileNote: row.file_note,
    expert: { assigned: row.expert_user_id !== null, opinion: row.expert_opinion, recommendation: row.expert_recommendation as Outcome | null },
    decision:
      row.outcome && row.decided_on
        ? {
            outcome: row.outcome as Outcome,
            differenceKind: row.difference_kind as DifferenceKind | null,
            recognizedLevel: row.recognized_nqf_level,
            reasons: row.reasons,
            conditions: row.conditions,
            decidedOn: row.decided_on,
            certificateNumber: row.certificate_number,
            appealUntil: row.outcome !== 'recognized' && !row.appealed_on ? addDays(row.decided_on, APPEAL_DAYS) : null,
          }
        : null,
    appeal:
      row.appeal_reason && row.appealed_on
        ? { reason: row.appeal_reason, appealedOn: row.appealed_on, result: row.appeal_result as 'upheld' | 'dismissed' | null, note: row.appeal_note, decidedOn: row.appeal_decided_on }
        : null,
    can: {
      edit: access.applicant && applicantEdits(s),
      submit: access.applicant && applicantEdits(s),
      check: access.authority && awaitsCheck(s),
      assignExpert: access.authority && inEvaluation(s),
      giveOpinion: access.expert && inEvaluation(s),
      decide: access.authority && inEvaluation(s),
      appeal: access.applicant && appealOpen,
      decideAppeal: access.authority && s === 'appealed',
    },
    history,
  };
}

function deny(ctx: Ctx, action: string): never {
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden(action);
}

async function readable(ctx: Ctx, id: string): Promise<repo.ApplicationRow> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const row = await repo.findApplication(ctx.db, id);
  // An application is between the applicant, the authority and its expert: others learn nothing of it.
  if (!row || !applicationAccess(ctx, row).read) throw notFound(APPLICATION, id);
  return row;
}

async function forStep(ctx: Ctx, id: string, who: 'applicant' | 'authority' | 'expert', action: string): Promise<repo.ApplicationRow> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const row = await repo.lockApplication(ctx.db, id);
  if (!row) throw notFound(APPLICATION, id);
  const access = applicationAccess(ctx, row);
  if (!access[who]) {
    if (!access.read) throw notFound(APPLICATION, id);
    deny(ctx, action);
  }
  return row;
}

async function step(ctx: Ctx, before: repo.ApplicationRow, action: string, patch: Parameters<typeof repo.updateApplication>[2], at?: StepDay) {
  const saved = await repo.updateApplication(ctx.db, before.id, patch);
  await recordChange(ctx, { entityType: APPLICATION, entityId: before.id, action: `foreign-recognition.${action}`, before: snapshot(before), after: snapshot(saved), at: atOf(at) });
  return saved;
}

const notInState = (row: repo.ApplicationRow) => conflict('errors.recognition.wrongState', { state: row.state });

export async function getApplication(ctx: Ctx, id: string) {
  return present(ctx, await readable(ctx, id));
}

/** The authority sees every application; an expert those assigned to them; anyone else their own. */
export async function listApplications(ctx: Ctx, q: { state?: ApplicationState; mine?: boolean; limit: number; offset: number }) {
  const me = actorId(ctx.actor);
  if (!me && ctx.actor.kind !== 'system') deny(ctx, 'foreign-recognition.read');
  const authority = can(ctx.actor, 'foreign-recognition.decide') && !q.mine;
  const assigned = !authority && ctx.actor.kind === 'user' && ctx.actor.roles.some((r) => r.role === 'expert') && !q.mine;
  const filters: repo.ApplicationFilters = { states: q.state ? [q.state] : undefined };
  if (!authority && me) {
    if (assigned) filters.expertUserId = me;
    else filters.applicantUserId = me;
  }
  const { items, total } = await repo.listApplications(ctx.db, filters, q);
  return { items: items.map(presentSummary), total };
}

/**
 * The foreign institution's standing, from imported DEQAR data: the organization DEQAR names by the
 * id, and whether an accreditation of it was in force on the award day.
 */
async function institutionStanding(ctx: Ctx, deqarId: string | undefined, awardedOn: string) {
  const org = deqarId ? await organizationByExternalId(ctx.db, { deqar_id: deqarId }) : undefined;
  if (!org) return { organizationId: null, status: 'not-found' as const };
  const inForce = await accreditationInForceOn(ctx.db, org.id, awardedOn);
  return { organizationId: org.id, status: inForce ? ('accredited' as const) : ('not-accredited' as const) };
}

/** Any signed-in person applies, for themselves or as the holder's representative. */
export async function createApplication(ctx: Ctx, input: ApplicationCreate, options: { isSynthetic?: boolean; step?: StepDay } = {}) {
  const me = actorId(ctx.actor);
  if (!me) deny(ctx, 'foreign-recognition.apply');
  if (input.awardedOn > dayOf(options.step)) throw validationFailed([{ path: 'awardedOn', messageKey: 'errors.recognition.awardedInFuture' }]);
  const standing = await institutionStanding(ctx, input.institutionDeqarId, input.awardedOn);
  const row = await repo.insertApplication(ctx.db, {
    applicant_user_id: me,
    holder_name: input.holderName,
    track: input.track,
    country_code: input.countryCode,
    qualification_title: input.qualificationTitle,
    document_language: input.documentLanguage,
    awarded_on: input.awardedOn,
    foreign_nqf_level: input.foreignLevel,
    requested_nqf_level: input.requestedLevel,
    purpose: input.purpose,
    institution_name: input.institutionName,
    institution_deqar_id: input.institutionDeqarId?.trim() || null,
    institution_organization_id: standing.organizationId,
    institution_status: standing.status,
    is_synthetic: options.isSynthetic ?? false,
  });
  await recordChange(ctx, { entityType: APPLICATION, entityId: row.id, action: 'foreign-recognition.create', before: null, after: snapshot(row), at: atOf(options.step) });
  return present(ctx, row);
}

export type DocumentUpload = { bytes: Uint8Array; fileName: string; kind: DocumentKind };

/** Adds a file (document, supplement, translation, apostille) to a draft or an incomplete file. */
export async function addDocument(ctx: Ctx, id: string, upload: DocumentUpload, batch: FileBatch) {
  const row = await forStep(ctx, id, 'applicant', 'foreign-recognition.apply');
  if (!applicantEdits(state(row))) throw notInState(row);
  const fileName = cleanFileName(upload.fileName);
  const file = await putFile(ctx, upload.bytes, { declaredName: fileName, batch, allowed: ['pdf', 'png', 'jpeg'] });
  const doc = await repo.insertDocument(ctx.db, { application_id: id, kind: upload.kind, file_sha256: file.sha256, file_name: fileName });
  await recordChange(ctx, {
    entityType: 'foreign-recognition-document',
    entityId: doc.id,
    action: 'foreign-recognition.add-document',
    before: null,
    after: { applicationId: id, kind: upload.kind, fileName, sha256: file.sha256 },
    versioned: false,
  });
  return present(ctx, row);
}

export async function documentFile(ctx: Ctx, id: string, documentId: string) {
  await readable(ctx, id);
  const doc = await repo.findDocument(ctx.db, id, documentId);
  if (!doc) throw notFound('foreign-recognition-document', documentId);
  const bytes = await readFileBytes(doc.file_sha256);
  if (!bytes) throw notFound('file', doc.file_sha256);
  return { bytes, fileName: doc.file_name, mediaType: doc.media_type };
}

/** The applicant submits; the file must hold the document (and its translation and apostille where needed). */
export async function submitApplication(ctx: Ctx, id: string, at?: StepDay) {
  const row = await forStep(ctx, id, 'applicant', 'foreign-recognition.apply');
  if (!applicantEdits(state(row))) throw notInState(row);
  const kinds = (await repo.documentsOf(ctx.db, id)).map((d) => d.kind);
  const missing = missingDocuments({ kinds, documentLanguage: row.document_language, apostilleExempt: row.apostille_exempt });
  // The apostille may be waived by the authority at its check, so only the document itself is required here.
  if (missing.includes('document')) throw validationFailed([{ path: 'documents', messageKey: 'errors.recognition.documentMissing' }]);
  const saved = await step(ctx, row, 'submit', { state: 'submitted', submitted_on: dayOf(at) }, at);
  await notify(ctx, {
    kind: 'recognition.submitted',
    recipients: { roles: [{ role: 'ministry', organizationId: null }] },
    params: { title: row.qualification_title, holder: row.holder_name },
    link: `/workspace/recognition/foreign/${id}`,
    dedupeKey: `foreign-recognition:${id}:submitted:${saved.submitted_on}`,
  });
  return present(ctx, saved);
}

/** The authority checks the file: complete (the clock starts today) or incomplete with what is missing. */
export async function checkFile(ctx: Ctx, id: string, input: FileCheck, at?: StepDay) {
  const row = await forStep(ctx, id, 'authority', 'foreign-recognition.decide');
  if (!awaitsCheck(state(row))) throw notInState(row);
  const note = input.note?.trim() || null;
  const exempt = input.apostilleExempt ?? row.apostille_exempt;
  if (!input.complete) {
    if (!note) throw validationFailed([{ path: 'note', messageKey: 'errors.recognition.noteRequired' }]);
    const saved = await step(ctx, row, 'return', { state: 'incomplete', file_note: note, apostille_exempt: exempt }, at);
    await notify(ctx, {
      kind: 'recognition.incomplete',
      recipients: { userIds: [row.applicant_user_id] },
      params: { title: row.qualification_title },
      link: `/workspace/recognition/foreign/${id}`,
      dedupeKey: `foreign-recognition:${id}:incomplete:${row.updated_at.toISOString()}`,
    });
    return present(ctx, saved);
  }
  const kinds = (await repo.documentsOf(ctx.db, id)).map((d) => d.kind);
  const missing = missingDocuments({ kinds, documentLanguage: row.document_language, apostilleExempt: exempt });
  if (missing.length) throw validationFailed(missing.map((kind) => ({ path: 'complete', messageKey: `errors.recognition.missing.${kind}` })));
  const saved = await step(ctx, row, 'complete', { state: 'evaluation', complete_on: dayOf(at), file_note: note, apostille_exempt: exempt }, at);
  return present(ctx, saved);
}

/** The authority asks an expert (a user holding the expert role) for an evaluation. */
export async function assignExpert(ctx: Ctx, id: string, email: string, at?: StepDay) {
  const row = await forStep(ctx, id, 'authority', 'foreign-recognition.decide');
  if (!inEvaluation(state(row))) throw notInState(row);
  const user = await findUserByEmail(ctx.db, email);
  const isExpert = user && !user.disabled_at && (await rolesOf(ctx.db, user.id)).some((r) => r.role === 'expert');
  if (!user || !isExpert) throw validationFailed([{ path: 'email', messageKey: 'errors.recognition.notAnExpert' }]);
  if (user.id === row.applicant_user_id) throw validationFailed([{ path: 'email', messageKey: 'errors.recognition.expertIsApplicant' }]);
  const saved = await step(ctx, row, 'assign-expert', { expert_user_id: user.id, expert_opinion: null, expert_recommendation: null }, at);
  await notify(ctx, {
    kind: 'recognition.expert',
    recipients: { userIds: [user.id] },
    params: { title: row.qualification_title },
    link: `/workspace/recognition/foreign/${id}`,
    dedupeKey: `foreign-recognition:${id}:expert:${user.id}`,
  });
  return present(ctx, saved);
}

/** The assigned expert's evaluation: a reasoned opinion and a recommended outcome. */
export async function giveOpinion(ctx: Ctx, id: string, input: Opinion, at?: StepDay) {
  const row = await forStep(ctx, id, 'expert', 'foreign-recognition.evaluate');
  if (!inEvaluation(state(row))) throw notInState(row);
  return present(ctx, await step(ctx, row, 'opinion', { expert_opinion: input.opinion, expert_recommendation: input.recommendation }, at));
}

function decisionPatch(row: repo.ApplicationRow, input: Decision, decidedOn: string) {
  const issues = decisionIssues(input, { expertNeeded: expertNeededOf(row), expertOpinion: row.expert_opinion });
  if (issues.length) throw validationFailed(issues.map((i): FieldIssue => ({ path: i.path, messageKey: decisionKeys[i.code] })));
  return {
    outcome: input.outcome,
    difference_kind: input.outcome === 'substantial-difference' ? (input.differenceKind ?? null) : null,
    recognized_nqf_level: input.outcome === 'refused' ? null : (input.recognizedLevel ?? null),
    reasons: input.reasons?.trim() || null,
    conditions: input.outcome === 'substantial-difference' ? input.conditions?.trim() || null : null,
    decided_on: decidedOn,
    certificate_number: certifies(input.outcome) ? certificateNumber(row.track as Track, decidedOn, row.id) : null,
  };
}

async function tellDecision(ctx: Ctx, row: repo.ApplicationRow, outcome: string, kind: string) {
  await notify(ctx, {
    kind,
    recipients: { userIds: [row.applicant_user_id] },
    params: { title: row.qualification_title, outcomeKey: `ui.recognition.outcome.${outcome}` },
    link: `/workspace/recognition/foreign/${row.id}`,
    dedupeKey: `foreign-recognition:${row.id}:${kind}`,
  });
}

/** The authority's decision, with reasons where it is not a full recognition. */
export async function decide(ctx: Ctx, id: string, input: Decision, at?: StepDay) {
  const row = await forStep(ctx, id, 'authority', 'foreign-recognition.decide');
  if (!inEvaluation(state(row))) throw notInState(row);
  const saved = await step(ctx, row, 'decide', { state: 'decided', decider_user_id: actorId(ctx.actor), ...decisionPatch(row, input, dayOf(at)) }, at);
  await tellDecision(ctx, saved, input.outcome, 'recognition.decided');
  return present(ctx, saved);
}

/** The applicant appeals a decision short of full recognition, once, within the period. */
export async function appeal(ctx: Ctx, id: string, reason: string, at?: StepDay) {
  const row = await forStep(ctx, id, 'applicant', 'foreign-recognition.apply');
  const s = state(row);
  if (s !== 'decided') throw notInState(row);
  if (!appealable({ state: s, outcome: row.outcome as Outcome | null, decidedOn: row.decided_on, appealedOn: row.appealed_on }, dayOf(at))) {
    throw conflict('errors.recognition.notAppealable');
  }
  const saved = await step(ctx, row, 'appeal', { state: 'appealed', appeal_reason: reason, appealed_on: dayOf(at) }, at);
  await notify(ctx, {
    kind: 'recognition.appealed',
    recipients: { roles: [{ role: 'ministry', organizationId: null }] },
    params: { title: row.qualification_title, holder: row.holder_name },
    link: `/workspace/recognition/foreign/${id}`,
    dedupeKey: `foreign-recognition:${id}:appealed`,
  });
  return present(ctx, saved);
}

/** The authority upholds the appeal (with a new decision) or dismisses it (the decision stands). */
export async function decideAppeal(ctx: Ctx, id: string, input: AppealDecision, at?: StepDay) {
  const row = await forStep(ctx, id, 'authority', 'foreign-recognition.decide');
  if (state(row) !== 'appealed') throw notInState(row);
  const common = { state: 'decided', appeal_result: input.result, appeal_note: input.note, appeal_decided_on: dayOf(at) } as const;
  if (input.result === 'dismissed') {
    const saved = await step(ctx, row, 'appeal-dismiss', common, at);
    await tellDecision(ctx, saved, saved.outcome ?? 'refused', 'recognition.appealDecided');
    return present(ctx, saved);
  }
  if (!input.decision) throw validationFailed([{ path: 'decision', messageKey: 'errors.recognition.newDecisionRequired' }]);
  const saved = await step(ctx, row, 'appeal-uphold', { ...common, decider_user_id: actorId(ctx.actor), ...decisionPatch(row, input.decision, dayOf(at)) }, at);
  await tellDecision(ctx, saved, input.decision.outcome, 'recognition.appealDecided');
  return present(ctx, saved);
}

/** The public face of a certificate of recognition: what it attests, for anyone holding its number. */
export async function publicCertificate(ctx: Ctx, number: string): Promise<PublicCertificate> {
  const row = await repo.applicationByCertificate(ctx.db, number.trim().toUpperCase());
  if (!row || !certifies(row.outcome as Outcome | null) || !row.decided_on || row.recognized_nqf_level === null) throw notFound('recognition-certificate', number);
  return {
    number: row.certificate_number as string,
    holderName: row.holder_name,
    qualificationTitle: row.qualification_title,
    institutionName: row.institution_name,
    countryCode: row.country_code,
    track: row.track as Track,
    legalBasis: LEGAL_BASIS[row.track as Track],
    outcome: row.outcome as 'recognized' | 'substantial-difference',
    differenceKind: row.difference_kind as DifferenceKind | null,
    recognizedLevel: row.recognized_nqf_level,
    conditions: row.conditions,
    decidedOn: row.decided_on,
    appealPending: row.state === 'appealed',
    isSynthetic: row.is_synthetic,
  };
}

/**
 * Alerts the authority about every application past its deadline, once per application and day
 * (the job runs daily); returns how many were alerted.
 */
export async function alertOverdue(ctx: Ctx, today = todayInAlmaty()): Promise<number> {
  let alerted = 0;
  for (const row of await repo.runningClocks(ctx.db)) {
    const t = timelinessOf(row, today);
    if (t.status !== 'overdue' || row.overdue_alerted_on === today) continue;
    await notify(ctx, {
      kind: 'recognition.overdue',
      recipients: { roles: [{ role: 'ministry', organizationId: null }] },
      params: { title: row.qualification_title, holder: row.holder_name, dueOn: t.dueOn },
      link: `/workspace/recognition/foreign/${row.id}`,
      dedupeKey: `foreign-recognition:${row.id}:overdue:${t.dueOn}`,
    });
    await repo.updateApplication(ctx.db, row.id, { overdue_alerted_on: today });
    alerted++;
  }
  return alerted;
}

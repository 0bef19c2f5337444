// The accreditation case as ONE explicit state machine (pure; no database). It covers every step of
// digest 004 §4: application, registration, initial review (4 reject reasons, resubmission or
// appeal), contract, coordinator, self-assessment report (SAR) and its review, visit, report with
// template and factual checks, council, approval, the EUR-ACE® ENAEE branch, publication, withdrawal.
// The panel is formed in parallel with the SAR review (the panel module); the case only checks its
// facts when the visit is scheduled.
export const CASE_STATES = [
  'draft',
  'submitted',
  'registered',
  'initial-review',
  'accepted',
  'rejected',
  'resubmitted',
  'appealed',
  'contracting',
  'contract-signed',
  'coordinator-assigned',
  'sar-in-preparation',
  'sar-submitted',
  'sar-review',
  'sar-revision-requested',
  'terminated-noncompliant',
  'sar-accepted',
  'visit-scheduled',
  'visit-in-progress',
  'visit-completed',
  'report-drafting',
  'report-template-check',
  'report-factual-check',
  'report-final',
  'council-scheduled',
  'council-decided',
  'approved',
  'enaee-submitted',
  'enaee-approved',
  'enaee-rejected',
  'published',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States with no way out: the case is over (follow-up lives with the decision). */
export const FINAL_STATES: readonly CaseState[] = ['terminated-noncompliant', 'published', 'withdrawn'];

/**
 * The 4 reasons an application is rejected at initial review (digest 004 §3.2, seed L1520–1526):
 * (a) the application form is filled in incorrectly; (b) the programme is not in the classifier of
 * specialties; (c) no licence from the Committee for Supervision in Education and Science;
 * (d) no information about the programme on the organization's website.
 */
export const REJECT_REASONS = ['application-form-incorrect', 'not-in-classifier', 'licence-missing', 'no-website-information'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * Who acts on a case. applicant = org-admin of the applying organization; agency-staff = the
 * body's coordinators and secretariat (the body head holds this too); agency-head = the body's
 * President; expert-chair = the chair of the case's panel; system = jobs and the CLI.
 */
export const CASE_ROLES = ['applicant', 'agency-staff', 'agency-head', 'expert-chair', 'system'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

/** Payload fields an action needs (validated by the service; each missing one is listed in a 422). */
export type PayloadField =
  | 'comment'
  | 'rejectReason'
  | 'writtenOpinion'
  | 'coordinatorUserId'
  | 'contractNumber'
  | 'signedOn'
  | 'visitStart'
  | 'visitEnd'
  | 'visitFormat'
  | 'outcome'
  | 'termYears';

/** Facts about the case that must hold before an action (an unmet one gives a 409 listing it). */
export const PRECONDITIONS = [
  'sar-exists',
  'sar-languages-complete',
  'panel-exists',
  'panel-rules-met',
  'panel-accepted',
  'no-open-challenges',
  'visit-planned',
  'protocol-signed',
  'report-complete',
  'template-checked',
  'factual-comments-or-period-over',
  'report-final',
  'council-meeting-scheduled',
  'votes-recorded',
] as const;
export type Precondition = (typeof PRECONDITIONS)[number];

/** Facts that choose a branch (EUR-ACE® or not): an action whose branch does not apply is not offered. */
export type BranchFacts = { eurAce: boolean };
export type CaseFacts = BranchFacts & Partial<Record<Precondition, boolean>>;

export type Transition = {
  from: readonly CaseState[];
  to: CaseState;
  by: readonly CaseRole[];
  payload: readonly PayloadField[];
  requires: readonly Precondition[];
  /** Only on the EUR-ACE® branch (true) or only off it (false). */
  eurAce?: boolean;
};

const STAFF = ['agency-staff', 'agency-head', 'system'] as const;
const HEAD = ['agency-head', 'system'] as const;
const APPLICANT = ['applicant', 'system'] as const;
const CHAIR_OR_STAFF = ['expert-chair', 'agency-staff', 'agency-head', 'system'] as const;

/** The states from `first` to `last` in the order of CASE_STATES (the order of the procedure). */
export function statesFrom(first: CaseState, last: CaseState): CaseState[] {
  return CASE_STATES.slice(CASE_STATES.indexOf(first), CASE_STATES.indexOf(last) + 1);
}

/** Before the council decides, the organization may withdraw its application (not mid-visit, not once stopped). */
const WITHDRAWABLE: readonly CaseState[] = statesFrom('draft', 'council-scheduled').filter((s) => s !== 'terminated-noncompliant' && s !== 'visit-in-progress');

const t = (from: readonly CaseState[], to: CaseState, by: readonly CaseRole[], extra: Partial<Pick<Transition, 'payload' | 'requires' | 'eurAce'>> = {}): Transition => ({
  from,
  to,
  by,
  payload: extra.payload ?? [],
  requires: extra.requires ?? [],
  ...(extra.eurAce !== undefined && { eurAce: extra.eurAce }),
});

export const TRANSITIONS = {
  // Step 1: the organization sends its application to the body's President.
  apply: t(['draft'], 'submitted', APPLICANT),
  // Step 2: registration; the procedure legally begins here (started_on, standards pinned).
  register: t(['submitted'], 'registered', STAFF),
  // Step 3: initial review against the classifier and minimum requirements.
  'start-initial-review': t(['registered', 'resubmitted'], 'initial-review', STAFF),
  accept: t(['initial-review'], 'accepted', STAFF),
  reject: t(['initial-review'], 'rejected', STAFF, { payload: ['rejectReason'] }),
  // Step 3a: fix and resubmit, or appeal in writing to the Appeals Commission.
  resubmit: t(['rejected'], 'resubmitted', APPLICANT),
  appeal: t(['rejected'], 'appealed', APPLICANT, { payload: ['comment'] }),
  'uphold-appeal': t(['appealed'], 'accepted', HEAD, { payload: ['comment'] }),
  'dismiss-appeal': t(['appealed'], 'rejected', HEAD, { payload: ['comment'] }),
  // Steps 4–5: the President starts the procedure; the contract (1 month).
  'start-contracting': t(['accepted'], 'contracting', HEAD),
  'sign-contract': t(['contracting'], 'contract-signed', STAFF, { payload: ['contractNumber', 'signedOn'] }),
  // Step 6: a coordinator with no interest in the applicant.
  'assign-coordinator': t(['contract-signed'], 'coordinator-assigned', HEAD, { payload: ['coordinatorUserId'] }),
  // Step 7: criteria and SAR guidelines sent; the self-assessment starts (2–3 months).
  'start-sar': t(['coordinator-assigned'], 'sar-in-preparation', STAFF),
  // Step 8: the SAR in kk, ru and en.
  'submit-sar': t(['sar-in-preparation', 'sar-revision-requested'], 'sar-submitted', APPLICANT, { requires: ['sar-exists', 'sar-languages-complete'] }),
  // Steps 9 and 12: review (≤ 2 months): continue, revise (≤ 1 month) or stop with a written opinion.
  'start-sar-review': t(['sar-submitted'], 'sar-review', STAFF),
  'request-sar-revision': t(['sar-review'], 'sar-revision-requested', STAFF, { payload: ['comment'] }),
  'terminate-noncompliant': t(['sar-review'], 'terminated-noncompliant', HEAD, { payload: ['writtenOpinion'] }),
  'accept-sar': t(['sar-review'], 'sar-accepted', STAFF),
  // Steps 10–13: the panel (formed in parallel and accepted by the organization) and the visit plan.
  'schedule-visit': t(['sar-accepted'], 'visit-scheduled', STAFF, {
    payload: ['visitStart', 'visitEnd', 'visitFormat'],
    requires: ['panel-exists', 'panel-rules-met', 'panel-accepted', 'no-open-challenges', 'visit-planned'],
  }),
  // Step 15: the visit (≥ 2 days) ends with the signed protocol.
  'start-visit': t(['visit-scheduled'], 'visit-in-progress', STAFF),
  'complete-visit': t(['visit-in-progress'], 'visit-completed', CHAIR_OR_STAFF, { requires: ['protocol-signed'] }),
  // Steps 16–19: draft report (2–3 weeks), template check, factual comments (2 weeks), final report.
  'start-report': t(['visit-completed'], 'report-drafting', CHAIR_OR_STAFF),
  'submit-draft-report': t(['report-drafting'], 'report-template-check', ['expert-chair', 'system'], { requires: ['report-complete'] }),
  'return-to-chair': t(['report-template-check'], 'report-drafting', STAFF, { payload: ['comment'] }),
  'send-for-factual-check': t(['report-template-check'], 'report-factual-check', STAFF, { requires: ['template-checked'] }),
  'finalise-report': t(['report-factual-check'], 'report-final', CHAIR_OR_STAFF, { requires: ['factual-comments-or-period-over', 'report-final'] }),
  // Step 20: the council meets (1–2 months) and votes; the secretariat records its decision.
  'schedule-council': t(['report-final'], 'council-scheduled', STAFF, { requires: ['council-meeting-scheduled'] }),
  decide: t(['council-scheduled'], 'council-decided', STAFF, { payload: ['outcome'], requires: ['votes-recorded'] }),
  // Step 21: the President approves; the certificate follows.
  approve: t(['council-decided'], 'approved', HEAD),
  // Step 22: EUR-ACE® only: ENAEE approves the label.
  'submit-to-enaee': t(['approved'], 'enaee-submitted', STAFF, { eurAce: true }),
  'record-enaee-approval': t(['enaee-submitted'], 'enaee-approved', STAFF, { eurAce: true }),
  'record-enaee-rejection': t(['enaee-submitted'], 'enaee-rejected', STAFF, { eurAce: true, payload: ['comment'] }),
  // Step 23: publication (Registers 2 and 3; UEIS 3, ministry 10, website 30 working days).
  publish: t(['approved'], 'published', STAFF, { eurAce: false }),
  'publish-eur-ace': t(['enaee-approved', 'enaee-rejected'], 'published', STAFF, { eurAce: true }),
  withdraw: t(WITHDRAWABLE, 'withdrawn', APPLICANT, { payload: ['comment'] }),
} as const satisfies Record<string, Transition>;

export type CaseAction = keyof typeof TRANSITIONS;
export const CASE_ACTIONS = Object.keys(TRANSITIONS) as CaseAction[];

export function isCaseState(s: string): s is CaseState {
  return (CASE_STATES as readonly string[]).includes(s);
}
export function isCaseAction(a: string): a is CaseAction {
  return Object.hasOwn(TRANSITIONS, a);
}

const transitionOf = (action: CaseAction): Transition => TRANSITIONS[action];

function branchApplies(tr: Transition, facts?: BranchFacts): boolean {
  return tr.eurAce === undefined || facts === undefined || tr.eurAce === facts.eurAce;
}

/** Actions possible from a state; with facts, only those on the case's branch; with roles, only those the roles may take. */
export function allowedActions(state: CaseState, facts?: BranchFacts, roles?: readonly CaseRole[]): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    const tr = transitionOf(a);
    return tr.from.includes(state) && branchApplies(tr, facts) && (!roles || tr.by.some((r) => roles.includes(r)));
  });
}

/** The state an action leads to from a state, or null when the action is not possible there. */
export function nextState(state: CaseState, action: CaseAction, facts?: BranchFacts): CaseState | null {
  const tr = transitionOf(action);
  return tr.from.includes(state) && branchApplies(tr, facts) ? tr.to : null;
}

export function unmetPreconditions(action: CaseAction, facts: CaseFacts): Precondition[] {
  return transitionOf(action).requires.filter((p) => facts[p] !== true);
}

export function missingPayload(action: CaseAction, payload: Partial<Record<PayloadField, unknown>>): PayloadField[] {
  return transitionOf(action).payload.filter((f) => {
    const v = payload[f];
    return v === undefined || v === null || (typeof v === 'string' && !v.trim());
  });
}

export type CheckResult =
  | { ok: true; to: CaseState }
  | { ok: false; status: 403; reason: 'role' }
  | { ok: false; status: 409; reason: 'state'; allowedNext: CaseAction[] }
  | { ok: false; status: 422; reason: 'payload'; missing: PayloadField[] }
  | { ok: false; status: 409; reason: 'preconditions'; unmet: Precondition[] };

/** Every check of one transition, in the order the API reports them: role, state, payload, preconditions. */
export function checkAction(
  state: CaseState,
  action: CaseAction,
  input: { roles: readonly CaseRole[]; facts: CaseFacts; payload: Partial<Record<PayloadField, unknown>> },
): CheckResult {
  const tr = transitionOf(action);
  if (!tr.by.some((r) => input.roles.includes(r))) return { ok: false, status: 403, reason: 'role' };
  const to = nextState(state, action, input.facts);
  // Every next step of the case, whoever takes it: the caller learns where the case stands.
  if (!to) return { ok: false, status: 409, reason: 'state', allowedNext: allowedActions(state, input.facts) };
  const missing = missingPayload(action, input.payload);
  if (missing.length) return { ok: false, status: 422, reason: 'payload', missing };
  const unmet = unmetPreconditions(action, input.facts);
  if (unmet.length) return { ok: false, status: 409, reason: 'preconditions', unmet };
  return { ok: true, to };
}

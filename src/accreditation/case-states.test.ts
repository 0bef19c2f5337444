import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseState,
  FINAL_STATES,
  PRECONDITIONS,
  REJECT_REASONS,
  TRANSITIONS,
  allowedActions,
  checkAction,
  isCaseAction,
  nextState,
} from './case-states.ts';

// The path of a programme case without EUR-ACE®, from application to publication.
const HAPPY_PATH: [CaseAction, CaseState][] = [
  ['apply', 'submitted'],
  ['register', 'registered'],
  ['start-initial-review', 'initial-review'],
  ['accept', 'accepted'],
  ['start-contracting', 'contracting'],
  ['sign-contract', 'contract-signed'],
  ['assign-coordinator', 'coordinator-assigned'],
  ['start-sar', 'sar-in-preparation'],
  ['submit-sar', 'sar-submitted'],
  ['start-sar-review', 'sar-review'],
  ['accept-sar', 'sar-accepted'],
  ['schedule-visit', 'visit-scheduled'],
  ['start-visit', 'visit-in-progress'],
  ['complete-visit', 'visit-completed'],
  ['start-report', 'report-drafting'],
  ['submit-draft-report', 'report-template-check'],
  ['send-for-factual-check', 'report-factual-check'],
  ['finalise-report', 'report-final'],
  ['schedule-council', 'council-scheduled'],
  ['decide', 'council-decided'],
  ['approve', 'approved'],
  ['publish', 'published'],
];

// Hand-written expectations: [from, action, expected next state or null when forbidden].
const KEY_EXPECTATIONS: [CaseState, CaseAction, CaseState | null][] = [
  ['draft', 'apply', 'submitted'],
  ['draft', 'register', null],
  ['submitted', 'accept', null],
  ['initial-review', 'reject', 'rejected'],
  ['rejected', 'resubmit', 'resubmitted'],
  ['resubmitted', 'start-initial-review', 'initial-review'],
  ['rejected', 'appeal', 'appealed'],
  ['appealed', 'uphold-appeal', 'accepted'],
  ['appealed', 'dismiss-appeal', 'rejected'],
  ['rejected', 'start-contracting', null],
  ['accepted', 'sign-contract', null],
  ['contract-signed', 'start-sar', null],
  ['sar-review', 'request-sar-revision', 'sar-revision-requested'],
  ['sar-revision-requested', 'submit-sar', 'sar-submitted'],
  ['sar-review', 'terminate-noncompliant', 'terminated-noncompliant'],
  ['sar-submitted', 'accept-sar', null],
  ['sar-accepted', 'start-visit', null],
  ['report-template-check', 'return-to-chair', 'report-drafting'],
  ['report-drafting', 'send-for-factual-check', null],
  ['report-factual-check', 'decide', null],
  ['council-decided', 'publish', null],
  ['approved', 'submit-to-enaee', 'enaee-submitted'],
  ['enaee-submitted', 'record-enaee-rejection', 'enaee-rejected'],
  ['enaee-rejected', 'publish-eur-ace', 'published'],
  ['visit-in-progress', 'withdraw', null],
  ['council-decided', 'withdraw', null],
  ['sar-review', 'withdraw', 'withdrawn'],
  ['published', 'withdraw', null],
];

describe('the accreditation case state machine', () => {
  test('has exactly the four reject reasons of the seed (L1520–1526)', () => {
    assert.deepEqual([...REJECT_REASONS], ['application-form-incorrect', 'not-in-classifier', 'licence-missing', 'no-website-information']);
  });

  test('every state × action pair gives the target of the definition when allowed, and null otherwise', () => {
    let allowed = 0;
    let forbidden = 0;
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        const def = TRANSITIONS[action];
        const expected = (def.from as readonly CaseState[]).includes(state) ? def.to : null;
        assert.equal(nextState(state, action), expected, `${state} --${action}-->`);
        if (expected) allowed++;
        else forbidden++;
      }
    }
    assert.equal(allowed + forbidden, CASE_STATES.length * CASE_ACTIONS.length);
    assert.ok(allowed > 50 && forbidden > 1000, `${allowed} allowed, ${forbidden} forbidden`);
  });

  for (const [from, action, to] of KEY_EXPECTATIONS) {
    test(`${action} from ${from} ${to ? `leads to ${to}` : 'is refused'}`, () => {
      assert.equal(nextState(from, action), to);
    });
  }

  test('walks a programme case from draft to published along the happy path', () => {
    let state: CaseState = 'draft';
    for (const [action, to] of HAPPY_PATH) {
      assert.ok(allowedActions(state, { eurAce: false }).includes(action), `${action} offered in ${state}`);
      const next = nextState(state, action, { eurAce: false });
      assert.equal(next, to);
      state = next as CaseState;
    }
    assert.equal(state, 'published');
  });

  test('a EUR-ACE® case must pass ENAEE before publication, and a national one skips it', () => {
    assert.deepEqual(allowedActions('approved', { eurAce: true }), ['submit-to-enaee']);
    assert.deepEqual(allowedActions('approved', { eurAce: false }), ['publish']);
    assert.equal(nextState('approved', 'publish', { eurAce: true }), null);
    assert.equal(nextState('approved', 'submit-to-enaee', { eurAce: false }), null);
  });

  test('every state is reachable from draft and every non-final state has a way out', () => {
    const seen = new Set<CaseState>(['draft']);
    const queue: CaseState[] = ['draft'];
    while (queue.length) {
      const s = queue.shift() as CaseState;
      for (const a of allowedActions(s)) {
        const n = nextState(s, a) as CaseState;
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    assert.deepEqual([...CASE_STATES].filter((s) => !seen.has(s)), []);
    for (const s of CASE_STATES) {
      assert.equal(allowedActions(s).length === 0, FINAL_STATES.includes(s), `exits of ${s}`);
    }
  });

  test('allowed actions are narrowed to what the actor may take', () => {
    assert.deepEqual(allowedActions('initial-review', undefined, ['applicant']), ['withdraw']);
    assert.deepEqual(allowedActions('initial-review', undefined, ['agency-staff']), ['accept', 'reject']);
    assert.deepEqual(allowedActions('rejected', undefined, ['applicant']), ['resubmit', 'appeal', 'withdraw']);
  });

  test('checks role, then state, then payload, then preconditions', () => {
    const facts = { eurAce: false };
    assert.deepEqual(checkAction('initial-review', 'reject', { roles: ['applicant'], facts, payload: {} }), { ok: false, status: 403, reason: 'role' });
    const wrongState = checkAction('draft', 'accept', { roles: ['agency-staff'], facts, payload: {} });
    assert.equal(wrongState.ok, false);
    assert.equal(wrongState.ok === false && wrongState.status, 409);
    assert.deepEqual(wrongState.ok === false && wrongState.reason === 'state' && wrongState.allowedNext, ['apply', 'withdraw']);
    assert.deepEqual(checkAction('initial-review', 'reject', { roles: ['agency-staff'], facts, payload: { rejectReason: ' ' } }), {
      ok: false,
      status: 422,
      reason: 'payload',
      missing: ['rejectReason'],
    });
    assert.deepEqual(checkAction('sar-accepted', 'schedule-visit', { roles: ['agency-staff'], facts: { ...facts, 'panel-exists': true, 'visit-planned': true }, payload: { visitStart: '2025-01-01', visitEnd: '2025-01-02', visitFormat: 'hybrid' } }), {
      ok: false,
      status: 409,
      reason: 'preconditions',
      unmet: ['panel-rules-met', 'panel-accepted', 'no-open-challenges'],
    });
    assert.deepEqual(checkAction('sar-in-preparation', 'submit-sar', { roles: ['applicant'], facts: { ...facts, 'sar-exists': true, 'sar-languages-complete': true }, payload: {} }), { ok: true, to: 'sar-submitted' });
  });

  test('only the panel chair (or the system) submits the draft report, and only the body head approves', () => {
    assert.deepEqual([...TRANSITIONS['submit-draft-report'].by], ['expert-chair', 'system']);
    assert.ok(!(TRANSITIONS.approve.by as readonly string[]).includes('agency-staff'));
    assert.ok(!(TRANSITIONS['terminate-noncompliant'].by as readonly string[]).includes('agency-staff'));
  });

  test('every precondition named by a transition is a known fact', () => {
    for (const a of CASE_ACTIONS) for (const p of TRANSITIONS[a].requires) assert.ok(PRECONDITIONS.includes(p), p);
  });

  test('only the named actions are actions: inherited object keys from a form are not', () => {
    assert.ok(isCaseAction('apply'));
    for (const a of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) assert.equal(isCaseAction(a), false, a);
  });
});

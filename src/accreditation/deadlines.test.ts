import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CASE_ACTIONS } from './case-states.ts';
import { loadConfig } from '../config.ts';
import { DEADLINE_DEFAULTS, assertDeadlineOverrides, deadlineChanges, needsReminder, periodOf, presentDeadline } from './deadlines.ts';

describe('case deadlines', () => {
  test('the contract is due one month after the procedure starts, on a working day', () => {
    assert.deepEqual(deadlineChanges('start-contracting', '2026-01-05'), { start: [{ step: 'contract', startsOn: '2026-01-05', dueOn: '2026-02-05' }], meet: [] });
    // 21 February + 1 month = 21 March (Nauryz, and the moved days up to 25 March) → 26 March.
    assert.equal(deadlineChanges('start-contracting', '2026-02-21').start[0]?.dueOn, '2026-03-26');
  });

  test('SAR 3 months, review 2 months, revision 1 month, draft report 3 weeks, factual comments 2 weeks, council 2 months', () => {
    const due = (action: (typeof CASE_ACTIONS)[number]) => deadlineChanges(action, '2025-09-01').start.map((s) => [s.step, s.dueOn]);
    assert.deepEqual(due('start-sar'), [['sar', '2025-12-01']]);
    assert.deepEqual(due('start-sar-review'), [['sar-review', '2025-11-03']]); // 1 Nov 2025 is a Saturday
    assert.deepEqual(due('request-sar-revision'), [['sar-revision', '2025-10-01']]);
    assert.deepEqual(due('complete-visit'), [['draft-report', '2025-09-22']]);
    assert.deepEqual(due('send-for-factual-check'), [['factual-comments', '2025-09-15']]);
    assert.deepEqual(due('finalise-report'), [['council', '2025-11-03']]);
  });

  test('the step that answers meets the deadline: a revision request meets the review and starts the revision', () => {
    const c = deadlineChanges('request-sar-revision', '2025-09-01');
    assert.deepEqual(c.meet, ['sar-review']);
    assert.deepEqual(c.start.map((s) => s.step), ['sar-revision']);
    assert.deepEqual(deadlineChanges('submit-sar', '2025-09-01').meet, ['sar', 'sar-revision']);
    assert.deepEqual(deadlineChanges('decide', '2025-09-01').meet, ['council']);
  });

  test('every action named by a deadline exists in the state machine', () => {
    for (const d of Object.values(DEADLINE_DEFAULTS)) for (const a of [...d.startsOn, ...d.metBy]) assert.ok(CASE_ACTIONS.includes(a), a);
  });

  test('an open deadline past its day is overdue; a met one never is', () => {
    const open = presentDeadline({ step: 'contract', starts_on: '2026-01-05', due_on: '2026-02-05', met_at: null }, '2026-02-06');
    assert.equal(open.overdue, true);
    assert.equal(open.workingDaysLeft, -1);
    assert.equal(presentDeadline({ step: 'contract', starts_on: '2026-01-05', due_on: '2026-02-05', met_at: null }, '2026-02-05').overdue, false);
    assert.equal(presentDeadline({ step: 'contract', starts_on: '2026-01-05', due_on: '2026-02-05', met_at: new Date() }, '2026-03-01').overdue, false);
  });

  test('a reminder is due within 5 working days of the deadline or after it', () => {
    assert.equal(needsReminder('2026-02-05', '2026-01-29'), true); // 5 working days before
    assert.equal(needsReminder('2026-02-05', '2026-01-28'), false);
    assert.equal(needsReminder('2026-02-05', '2026-02-10'), true);
  });
});

test('a configured period overrides the default, for case steps and publication alike', () => {
  const overrides = { sar: { unit: 'months', amount: 2 }, 'publication-website': { unit: 'working-days', amount: 20 } } as const;
  const [sar] = deadlineChanges('start-sar', '2026-03-02', overrides).start;
  assert.equal(sar?.dueOn, '2026-05-04', 'two months from 2 March is 2 May, a Saturday: the next working day');
  assert.deepEqual(periodOf('publication-website', overrides), { unit: 'working-days', amount: 20 });
  assert.deepEqual(periodOf('publication-ueis', overrides), { unit: 'working-days', amount: 3 });
});

test('ACCREDITATION_DEADLINES is parsed, and a step that does not exist is refused at start', () => {
  const config = loadConfig({ ACCREDITATION_DEADLINES: 'sar=2 months, draft-report=2 weeks' });
  assert.deepEqual(config.ACCREDITATION_DEADLINES, { sar: { unit: 'months', amount: 2 }, 'draft-report': { unit: 'weeks', amount: 2 } });
  assert.throws(() => loadConfig({ ACCREDITATION_DEADLINES: 'sar=two months' }), /ACCREDITATION_DEADLINES/);
  assert.throws(() => assertDeadlineOverrides({ sra: { unit: 'months', amount: 2 } }), /unknown step\(s\) sra/);
  assert.doesNotThrow(() => assertDeadlineOverrides(config.ACCREDITATION_DEADLINES));
});

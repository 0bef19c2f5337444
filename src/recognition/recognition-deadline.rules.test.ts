// The recognition decision's deadline: four months from a complete file (configurable), and the
// application's timeliness (awaiting a complete file, in time, overdue, decided in time or late).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recognitionDueOn, recognitionTimeliness } from './recognition-deadline.rules.ts';

test('the decision is due four months after the file is complete; the end of a short month is its last day', () => {
  assert.equal(recognitionDueOn('2026-01-15'), '2026-05-15');
  assert.equal(recognitionDueOn('2025-10-31'), '2026-02-28');
  assert.equal(recognitionDueOn('2026-01-15', 2), '2026-03-15', 'the period is configuration');
});

test('an incomplete file starts no clock and is never overdue', () => {
  assert.deepEqual(recognitionTimeliness({ completeOn: null, decidedOn: null }, '2030-01-01'), { status: 'awaiting-complete-file', dueOn: null });
});

test('an undecided application is in time up to its due day inclusive, then overdue', () => {
  const clock = { completeOn: '2026-01-15', decidedOn: null };
  assert.deepEqual(recognitionTimeliness(clock, '2026-05-10'), { status: 'in-time', dueOn: '2026-05-15', daysLeft: 5 });
  assert.equal(recognitionTimeliness(clock, '2026-05-15').status, 'in-time');
  assert.deepEqual(recognitionTimeliness(clock, '2026-05-16'), { status: 'overdue', dueOn: '2026-05-15', daysLeft: -1 });
});

test('a decided application says whether it was decided in time, whatever today is', () => {
  assert.equal(recognitionTimeliness({ completeOn: '2026-01-15', decidedOn: '2026-05-15' }, '2027-01-01').status, 'decided-in-time');
  assert.equal(recognitionTimeliness({ completeOn: '2026-01-15', decidedOn: '2026-05-18' }, '2026-05-18').status, 'decided-late');
});

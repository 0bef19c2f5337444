import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROGRAMME_ACTIONS, PROGRAMME_STATUSES, type ProgrammeAction, type ProgrammeStatus, checkTransition } from './programme-lifecycle.ts';

const allowed: Record<ProgrammeStatus, Partial<Record<ProgrammeAction, ProgrammeStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { 'start-review': 'expert-review' },
  'expert-review': { include: 'included', return: 'returned' },
  included: { 'start-update': 'update', exclude: 'excluded' },
  returned: { submit: 'submitted' },
  update: { submit: 'submitted', exclude: 'excluded' },
  excluded: {},
};

for (const from of PROGRAMME_STATUSES) {
  for (const action of PROGRAMME_ACTIONS) {
    const to = allowed[from][action];
    test(`${from} --${action}--> ${to ?? 'refused'}`, () => {
      const result = checkTransition(from, action, 'a reason');
      if (to) assert.deepEqual(result, { ok: true, to });
      else {
        assert.equal(result.ok, false);
        assert.deepEqual(!result.ok && result.allowed, Object.keys(allowed[from]));
      }
    });
  }
}

test('returning a programme without a comment is refused', () => {
  assert.deepEqual(checkTransition('expert-review', 'return', '  '), { ok: false, reason: 'comment-required', allowed: ['include', 'return'] });
});

test('excluding a programme needs a reason', () => {
  assert.equal(checkTransition('included', 'exclude').ok, false);
});

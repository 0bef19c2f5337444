import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tallyVisible, voteClosed, votePending } from './tally-visibility.ts';

const open = { caseState: 'council-scheduled', meetingStatus: 'scheduled' };
const decided = { caseState: 'council-decided', meetingStatus: 'held' };

describe('who sees a council tally', () => {
  test('a member who has voted does not see the others while the vote is open', () => {
    assert.equal(tallyVisible({ role: 'member', votedOwn: true }, open, 'after-close'), false);
    assert.equal(tallyVisible({ role: 'member', votedOwn: false }, open, 'after-close'), false);
  });
  test('every member sees the tally once the case is decided or the meeting cancelled', () => {
    assert.equal(tallyVisible({ role: 'member', votedOwn: false }, decided, 'after-close'), true);
    assert.equal(tallyVisible({ role: 'member', votedOwn: false }, { caseState: 'council-scheduled', meetingStatus: 'cancelled' }, 'after-close'), true);
  });
  test('a body that shows the tally after one’s own vote shows it to voters only', () => {
    assert.equal(tallyVisible({ role: 'member', votedOwn: true }, open, 'after-own-vote'), true);
    assert.equal(tallyVisible({ role: 'member', votedOwn: false }, open, 'after-own-vote'), false);
  });
  test('staff running the meeting always see it', () => {
    assert.equal(tallyVisible({ role: 'manager', votedOwn: false }, open, 'after-close'), true);
  });
  test('a vote is pending only while open, for a member neither recused nor voted', () => {
    assert.equal(voteClosed(open), false);
    assert.equal(votePending({ ...open, recused: false, myVote: null }), true);
    assert.equal(votePending({ ...open, recused: true, myVote: null }), false);
    assert.equal(votePending({ ...open, recused: false, myVote: 'for' }), false);
    assert.equal(votePending({ ...decided, recused: false, myVote: null }), false);
  });
});

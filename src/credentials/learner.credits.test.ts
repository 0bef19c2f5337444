import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditsByProgramme } from './learner.credits.ts';

const c = (id: string, over: Record<string, unknown> = {}) => ({ id, specificationId: `s-${id}`, status: 'active', programmeId: 'p1', credits: 5, ...over });

test('sums the credits of active credentials per programme', () => {
  assert.deepEqual(creditsByProgramme([c('a'), c('b', { credits: 2.5 }), c('x', { programmeId: 'p2', credits: 3 })]), [
    { programmeId: 'p1', earned: 7.5, credentialIds: ['a', 'b'] },
    { programmeId: 'p2', earned: 3, credentialIds: ['x'] },
  ]);
});

test('revoked or suspended credentials and those without a programme count nothing', () => {
  assert.deepEqual(creditsByProgramme([c('a', { status: 'revoked' }), c('b', { status: 'suspended' }), c('d', { programmeId: null })]), []);
});

test('the same specification awarded twice counts once', () => {
  assert.deepEqual(creditsByProgramme([c('a', { specificationId: 's' }), c('b', { specificationId: 's' })]), [{ programmeId: 'p1', earned: 5, credentialIds: ['a'] }]);
});

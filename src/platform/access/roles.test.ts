import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Actor, can, canEverywhere } from './roles.ts';

const user = (role: string, organizationId: string | null = null): Actor => ({
  kind: 'user',
  userId: 'u',
  label: 'u',
  roles: [{ role: role as never, organizationId }],
});

test('anonymous callers may not write anything', () => {
  assert.equal(can({ kind: 'anonymous' }, 'programme.create', { organizationIds: ['a'] }), false);
});

test('an organization editor may create programmes only for its own organization', () => {
  assert.equal(can(user('org-editor', 'a'), 'programme.create', { organizationIds: ['a'] }), true);
  assert.equal(can(user('org-editor', 'a'), 'programme.create', { organizationIds: ['b'] }), false);
});

test('an organization editor may not review programmes, the ministry may', () => {
  assert.equal(can(user('org-editor', 'a'), 'programme.review', { organizationIds: ['a'] }), false);
  assert.equal(can(user('ministry'), 'programme.review', { organizationIds: ['a'] }), true);
});

test('a learner holds no register grant', () => {
  assert.equal(can(user('learner'), 'organization.update', { organizationIds: ['a'] }), false);
});

test('a sector council manages standards everywhere but not organizations', () => {
  assert.equal(canEverywhere(user('sector-council'), 'occupational-standard.manage'), true);
  assert.equal(can(user('sector-council'), 'organization.create'), false);
});

test('the system actor (CLI, jobs) passes every check', () => {
  assert.equal(can({ kind: 'system', label: 'cli' }, 'user.manage'), true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionInForceOn, decisionStatusOn } from './decision-status.ts';

test('a decision in force past its validity reads as expired; every other status stays', () => {
  assert.equal(decisionStatusOn('active', '2026-06-14', '2026-06-14'), 'active');
  assert.equal(decisionStatusOn('active', '2026-06-14', '2026-06-15'), 'expired');
  assert.equal(decisionStatusOn('extended', '2026-06-14', '2026-06-15'), 'expired');
  assert.equal(decisionStatusOn('active', null, '2090-01-01'), 'active');
  assert.equal(decisionStatusOn('suspended', '2026-06-14', '2026-06-15'), 'suspended');
  assert.equal(decisionStatusOn('withdrawn', '2026-06-14', '2026-06-13'), 'withdrawn');
});

test('a positive decision is in force from its first to its last valid day, and only while active or extended', () => {
  const d = { outcome: 'accredited', status: 'active', validFrom: '2021-06-15', validTo: '2026-06-14' };
  assert.equal(decisionInForceOn(d, '2021-06-14'), false);
  assert.equal(decisionInForceOn(d, '2021-06-15'), true);
  assert.equal(decisionInForceOn(d, '2026-06-14'), true);
  assert.equal(decisionInForceOn(d, '2026-06-15'), false);
  assert.equal(decisionInForceOn({ ...d, status: 'extended' }, '2026-01-01'), true);
  assert.equal(decisionInForceOn({ ...d, status: 'suspended' }, '2026-01-01'), false);
  assert.equal(decisionInForceOn({ ...d, status: 'withdrawn' }, '2026-01-01'), false);
  assert.equal(decisionInForceOn({ ...d, outcome: 'refused', status: 'refused' }, '2026-01-01'), false);
  assert.equal(decisionInForceOn({ ...d, validFrom: null }, '2026-01-01'), false);
});

// The SQL form, used by Registers 2–3, is checked against decisionStatusOn in registers.routes.test.ts.

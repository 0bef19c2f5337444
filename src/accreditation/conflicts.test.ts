import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ConflictFacts, conflictsOf } from './conflicts.ts';

const base = (over: Partial<ConflictFacts> = {}): ConflictFacts => ({
  related: [
    { organizationId: 'org', relation: 'self' },
    { organizationId: 'parent', relation: 'parent' },
    { organizationId: 'old', relation: 'predecessor' },
    { organizationId: 'partner', relation: 'partner' },
  ],
  affiliations: [],
  panelService: [],
  seminars: [],
  declared: [],
  today: '2026-06-01',
  lookbackYears: 5,
  ...over,
});
const summary = (f: ConflictFacts) => conflictsOf(f).map((c) => `${c.code}:${c.relation}`);

describe('conflicts of interest', () => {
  test('finds none for someone with no tie to the organization', () => {
    assert.deepEqual(conflictsOf(base({ affiliations: [{ organizationId: 'elsewhere', kind: 'employment', from: '2010-01-01', to: null }] })), []);
  });

  test('current employment at the organization is a conflict', () => {
    assert.deepEqual(summary(base({ affiliations: [{ organizationId: 'org', kind: 'employment', from: '2020-01-01', to: null }] })), ['employment:self']);
  });

  test('past employment at the organization is a conflict, however long ago', () => {
    assert.deepEqual(summary(base({ affiliations: [{ organizationId: 'org', kind: 'employment', from: '1990-01-01', to: '1995-01-01' }] })), [
      'employment:self',
    ]);
  });

  test('study at the organization is a conflict', () => {
    assert.deepEqual(summary(base({ affiliations: [{ organizationId: 'org', kind: 'study', from: '2001-09-01', to: '2005-06-30' }] })), ['study:self']);
  });

  test('employment at the parent organization is a conflict', () => {
    assert.deepEqual(summary(base({ affiliations: [{ organizationId: 'parent', kind: 'employment', from: null, to: null }] })), ['employment:parent']);
  });

  test('study at a predecessor organization is a conflict', () => {
    assert.deepEqual(summary(base({ affiliations: [{ organizationId: 'old', kind: 'study', from: '2000-01-01', to: '2004-01-01' }] })), ['study:predecessor']);
  });

  test('employment at a programme partner is a conflict', () => {
    assert.deepEqual(summary(base({ affiliations: [{ organizationId: 'partner', kind: 'employment', from: '2022-01-01', to: null }] })), [
      'employment:partner',
    ]);
  });

  test('panel service at the organization within the lookback is a conflict, older service is not', () => {
    assert.deepEqual(summary(base({ panelService: [{ caseId: 'c1', organizationId: 'org', on: '2021-06-01' }] })), ['panel-service:self']);
    assert.deepEqual(summary(base({ panelService: [{ caseId: 'c1', organizationId: 'org', on: '2021-05-31' }] })), []);
    assert.deepEqual(summary(base({ lookbackYears: 10, panelService: [{ caseId: 'c1', organizationId: 'org', on: '2017-01-01' }] })), ['panel-service:self']);
  });

  test('panel service at another organization is not a conflict', () => {
    assert.deepEqual(summary(base({ panelService: [{ caseId: 'c1', organizationId: 'elsewhere', on: '2025-06-01' }] })), []);
  });

  test('having run its self-assessment seminar is a conflict', () => {
    assert.deepEqual(summary(base({ seminars: [{ organizationId: 'org', on: '2025-03-01' }] })), ['seminar:self']);
  });

  test('a declared conflict counts when it names the organization or a tied one', () => {
    const c = conflictsOf(
      base({
        declared: [
          { organizationId: 'org', reason: 'my spouse teaches there' },
          { organizationId: 'elsewhere', reason: 'x' },
        ],
      }),
    );
    assert.deepEqual(c, [{ code: 'declared', relation: 'self', organizationId: 'org', detail: 'my spouse teaches there' }]);
  });

  test('lists every source together', () => {
    const all = summary(
      base({
        affiliations: [{ organizationId: 'parent', kind: 'employment', from: null, to: null }],
        panelService: [{ caseId: 'c', organizationId: 'org', on: '2025-01-01' }],
        seminars: [{ organizationId: 'org', on: '2025-01-01' }],
        declared: [{ organizationId: 'org', reason: 'r' }],
      }),
    );
    assert.deepEqual(all, ['employment:parent', 'panel-service:self', 'seminar:self', 'declared:self']);
  });
});

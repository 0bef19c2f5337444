import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PassportFacts, passportContradictions } from './programme-rules.ts';

const base: PassportFacts = {
  code: '6B06101',
  nqfLevel: 6,
  fieldCode: '06',
  directionCode: '061',
  group: { code: 'B057', fieldCode: '06', level: 'B' },
  degree: { key: 'bachelor', nqfLevels: [6] },
  outcomes: [{ code: 'LO1' }, { code: 'LO2' }],
  courses: [{ code: 'C1', outcomes: ['LO1'] }],
  partnerIds: [],
  organizationId: 'org-1',
};

const paths = (p: Partial<PassportFacts>) => passportContradictions({ ...base, ...p }).map((i) => `${i.path}:${i.messageKey.split('.').pop()}`);

test('a consistent bachelor passport has no contradictions', () => {
  assert.deepEqual(paths({}), []);
});

test('a code whose level digit disagrees with the NQF level is a contradiction', () => {
  assert.deepEqual(paths({ nqfLevel: 7, degree: null }), ['nqfLevel:codeLevelMismatch']);
});

test('a code in another field than the one declared is a contradiction', () => {
  assert.deepEqual(paths({ fieldCode: '05', directionCode: null, group: null }), ['fieldCode:codeFieldMismatch']);
});

test('a degree at another NQF level than the programme is a contradiction', () => {
  assert.deepEqual(paths({ degree: { key: 'master', nqfLevels: [7] } }), ['degree:levelMismatch']);
});

test('a degree spanning levels accepts any level of its range', () => {
  assert.deepEqual(paths({ code: '7M06101', nqfLevel: 7, group: null, degree: { key: 'integrated', nqfLevels: [6, 7] } }), []);
});

test('a code outside the grammar is named by its wrong part', () => {
  assert.deepEqual(paths({ code: '6X06101', group: null }), ['code:letter']);
});

test('a master group on a bachelor code is a contradiction', () => {
  assert.deepEqual(paths({ group: { code: 'M094', fieldCode: '06', level: 'M' } }), ['groupCode:groupLevelMismatch']);
});

test('a group of another field is a contradiction', () => {
  assert.deepEqual(paths({ group: { code: 'B001', fieldCode: '01', level: 'B' } }), ['groupCode:groupFieldMismatch']);
});

test('courses mapped to outcomes the programme lacks are each named', () => {
  assert.deepEqual(paths({ courses: [{ code: 'C1', outcomes: ['LO1', 'LO9'] }, { code: 'C2', outcomes: ['LO8'] }] }), [
    'courses.0.outcomes.1:outcomeUnknown',
    'courses.1.outcomes.0:outcomeUnknown',
  ]);
});

test('duplicate outcome and course codes and a self-partnership are all reported at once', () => {
  assert.deepEqual(paths({ outcomes: [{ code: 'LO1' }, { code: 'LO1' }], courses: [{ code: 'C1', outcomes: [] }, { code: 'C1', outcomes: [] }], partnerIds: ['org-1'] }), [
    'outcomes.1.code:duplicateCode',
    'courses.1.code:duplicateCode',
    'partnerIds.0:partnerIsSelf',
  ]);
});

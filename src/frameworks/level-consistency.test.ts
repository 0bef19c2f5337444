import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type LevelFinding,
  type ProgrammeLevels,
  type QualificationLevels,
  type SqfDeclaredLevels,
  type StandardOccupationLevels,
  UNIVERSITY_MICRO_QUALIFICATION_LEVELS,
  checkDeclaredLevel,
  levelOfProgrammeCode,
  occupationSqfFindings,
  programmeLevelFindings,
  qualificationTypeFindings,
} from './level-consistency.ts';

const brief = (findings: LevelFinding[]) => findings.map((f) => `${f.kind} ${f.code} expected ${f.expected} actual ${f.actual}`);

describe('programme levels', () => {
  const programme = (p: Partial<ProgrammeLevels>): ProgrammeLevels => ({
    id: 'p1',
    code: '6B06101',
    nqfLevel: 6,
    degree: 'bachelor',
    degreeLevels: [6],
    ...p,
  });
  const cases: { name: string; p: ProgrammeLevels; expect: string[] }[] = [
    { name: 'a bachelor programme at level 6 with a 6… code agrees with everything', p: programme({}), expect: [] },
    {
      name: 'a level-7 programme awarding a bachelor disagrees with its degree and its code',
      p: programme({ nqfLevel: 7 }),
      expect: ['programme-degree-level 6B06101 expected 6 actual 7', 'programme-code-level 6B06101 expected 6 actual 7'],
    },
    {
      name: 'a master programme coded 6M… disagrees with its code only',
      p: programme({ code: '6M06101', nqfLevel: 7, degree: 'master-profile', degreeLevels: [7] }),
      expect: ['programme-code-level 6M06101 expected 6 actual 7'],
    },
    {
      name: 'a programme without a degree is checked against its code only',
      p: programme({ code: '7M01101', nqfLevel: 7, degree: null, degreeLevels: [] }),
      expect: [],
    },
    {
      name: 'a degree whose type spans several levels accepts any of them',
      p: programme({ code: 'X1', nqfLevel: 2, degree: 'working-qualification', degreeLevels: [2, 3] }),
      expect: [],
    },
    {
      name: 'a code that does not start with a level digit says nothing about the level',
      p: programme({ code: 'B057-OLD', nqfLevel: 6 }),
      expect: [],
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(brief(programmeLevelFindings([c.p])), c.expect));

  test('the level digit of a programme code is its first character', () => {
    assert.deepEqual(['6B06101', '7M01101', '8D05301', ' 5B07101', 'B001', '9X0'].map(levelOfProgrammeCode), [6, 7, 8, 5, null, null]);
  });

  test('a finding names the programme it concerns and a catalog key', () => {
    const [finding] = programmeLevelFindings([programme({ id: 'prog-42', nqfLevel: 7 })]);
    assert.deepEqual(finding, {
      kind: 'programme-degree-level',
      entityType: 'programme',
      entityId: 'prog-42',
      code: '6B06101',
      expected: '6',
      actual: '7',
      messageKey: 'errors.field.levelMismatchDegree',
    });
  });
});

describe('occupational standards against their SQF', () => {
  const it: SqfDeclaredLevels = {
    id: 'sqf-it',
    code: 'SQF-IT',
    levels: [
      { level: 3, sublevel: null },
      { level: 4, sublevel: '4.1' },
      { level: 4, sublevel: '4.2' },
      { level: 5, sublevel: null },
    ],
  };
  const sqfs = new Map([[it.id, it], ['sqf-empty', { id: 'sqf-empty', code: 'SQF-NEW', levels: [] }]]);
  const standard = (occupations: StandardOccupationLevels['occupations'], sqfId: string | null = 'sqf-it'): StandardOccupationLevels => ({
    id: 'os1',
    code: 'PS-1',
    sqfId,
    occupations,
  });
  const cases: { name: string; s: StandardOccupationLevels; expect: string[] }[] = [
    { name: 'occupations at declared levels and sub-levels agree', s: standard([{ code: 'A', nqfLevel: 4, sqfSublevel: '4.2' }, { code: 'B', nqfLevel: 3, sqfSublevel: null }]), expect: [] },
    {
      name: 'an occupation at a level the SQF does not declare is flagged with the declared levels',
      s: standard([{ code: 'A', nqfLevel: 7, sqfSublevel: null }]),
      expect: ['occupation-sqf-level PS-1/A expected 3, 4, 5 actual 7'],
    },
    {
      name: 'an occupation at an undeclared sub-level is flagged with the declared sub-levels',
      s: standard([{ code: 'A', nqfLevel: 4, sqfSublevel: '4.3' }]),
      expect: ['occupation-sqf-sublevel PS-1/A expected 4.1, 4.2 actual 4.3'],
    },
    {
      name: 'an occupation wrong on both counts gets two findings',
      s: standard([{ code: 'A', nqfLevel: 6, sqfSublevel: '6.1' }]),
      expect: ['occupation-sqf-level PS-1/A expected 3, 4, 5 actual 6', 'occupation-sqf-sublevel PS-1/A expected 4.1, 4.2 actual 6.1'],
    },
    { name: 'a standard without an SQF has nothing to disagree with', s: standard([{ code: 'A', nqfLevel: 8, sqfSublevel: null }], null), expect: [] },
    { name: 'an SQF that declares no levels yet is not held against its standards', s: standard([{ code: 'A', nqfLevel: 8, sqfSublevel: null }], 'sqf-empty'), expect: [] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(brief(occupationSqfFindings([c.s], sqfs)), c.expect));
});

describe('qualifications against their type', () => {
  const q = (p: Partial<QualificationLevels>): QualificationLevels => ({ id: 'q1', code: 'Q-1', nqfLevel: 6, qualificationType: 'bachelor', typeLevels: [6], ...p });
  const cases: { name: string; q: QualificationLevels; expect: string[] }[] = [
    { name: 'a bachelor qualification at level 6 agrees with its type', q: q({}), expect: [] },
    { name: 'a bachelor qualification at level 5 is flagged', q: q({ nqfLevel: 5 }), expect: ['qualification-type-level Q-1 expected 6 actual 5'] },
    { name: 'a working qualification may sit at any level of its range', q: q({ nqfLevel: 2, qualificationType: 'working-qualification', typeLevels: [2, 3] }), expect: [] },
    {
      name: 'a working qualification outside its range is flagged with the range',
      q: q({ nqfLevel: 4, qualificationType: 'working-qualification', typeLevels: [3, 2] }),
      expect: ['qualification-type-level Q-1 expected 2, 3 actual 4'],
    },
    { name: 'a qualification without a type is not checked', q: q({ nqfLevel: 1, qualificationType: null, typeLevels: [] }), expect: [] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(brief(qualificationTypeFindings([c.q])), c.expect));
});

describe('declared level against an allowed range', () => {
  const declared = (level: number) => ({ entityType: 'micro-credential', entityId: 'm1', code: 'MC-1', level });
  const cases: { name: string; level: number; range: { min: number; max: number }; expect: string[] }[] = [
    { name: 'a university micro-qualification at level 4 is within 4–5', level: 4, range: UNIVERSITY_MICRO_QUALIFICATION_LEVELS, expect: [] },
    { name: 'a university micro-qualification at level 5 is within 4–5', level: 5, range: UNIVERSITY_MICRO_QUALIFICATION_LEVELS, expect: [] },
    {
      name: 'a university micro-qualification at level 6 is outside 4–5',
      level: 6,
      range: UNIVERSITY_MICRO_QUALIFICATION_LEVELS,
      expect: ['declared-level-range MC-1 expected 4–5 actual 6'],
    },
    { name: 'a university micro-qualification at level 3 is outside 4–5', level: 3, range: UNIVERSITY_MICRO_QUALIFICATION_LEVELS, expect: ['declared-level-range MC-1 expected 4–5 actual 3'] },
    { name: 'a one-level range is written as that level', level: 7, range: { min: 6, max: 6 }, expect: ['declared-level-range MC-1 expected 6 actual 7'] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(brief(checkDeclaredLevel(declared(c.level), c.range)), c.expect));

  test('the finding keeps the entity the caller named', () => {
    const [f] = checkDeclaredLevel(declared(8), UNIVERSITY_MICRO_QUALIFICATION_LEVELS);
    assert.equal(f?.entityType, 'micro-credential');
    assert.equal(f?.entityId, 'm1');
    assert.equal(f?.messageKey, 'errors.field.levelOutOfRange');
  });
});

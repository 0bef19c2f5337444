import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FieldIssue } from '../platform/errors.ts';
import { classifierVersionIssues, levelsOfOccupations, occupationalStandardIssues, sqfIssues } from './framework-rules.ts';

const brief = (issues: FieldIssue[]) => issues.map((i) => `${i.path} ${i.messageKey.replace('errors.field.', '')}`);

const d = { kk: 'x', ru: 'x', en: 'x' };
const levels = [
  { level: 4, sublevel: '4.1', descriptor: d },
  { level: 4, sublevel: '4.2', descriptor: d },
  { level: 5, sublevel: null, descriptor: d },
];
const qualification = (q: Record<string, unknown> = {}) => ({ code: 'Q1', name: d, nqfLevel: 4, sublevel: '4.1', iscoCodes: ['2512'], nkzCodes: ['2512-1'], okedCodes: ['62.01'], ...q });

describe('sectoral framework rules', () => {
  const cases: { name: string; input: Parameters<typeof sqfIssues>[0]; expect: string[] }[] = [
    { name: 'a framework with declared sub-levels and a matching map passes', input: { okedCodes: ['62', '62.0', '62.01', '62.01.1'], levels, qualifications: [qualification()] }, expect: [] },
    {
      name: 'ISCO codes need four digits',
      input: { levels, qualifications: [qualification({ iscoCodes: ['2512', '251', '25120', 'ABCD'] })] },
      expect: ['qualifications.0.iscoCodes.1 iscoCode', 'qualifications.0.iscoCodes.2 iscoCode', 'qualifications.0.iscoCodes.3 iscoCode'],
    },
    {
      name: 'OKED codes follow division.group-class.subclass, in the passport and in the map',
      input: { okedCodes: ['8542', '85.42.1', '85.4.1'], levels, qualifications: [qualification({ okedCodes: ['85-42'] })] },
      expect: ['okedCodes.0 okedCode', 'okedCodes.2 okedCode', 'qualifications.0.okedCodes.0 okedCode'],
    },
    {
      name: 'NKZ codes are digits with an optional dash suffix',
      input: { levels, qualifications: [qualification({ nkzCodes: ['2512', '2512-1-001', '2512_1', 'x'] })] },
      expect: ['qualifications.0.nkzCodes.2 nkzCode', 'qualifications.0.nkzCodes.3 nkzCode'],
    },
    {
      name: 'a qualification sub-level must be one the framework declares',
      input: { levels, qualifications: [qualification({ sublevel: '4.3' })] },
      expect: ['qualifications.0.sublevel sublevelUndeclared'],
    },
    {
      name: 'a qualification sub-level must belong to its own level',
      input: { levels, qualifications: [qualification({ nqfLevel: 5, sublevel: '4.1' })] },
      expect: ['qualifications.0.sublevel sublevelFormat'],
    },
    {
      name: 'a qualification at a level the framework does not declare is refused',
      input: { levels, qualifications: [qualification({ nqfLevel: 7, sublevel: null })] },
      expect: ['qualifications.0.nqfLevel levelUndeclared'],
    },
    {
      name: 'declared sub-levels are written as level.number under their own level',
      input: { levels: [{ level: 4, sublevel: '5.1', descriptor: d }, { level: 4, sublevel: 'a', descriptor: d }] },
      expect: ['levels.0.sublevel sublevelFormat', 'levels.1.sublevel sublevelFormat'],
    },
    {
      name: 'a level or sub-level declared twice is refused',
      input: { levels: [...levels, { level: 5, sublevel: null, descriptor: d }, { level: 4, sublevel: '4.1', descriptor: d }] },
      expect: ['levels.3 duplicateLevel', 'levels.4 duplicateLevel'],
    },
    {
      name: 'qualification codes are unique in the map',
      input: { levels, qualifications: [qualification(), qualification({ sublevel: '4.2' })] },
      expect: ['qualifications.1.code duplicateCode'],
    },
    {
      name: 'every problem of a map is reported at once',
      input: { levels, qualifications: [qualification(), qualification({ code: 'Q2' }), qualification({ code: 'Q3' }), qualification({ code: 'Q4', iscoCodes: ['12'], nkzCodes: ['?'], sublevel: '4.9' })] },
      expect: ['qualifications.3.iscoCodes.0 iscoCode', 'qualifications.3.nkzCodes.0 nkzCode', 'qualifications.3.sublevel sublevelUndeclared'],
    },
    {
      name: 'without levels in the change the map is checked only for what it holds itself',
      input: { qualifications: [qualification({ sublevel: '4.7', nqfLevel: 4 })] },
      expect: [],
    },
    {
      name: 'half-valid input (wrong types) is read as far as it goes',
      input: { okedCodes: 'x' as unknown as string[], levels: [null, { level: 'four' }], qualifications: [7, { code: 1, iscoCodes: ['1'] }] as unknown[] },
      expect: ['qualifications.1.iscoCodes.0 iscoCode'],
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(brief(sqfIssues(c.input)), c.expect));
});

describe('occupational standard rules', () => {
  const occupation = (o: Record<string, unknown> = {}) => ({ code: 'O1', name: d, nqfLevel: 5, sqfSublevel: null, iscoCode: '2512', nkzCode: '2512-1', labourFunctions: [{ code: 'F1', name: d }], ...o });
  const cases: { name: string; input: Parameters<typeof occupationalStandardIssues>[0]; expect: string[] }[] = [
    { name: 'a standard with well-formed occupations passes', input: { sqfId: 'x', occupations: [occupation({ sqfSublevel: '5.1' })] }, expect: [] },
    {
      name: 'occupation codes and ISCO / NKZ codes are checked for every occupation',
      input: { sqfId: null, occupations: [occupation(), occupation({ iscoCode: '25', nkzCode: 'abc' })] },
      expect: ['occupations.1.code duplicateCode', 'occupations.1.iscoCode iscoCode', 'occupations.1.nkzCode nkzCode'],
    },
    { name: 'an SQF sub-level needs a linked SQF', input: { sqfId: null, occupations: [occupation({ sqfSublevel: '5.1' })] }, expect: ['occupations.0.sqfSublevel sublevelWithoutSqf'] },
    { name: 'an SQF sub-level belongs to the occupation level', input: { sqfId: 'x', occupations: [occupation({ sqfSublevel: '4.1' })] }, expect: ['occupations.0.sqfSublevel sublevelFormat'] },
    {
      name: 'labour-function codes are unique inside an occupation',
      input: { occupations: [occupation({ labourFunctions: [{ code: 'F1' }, { code: 'F1' }] })] },
      expect: ['occupations.0.labourFunctions.1.code duplicateCode'],
    },
    { name: 'a PATCH that does not touch sqfId does not judge sub-levels by it', input: { occupations: [occupation({ sqfSublevel: '5.1' })] }, expect: [] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(brief(occupationalStandardIssues(c.input)), c.expect));

  test('the levels of a standard are the distinct, ordered levels of its occupations', () => {
    assert.deepEqual(levelsOfOccupations([{ nqfLevel: 6 }, { nqfLevel: 4 }, { nqfLevel: 6 }, { nqfLevel: 5 }]), [4, 5, 6]);
    assert.deepEqual(levelsOfOccupations([]), []);
  });
});

describe('classifier version rules', () => {
  const e = (code: string, parentCode: string | null = null) => ({ code, parentCode, name: d });
  const cases: { name: string; entries: unknown[]; expect: string[] }[] = [
    { name: 'a tree whose parents are all in the version passes', entries: [e('01'), e('011', '01'), e('0111', '011')], expect: [] },
    { name: 'a duplicate code is named at each repeat', entries: [e('01'), e('02'), e('01'), e('01')], expect: ['entries.2.code duplicateCode', 'entries.3.code duplicateCode'] },
    {
      name: 'every parent missing from the version is listed',
      entries: [e('01'), e('011', '99'), e('012', '98')],
      expect: ['entries.1.parentCode unknownParent', 'entries.2.parentCode unknownParent'],
    },
    { name: 'a code that is its own parent is a loop', entries: [e('01', '01')], expect: ['entries.0.parentCode parentCycle'] },
    { name: 'a longer loop is found from each of its members', entries: [e('A', 'C'), e('B', 'A'), e('C', 'B')], expect: ['entries.0.parentCode parentCycle', 'entries.1.parentCode parentCycle', 'entries.2.parentCode parentCycle'] },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(brief(classifierVersionIssues({ entries: c.entries })), c.expect));
});

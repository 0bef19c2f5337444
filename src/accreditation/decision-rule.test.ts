import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DecisionFacts, councilLimits, departsFrom, maximumTerm, proposeDecision } from './decision-rule.ts';

const base: DecisionFacts = {
  grades: ['compliant', 'compliant', 'compliant'],
  kind: 'programme',
  hasStudents: true,
  hasGraduates: true,
  internalQaWorking: true,
  reaccreditationAfterFiveYears: false,
};

type Row = [string, Partial<DecisionFacts>, 'accredited' | 'refused', number | null, string[]];

const table: Row[] = [
  ['all compliant gives 5 years', {}, 'accredited', 5, ['all-compliant']],
  ['one standard with recommendations gives 3 years', { grades: ['compliant', 'with-recommendations'] }, 'accredited', 3, ['standard-with-recommendations']],
  ['one standard with remarks gives 1 year', { grades: ['compliant', 'with-remarks'] }, 'accredited', 1, ['standard-with-remarks']],
  ['remarks outweigh recommendations', { grades: ['with-recommendations', 'with-remarks'] }, 'accredited', 1, ['standard-with-remarks']],
  ['one non-compliant standard refuses', { grades: ['compliant', 'non-compliant'] }, 'refused', null, ['non-compliant-standard']],
  ['non-compliant outweighs everything', { grades: ['with-remarks', 'with-recommendations', 'non-compliant'] }, 'refused', null, ['non-compliant-standard']],
  [
    're-accreditation after a 5-year term with all compliant gives 7 years',
    { reaccreditationAfterFiveYears: true },
    'accredited',
    7,
    ['all-compliant', 'reaccreditation-after-five-years'],
  ],
  [
    're-accreditation with recommendations still gives 3 years',
    { reaccreditationAfterFiveYears: true, grades: ['with-recommendations'] },
    'accredited',
    3,
    ['standard-with-recommendations'],
  ],
  [
    're-accreditation with remarks still gives 1 year',
    { reaccreditationAfterFiveYears: true, grades: ['with-remarks'] },
    'accredited',
    1,
    ['standard-with-remarks'],
  ],
  ['a programme without students gets at most 1 year', { hasStudents: false }, 'accredited', 1, ['all-compliant', 'no-students']],
  [
    'a programme without students and with recommendations gets 1 year',
    { hasStudents: false, grades: ['with-recommendations'] },
    'accredited',
    1,
    ['standard-with-recommendations', 'no-students'],
  ],
  [
    'a programme without students and with remarks gets 1 year, no cap reason',
    { hasStudents: false, grades: ['with-remarks'] },
    'accredited',
    1,
    ['standard-with-remarks'],
  ],
  ['a programme without graduates gets at most 3 years', { hasGraduates: false }, 'accredited', 3, ['all-compliant', 'no-graduates']],
  [
    'a programme without graduates and with recommendations keeps 3 years',
    { hasGraduates: false, grades: ['with-recommendations'] },
    'accredited',
    3,
    ['standard-with-recommendations'],
  ],
  [
    'a programme without graduates and with remarks keeps 1 year',
    { hasGraduates: false, grades: ['with-remarks'] },
    'accredited',
    1,
    ['standard-with-remarks'],
  ],
  [
    'no graduates caps a 7-year re-accreditation at 3',
    { hasGraduates: false, reaccreditationAfterFiveYears: true },
    'accredited',
    3,
    ['all-compliant', 'reaccreditation-after-five-years', 'no-graduates'],
  ],
  ['no students and no graduates gives 1 year', { hasStudents: false, hasGraduates: false }, 'accredited', 1, ['all-compliant', 'no-students']],
  ['no working internal QA refuses even when all compliant', { internalQaWorking: false }, 'refused', null, ['no-internal-qa']],
  [
    'no internal QA and a non-compliant standard give both reasons',
    { internalQaWorking: false, grades: ['non-compliant'] },
    'refused',
    null,
    ['non-compliant-standard', 'no-internal-qa'],
  ],
  [
    'institutional accreditation ignores the students flag',
    { kind: 'institutional', hasStudents: false, hasGraduates: false },
    'accredited',
    5,
    ['all-compliant'],
  ],
  [
    'institutional re-accreditation after 5 years gives 7',
    { kind: 'institutional', reaccreditationAfterFiveYears: true },
    'accredited',
    7,
    ['all-compliant', 'reaccreditation-after-five-years'],
  ],
  ['no grades give no positive proposal', { grades: [] }, 'refused', null, ['no-grades']],
];

for (const [name, facts, outcome, term, reasons] of table) {
  test(name, () => {
    assert.deepEqual(proposeDecision({ ...base, ...facts }), { outcome, termYears: term, reasons });
  });
}

test('the maximum term follows the hard limits', () => {
  assert.equal(maximumTerm(base), 5);
  assert.equal(maximumTerm({ ...base, reaccreditationAfterFiveYears: true }), 7);
  assert.equal(maximumTerm({ ...base, hasStudents: false }), 1);
  assert.equal(maximumTerm({ ...base, hasGraduates: false }), 3);
  assert.equal(maximumTerm({ ...base, internalQaWorking: false }), null);
});

const limitRows: [string, Partial<DecisionFacts>, 'accredited' | 'refused', number | null, string[]][] = [
  ['a refusal with no term is lawful', {}, 'refused', null, []],
  ['a refusal with a term is not', {}, 'refused', 3, ['term-not-allowed']],
  ['a positive decision needs a term', {}, 'accredited', null, ['term-required']],
  ['a term must be 1, 3, 5 or 7', {}, 'accredited', 2, ['term-invalid']],
  ['7 years without a previous 5-year term is above the limit', {}, 'accredited', 7, ['term-above-limit']],
  ['7 years after a previous 5-year term is lawful', { reaccreditationAfterFiveYears: true }, 'accredited', 7, []],
  ['3 years without students is above the limit', { hasStudents: false }, 'accredited', 3, ['term-above-limit']],
  ['5 years without graduates is above the limit', { hasGraduates: false }, 'accredited', 5, ['term-above-limit']],
  ['3 years without graduates is lawful', { hasGraduates: false }, 'accredited', 3, []],
  ['no positive decision without internal QA', { internalQaWorking: false }, 'accredited', 1, ['no-internal-qa']],
  ['a refusal without internal QA is lawful', { internalQaWorking: false }, 'refused', null, []],
];

for (const [name, facts, outcome, term, issues] of limitRows) {
  test(`council limits: ${name}`, () => {
    assert.deepEqual(councilLimits({ ...base, ...facts }, outcome, term), issues);
  });
}

test('a different term or outcome departs from the proposal; the same does not', () => {
  const p = proposeDecision(base);
  assert.equal(departsFrom(p, 'accredited', 5), false);
  assert.equal(departsFrom(p, 'accredited', 3), true);
  assert.equal(departsFrom(p, 'refused', null), true);
  const r = proposeDecision({ ...base, grades: ['non-compliant'] });
  assert.equal(departsFrom(r, 'refused', null), false);
  assert.equal(departsFrom(r, 'accredited', 1), true);
});

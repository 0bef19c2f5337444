// Pure rules of oversight: the self-assessment's checks and the "working system" fact, which levels
// may declare a QA-system failure, and the state control calendar's due dates.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entryIssues, levelOfOrganizationKind, type RatingEntry, submissionIssues, systemWorks } from './internal-qa.rules.ts';
import { FAILURE_LEVELS, closingIssues, failureDeclarationRefusal, mayDeclareFailure, planDeadline, planIssues } from './qa-failure.rules.ts';
import { DEFAULT_PERIODS, daysLeft, dueStatus, isOverdue, levelOfControl, nextDue } from './state-control.rules.ts';

const codes = ['1', '2', '3'];
const rated = (...ratings: RatingEntry['rating'][]): RatingEntry[] => ratings.map((rating, i) => ({ standardCode: String(i + 1), rating, narrative: 'How it is met.' }));

describe('internal QA self-assessment rules', () => {
  test('a university assesses against higher education, a college against TVET, an accreditation body against nothing', () => {
    assert.equal(levelOfOrganizationKind('university'), 'higher');
    assert.equal(levelOfOrganizationKind('college'), 'tvet');
    assert.equal(levelOfOrganizationKind('training-provider'), 'additional');
    assert.equal(levelOfOrganizationKind('accreditation-body'), null);
  });
  test('saving refuses standards not in the set and a standard rated twice, naming the row', () => {
    const issues = entryIssues(codes, [...rated('met'), { standardCode: '1', rating: 'met', narrative: 'x' }, { standardCode: '9', rating: 'met', narrative: 'x' }], [
      { standardCode: '4', action: 'a', owner: 'o', dueOn: '2027-01-01' },
    ]);
    assert.deepEqual(issues, [
      { path: 'ratings.1.standardCode', code: 'duplicate-standard' },
      { path: 'ratings.2.standardCode', code: 'unknown-standard' },
      { path: 'actions.0.standardCode', code: 'unknown-standard' },
    ]);
  });
  test('submitting needs every standard rated with a narrative, and an action for each one not fully met', () => {
    const ratings = rated('met', 'partially-met');
    ratings[0] = { standardCode: '1', rating: 'met', narrative: '   ' };
    assert.deepEqual(submissionIssues(codes, ratings, []), [
      { path: 'ratings.1', code: 'unrated' },
      { path: 'actions.2', code: 'no-action' },
      { path: 'ratings.3', code: 'unrated' },
    ]);
    assert.deepEqual(submissionIssues(codes, rated('met', 'not-met', 'met'), [{ standardCode: '2', action: 'a', owner: 'o', dueOn: '2027-01-01' }]), []);
  });
  test('the system works when every standard is rated and none is "not met"; partly met with actions still works', () => {
    assert.equal(systemWorks(codes, rated('met', 'partially-met', 'met')), true);
    assert.equal(systemWorks(codes, rated('met', 'not-met', 'met')), false);
    assert.equal(systemWorks(codes, rated('met', 'met')), false, 'an unrated standard is not a working system');
  });
});

describe('QA-system failure ("bankruptcy"): only the levels the seed gives', () => {
  test('secondary, TVET and higher education may declare it; preschool, additional and teacher education may not', () => {
    assert.deepEqual([...FAILURE_LEVELS], ['secondary', 'tvet', 'higher']);
    for (const level of ['secondary', 'tvet', 'higher'] as const) assert.equal(mayDeclareFailure(level), true, level);
    for (const level of ['preschool', 'additional', 'teacher'] as const) {
      assert.equal(mayDeclareFailure(level), false, level);
      assert.equal(failureDeclarationRefusal(level, 'organization', true), 'level-without-failure', level);
    }
  });
  test('the authority declares it only on a high risk; the organization or its founders at any time', () => {
    assert.equal(failureDeclarationRefusal('higher', 'authority', false), 'authority-needs-high-risk');
    assert.equal(failureDeclarationRefusal('higher', 'authority', true), null);
    assert.equal(failureDeclarationRefusal('tvet', 'organization', false), null);
    assert.equal(failureDeclarationRefusal('secondary', 'founders', false), null);
  });
  test('a level without a failure is refused before who declares it: the authority on a high risk still cannot for preschool', () => {
    assert.equal(failureDeclarationRefusal('preschool', 'authority', true), 'level-without-failure');
    assert.equal(failureDeclarationRefusal('teacher', 'authority', false), 'level-without-failure');
  });
  test('a measure may not be due before the failure was declared; the plan deadline is the last one not dropped', () => {
    const m = (dueOn: string, status: 'planned' | 'done' | 'dropped' = 'planned') => ({ kind: 'advisory' as const, description: 'd', owner: 'o', dueOn, status });
    assert.deepEqual(planIssues('2026-10-01', [m('2026-10-01'), m('2026-09-30')]), [{ path: 'measures.1.dueOn', code: 'due-before-declaration' }]);
    assert.equal(planDeadline([m('2027-01-01'), m('2027-09-01', 'dropped'), m('2027-03-01', 'done')]), '2027-03-01');
    assert.equal(planDeadline([]), null);
  });
  test('recovered only with a plan and no measure planned or in progress; closed otherwise only with a reason', () => {
    assert.deepEqual(closingIssues('recovered', null, []), [{ path: 'outcome', code: 'no-measures' }]);
    assert.deepEqual(closingIssues('recovered', null, [{ status: 'done' }, { status: 'in-progress' }]), [{ path: 'outcome', code: 'measures-open' }]);
    assert.deepEqual(closingIssues('recovered', null, [{ status: 'done' }, { status: 'dropped' }]), []);
    assert.deepEqual(closingIssues('closed', '  ', [{ status: 'planned' }]), [{ path: 'reason', code: 'reason-required' }]);
    assert.deepEqual(closingIssues('closed', 'The organization was liquidated.', [{ status: 'planned' }]), []);
  });
});

describe('state control calendar', () => {
  test('TVET state attestation is due five years after the last one', () => {
    assert.deepEqual(nextDue('tvet-attestation', { lastOn: '2020-06-10' }, '2026-01-01'), { kind: 'tvet-attestation', dueOn: '2025-06-10', basis: 'last-result' });
  });
  test('a five-year due day on a holiday weekend moves to the next working day (9 May 2026 is a Saturday; Monday is its day off)', () => {
    assert.equal(nextDue('tvet-attestation', { lastOn: '2021-05-09' }, '2026-01-01').dueOn, '2026-05-12');
  });
  test('without a last attestation the five years count from the start; without either nothing can be computed', () => {
    assert.equal(nextDue('tvet-attestation', { lastOn: null, startedOn: '2023-09-01' }, '2026-01-01').dueOn, '2028-09-01');
    assert.deepEqual(nextDue('tvet-attestation', { lastOn: null }, '2026-01-01'), { kind: 'tvet-attestation', dueOn: null, basis: 'unknown-start' });
  });
  test('the period is configuration: a three-year attestation cycle', () => {
    assert.equal(nextDue('tvet-attestation', { lastOn: '2020-06-10' }, '2026-01-01', { ...DEFAULT_PERIODS, tvetAttestationYears: 3 }).dueOn, '2023-06-12');
  });
  test('preschool certification waits for a self-assessment, then is due within three months of its acceptance', () => {
    assert.equal(nextDue('preschool-certification', { lastOn: '2024-05-01', selfAssessmentAcceptedOn: null }, '2026-01-01').basis, 'awaiting-self-assessment');
    assert.equal(nextDue('preschool-certification', { lastOn: '2024-05-01', selfAssessmentAcceptedOn: '2024-03-01' }, '2026-01-01').basis, 'awaiting-self-assessment', 'an older self-assessment served the last certification');
    assert.equal(nextDue('preschool-certification', { lastOn: '2024-05-01', selfAssessmentAcceptedOn: '2026-02-10' }, '2026-03-01').dueOn, '2026-05-12', 'Sunday 10 May, then the Victory Day day off');
  });
  test('school monitoring is due every April: this April before it is held, next April once held or once April is over', () => {
    assert.equal(nextDue('school-monitoring', { lastOn: '2025-04-15' }, '2026-02-01').dueOn, '2026-04-01');
    assert.equal(nextDue('school-monitoring', { lastOn: '2026-04-15' }, '2026-04-20').dueOn, '2027-04-01');
    assert.equal(nextDue('school-monitoring', { lastOn: '2025-04-15' }, '2026-05-02').dueOn, '2027-04-01');
  });
  test('a due day passed without a result is overdue; no due day is never overdue', () => {
    const due = nextDue('tvet-attestation', { lastOn: '2020-06-10' }, '2026-01-01');
    assert.equal(isOverdue(due, '2025-06-10'), false);
    assert.equal(isOverdue(due, '2025-06-11'), true);
    assert.equal(isOverdue(nextDue('tvet-attestation', { lastOn: null }, '2026-01-01'), '2030-01-01'), false);
  });
  test('TVET: the first attestation counts five years from licensing; a later attestation replaces that basis', () => {
    assert.deepEqual(nextDue('tvet-attestation', { lastOn: null, startedOn: '2021-07-01' }, '2026-12-03'), { kind: 'tvet-attestation', dueOn: '2026-07-01', basis: 'start' });
    assert.deepEqual(nextDue('tvet-attestation', { lastOn: '2024-03-15', startedOn: '2021-07-01' }, '2026-12-03'), { kind: 'tvet-attestation', dueOn: '2029-03-15', basis: 'last-result' });
  });
  test('preschool: a certification due on a weekend moves to the working day after (three months from 16 May 2026 is Sunday 16 August)', () => {
    assert.deepEqual(nextDue('preschool-certification', { lastOn: null, selfAssessmentAcceptedOn: '2026-05-16' }, '2026-06-01'), {
      kind: 'preschool-certification',
      dueOn: '2026-08-17',
      basis: 'self-assessment',
    });
  });
  test('school monitoring with no result yet is due this April until April is over', () => {
    assert.equal(nextDue('school-monitoring', { lastOn: null }, '2026-03-10').dueOn, '2026-04-01');
    assert.equal(nextDue('school-monitoring', { lastOn: null }, '2026-04-30').dueOn, '2026-04-01');
    assert.equal(nextDue('school-monitoring', { lastOn: null }, '2026-12-03').dueOn, '2027-04-01');
    assert.equal(nextDue('school-monitoring', { lastOn: null }, '2026-12-03', { ...DEFAULT_PERIODS, schoolMonitoringMonth: 5 }).dueOn, '2027-05-01', 'the month is configuration');
  });
  test('preventive control is due on the day planned after the last result; with no plan, or a plan the last result served, nothing is due', () => {
    assert.deepEqual(nextDue('preventive-control', { lastOn: '2026-03-01', plannedOn: '2027-03-01' }, '2026-12-03'), { kind: 'preventive-control', dueOn: '2027-03-01', basis: 'planned' });
    assert.equal(nextDue('preventive-control', { lastOn: '2026-03-01', plannedOn: null }, '2026-12-03').basis, 'not-planned');
    assert.equal(nextDue('preventive-control', { lastOn: '2026-03-01', plannedOn: '2026-02-01' }, '2026-12-03').basis, 'not-planned');
  });
  test('days left count calendar days; the reminder window decides "due soon"; a passed day is overdue with its days over', () => {
    const due = nextDue('tvet-attestation', { lastOn: '2021-12-20' }, '2026-12-03');
    assert.equal(due.dueOn, '2026-12-21');
    assert.equal(daysLeft(due, '2026-12-03'), 18);
    assert.equal(dueStatus(due, '2026-12-03', 30), 'due-soon');
    assert.equal(dueStatus(due, '2026-12-03', 10), 'upcoming');
    assert.equal(dueStatus(due, '2026-12-22', 30), 'overdue');
    assert.equal(daysLeft(due, '2026-12-31'), -10);
    assert.equal(dueStatus(nextDue('preventive-control', { lastOn: null }, '2026-12-03'), '2026-12-03', 30), 'not-due');
  });
  test('each control belongs to a level: attestation to TVET, certification to preschool, monitoring to secondary, preventive control to the organization\'s', () => {
    assert.deepEqual(
      (['tvet-attestation', 'preschool-certification', 'school-monitoring', 'preventive-control'] as const).map((k) => levelOfControl(k, 'higher')),
      ['tvet', 'preschool', 'secondary', 'higher'],
    );
  });
});

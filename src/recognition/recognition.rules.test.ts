// The pure rules of recognition: a foreign qualification's file, levels, expert need, decision and
// appeal; prior learning's stages and assessment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appealable, certificateNumber, compareLevels, decisionIssues, missingDocuments, needsExpert } from './foreign-recognition.rules.ts';
import { assessmentIssues, nextStage, unknownClaims } from './prior-learning.rules.ts';

test('a file needs the document, a translation unless it is in Kazakh or Russian, and an apostille unless exempted', () => {
  assert.deepEqual(missingDocuments({ kinds: [], documentLanguage: 'de', apostilleExempt: false }), ['document', 'translation', 'apostille']);
  assert.deepEqual(missingDocuments({ kinds: ['document'], documentLanguage: 'ru', apostilleExempt: false }), ['apostille']);
  assert.deepEqual(missingDocuments({ kinds: ['document', 'translation'], documentLanguage: 'en', apostilleExempt: true }), []);
});

test('an expert evaluates when DEQAR does not show the institution accredited, or the level is below the one asked', () => {
  assert.equal(compareLevels(6, 7), 'lower');
  assert.equal(needsExpert({ institutionStatus: 'accredited', foreignLevel: 7, requestedLevel: 7 }), false);
  assert.equal(needsExpert({ institutionStatus: 'not-found', foreignLevel: 7, requestedLevel: 7 }), true);
  assert.equal(needsExpert({ institutionStatus: 'accredited', foreignLevel: 6, requestedLevel: 7 }), true);
});

test('any decision short of full recognition is reasoned; a substantial difference names its kind, a conditional one its conditions', () => {
  const f = { expertNeeded: false, expertOpinion: null };
  assert.deepEqual(decisionIssues({ outcome: 'recognized', recognizedLevel: 7 }, f), []);
  assert.deepEqual(decisionIssues({ outcome: 'refused' }, f).map((i) => i.code), ['reasons-required']);
  assert.deepEqual(decisionIssues({ outcome: 'substantial-difference', recognizedLevel: 6 }, f).map((i) => i.code), ['kind-required', 'reasons-required']);
  assert.deepEqual(decisionIssues({ outcome: 'substantial-difference', differenceKind: 'conditional', recognizedLevel: 6, reasons: 'r' }, f).map((i) => i.code), ['conditions-required']);
  assert.deepEqual(decisionIssues({ outcome: 'recognized', differenceKind: 'partial', recognizedLevel: 7 }, f).map((i) => i.code), ['kind-not-allowed']);
  assert.deepEqual(decisionIssues({ outcome: 'recognized', recognizedLevel: 7 }, { expertNeeded: true, expertOpinion: null }).map((i) => i.code), ['expert-opinion-required']);
});

test('only a decision short of full recognition is appealed, once, within 30 days', () => {
  const decided = { state: 'decided' as const, outcome: 'refused' as const, decidedOn: '2026-03-01', appealedOn: null };
  assert.equal(appealable(decided, '2026-03-31'), true);
  assert.equal(appealable(decided, '2026-04-01'), false);
  assert.equal(appealable({ ...decided, outcome: 'recognized' }, '2026-03-02'), false);
  assert.equal(appealable({ ...decided, appealedOn: '2026-03-05' }, '2026-03-06'), false);
  assert.equal(certificateNumber('higher', '2026-03-01', '1a2b3c4d-0000-4000-8000-000000000000'), 'HE-2026-1A2B3C4D');
});

test('prior learning moves identification → documentation with a claim, → assessment with evidence', () => {
  assert.equal(nextStage('identification', { claims: 0, evidence: 0 }), null);
  assert.equal(nextStage('identification', { claims: 1, evidence: 0 }), 'documentation');
  assert.equal(nextStage('documentation', { claims: 1, evidence: 0 }), null);
  assert.equal(nextStage('documentation', { claims: 1, evidence: 1 }), 'assessment');
  assert.equal(nextStage('assessment', { claims: 1, evidence: 1 }), null);
  assert.deepEqual(unknownClaims(['ON1', 'X'], ['ON1', 'ON2']), ['X']);
});

test('an assessment judges every claim; credits need a number, a qualification every function, a refusal a reason', () => {
  const met = (code: string, m = true) => ({ code, met: m, note: '' });
  assert.deepEqual(assessmentIssues(['A', 'B'], { results: [met('A'), met('B')], outcomeKind: 'credits', credits: 5, title: 'T' }), []);
  assert.deepEqual(assessmentIssues(['A', 'B'], { results: [met('A')], outcomeKind: 'credits', credits: 5, title: 'T' }).map((i) => i.code), ['unjudged']);
  assert.deepEqual(assessmentIssues(['A', 'B'], { results: [met('A'), met('B', false)], outcomeKind: 'qualification', title: 'T' }).map((i) => i.code), ['qualification-needs-all']);
  assert.deepEqual(assessmentIssues(['A'], { results: [met('A')], outcomeKind: 'credits', title: '' }).map((i) => i.code), ['credits-required', 'title-required']);
  assert.deepEqual(assessmentIssues(['A'], { results: [met('A', false)] }).map((i) => i.code), ['reason-required']);
  assert.deepEqual(assessmentIssues(['A'], { results: [met('A', false)], outcomeKind: 'credits', credits: 1, title: 'T' }).map((i) => i.code), ['nothing-met']);
});

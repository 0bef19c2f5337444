// The risk rule on fixtures: each factor's points shown, counted factors capped, levels by
// threshold, and the weights as configuration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RISK_RULE, type RiskIndicators, riskScore } from './risk.rules.ts';

const sound: RiskIndicators = {
  licenceInForce: true,
  programmesOutsideRegister: 0,
  nqfMismatches: 0,
  accreditedInstitutionally: true,
  accreditationsExpiringSoon: 0,
  upheldComplaints: 0,
  internalQa: 'working',
  standardsNotMet: 0,
};

test('a licensed, accredited organization with a working internal QA system scores 0: low risk, every factor listed at 0', () => {
  const r = riskScore(sound);
  assert.equal(r.score, 0);
  assert.equal(r.level, 'low');
  assert.equal(r.factors.length, 9);
  assert.ok(r.factors.every((f) => f.points === 0));
});

test('an expiring accreditation and one upheld complaint: medium risk, and the two factors say why', () => {
  const r = riskScore({ ...sound, accreditationsExpiringSoon: 2, upheldComplaints: 2, programmesOutsideRegister: 1 });
  assert.equal(r.score, 25);
  assert.equal(r.level, 'medium');
  assert.deepEqual(
    r.factors.filter((f) => f.points > 0).map((f) => [f.factor, f.value, f.points]),
    [
      ['programmes-outside-register', 1, 5],
      ['accreditation-expiring', 2, 10],
      ['upheld-complaints', 2, 10],
    ],
  );
});

test('an internal QA system that does not work, with standards not met: high risk', () => {
  const r = riskScore({ ...sound, internalQa: 'not-working', standardsNotMet: 2 });
  assert.equal(r.score, 40);
  assert.equal(r.level, 'high');
});

test('no licence alone is high risk; counted factors stop at the cap', () => {
  assert.equal(riskScore({ ...sound, licenceInForce: false }).level, 'high');
  const capped = riskScore({ ...sound, programmesOutsideRegister: 50 });
  assert.equal(capped.factors.find((f) => f.factor === 'programmes-outside-register')?.points, DEFAULT_RISK_RULE.cap * 5);
});

test('the weights and thresholds are configuration, returned with the score', () => {
  const strict = { ...DEFAULT_RISK_RULE, thresholds: { medium: 5, high: 10 } };
  const r = riskScore({ ...sound, upheldComplaints: 2 }, strict);
  assert.equal(r.level, 'high');
  assert.equal(r.rule, strict);
});

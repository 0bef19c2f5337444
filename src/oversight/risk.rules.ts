// The authority's risk score of an organization (seed 002 L1459-1475, L2619-2644: a risk assessment
// of how far the quality of its services departs from its declared parameters — state standard,
// NQF, licence). Transparent: the score is the sum of the points of the factors that apply, every
// factor is returned with its value and points, and the weights and thresholds are configuration.
// Pure: the caller gathers the indicators through the other modules' read APIs.

export type RiskIndicators = {
  /** A licence in force for what it teaches. */
  licenceInForce: boolean;
  /** Programmes it runs that are not in the register (or excluded from it). */
  programmesOutsideRegister: number;
  /** Programmes whose NQF level does not match their qualification's. */
  nqfMismatches: number;
  /** An institutional accreditation in force. */
  accreditedInstitutionally: boolean;
  /** Accreditations ending within the look-ahead (re-accreditation must start a year before). */
  accreditationsExpiringSoon: number;
  /** Complaints upheld in the last year. */
  upheldComplaints: number;
  /** The latest accepted internal QA self-assessment: working, not working, or none. */
  internalQa: 'working' | 'not-working' | 'none';
  /** Standards rated "not met" in it. */
  standardsNotMet: number;
};

export const RISK_FACTORS = [
  'no-licence',
  'programmes-outside-register',
  'nqf-mismatch',
  'not-accredited',
  'accreditation-expiring',
  'upheld-complaints',
  'internal-qa-not-working',
  'no-internal-qa',
  'standards-not-met',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export type RiskRule = {
  /** Points per factor; for counted factors, points per unit up to `cap` units. */
  points: Record<RiskFactor, number>;
  cap: number;
  /** A score at or above `high` is high risk; at or above `medium`, medium. */
  thresholds: { medium: number; high: number };
};

export const DEFAULT_RISK_RULE: RiskRule = {
  points: {
    'no-licence': 40,
    'programmes-outside-register': 5,
    'nqf-mismatch': 5,
    'not-accredited': 15,
    'accreditation-expiring': 5,
    'upheld-complaints': 5,
    'internal-qa-not-working': 30,
    'no-internal-qa': 20,
    'standards-not-met': 5,
  },
  cap: 4,
  thresholds: { medium: 20, high: 40 },
};

export type RiskLevel = 'low' | 'medium' | 'high';
export type FactorResult = { factor: RiskFactor; value: number | boolean | string; points: number };
export type RiskScore = { score: number; level: RiskLevel; factors: FactorResult[]; rule: RiskRule };

/** Every factor with its value and the points it added (0 when it does not apply), the sum and the level. */
export function riskScore(i: RiskIndicators, rule: RiskRule = DEFAULT_RISK_RULE): RiskScore {
  const flag = (factor: RiskFactor, applies: boolean, value: boolean | string): FactorResult => ({ factor, value, points: applies ? rule.points[factor] : 0 });
  const count = (factor: RiskFactor, n: number): FactorResult => ({ factor, value: n, points: Math.min(Math.max(n, 0), rule.cap) * rule.points[factor] });
  const factors: FactorResult[] = [
    flag('no-licence', !i.licenceInForce, i.licenceInForce),
    count('programmes-outside-register', i.programmesOutsideRegister),
    count('nqf-mismatch', i.nqfMismatches),
    flag('not-accredited', !i.accreditedInstitutionally, i.accreditedInstitutionally),
    count('accreditation-expiring', i.accreditationsExpiringSoon),
    count('upheld-complaints', i.upheldComplaints),
    flag('internal-qa-not-working', i.internalQa === 'not-working', i.internalQa),
    flag('no-internal-qa', i.internalQa === 'none', i.internalQa),
    count('standards-not-met', i.standardsNotMet),
  ];
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const level: RiskLevel = score >= rule.thresholds.high ? 'high' : score >= rule.thresholds.medium ? 'medium' : 'low';
  return { score, level, factors, rule };
}

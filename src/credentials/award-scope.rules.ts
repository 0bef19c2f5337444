// The field and level a credential is about, read from its own facts when Sapa knows no programme
// for it (most VC API credentials), and the licence or accreditation decision that covered them
// on the award date. Pure: the facts come from specification.repository's entitlementFacts.
//
// Facts read, from each subject's achievement (OB 3.0):
// - field: `fieldOfStudy` when it is an ISCED-F code (2–4 digits), else an alignment to an ISCED-F
//   framework with such a `targetCode`;
// - level: an alignment to the NQF or EQF (Kazakhstan's NQF is referenced to the EQF level for
//   level) whose `targetCode` (or `targetName`) is a level 1–8.
import { decisionInForceOn } from '../accreditation/accreditation.api.ts';
import { type DecisionFact, decisionCovers, groupCovers, type LicenceFact, type Scope, within } from './specification.rules.ts';

export type { Scope } from './specification.rules.ts';

export type ScopeCover =
  | { kind: 'licence'; number: string }
  | { kind: 'decision'; reference: string; validFrom: string | null; validTo: string | null }
  | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

const FIELD_CODE = /^\d{2,4}$/;
const LEVEL_FRAMEWORK = /\b(?:NQF|EQF)\b|ҰБШ|НРК|ЕРК|qualifications framework|біліктілік шеңбер|рамка квалификаций/i;
const FIELD_FRAMEWORK = /ISCED/i;
/** Licences no longer in force whatever the dates (the registry's rule for "in force on a day"). */
const LAPSED = ['revoked', 'suspended', 'cancelled'];

/** The field and level a credential's achievements state (empty when it states neither). */
export function scopeOfCredential(credential: Record<string, unknown>): Scope {
  const scope: Scope = {};
  const achievements = asArray(credential.credentialSubject)
    .filter(isObject)
    .flatMap((s) => asArray(s.achievement))
    .filter(isObject);
  for (const achievement of achievements) {
    if (scope.fieldCode === undefined && typeof achievement.fieldOfStudy === 'string' && FIELD_CODE.test(achievement.fieldOfStudy.trim())) {
      scope.fieldCode = achievement.fieldOfStudy.trim();
    }
    for (const alignment of asArray(achievement.alignment).filter(isObject)) {
      const framework = typeof alignment.targetFramework === 'string' ? alignment.targetFramework : '';
      const code = String(alignment.targetCode ?? alignment.targetName ?? '').trim();
      if (scope.fieldCode === undefined && FIELD_FRAMEWORK.test(framework) && FIELD_CODE.test(code)) scope.fieldCode = code;
      const level = /^(?:level\s*)?([1-8])$/i.exec(code)?.[1];
      if (scope.nqfLevel === undefined && LEVEL_FRAMEWORK.test(framework) && level) scope.nqfLevel = Number(level);
    }
  }
  return scope;
}

export const scopeIsEmpty = (scope: Scope) => scope.fieldCode === undefined && scope.nqfLevel === undefined;

/**
 * The licence, else the accreditation decision, in force on `day` that covers the scope.
 * `accredited` says whether a decision was in force on the day; verification passes accreditation's
 * one computation of it (accreditationStandingOn), the default is the decision's own dates and status.
 */
export function coverOfScope(
  scope: Scope,
  facts: { day: string; licences: LicenceFact[]; decisions: DecisionFact[]; accredited?: (d: DecisionFact) => boolean },
): ScopeCover {
  const licence = facts.licences.find(
    (l) => !LAPSED.includes(l.status) && within(facts.day, l.issuedOn, l.validUntil) && l.groups.some((g) => groupCovers(g, scope)),
  );
  if (licence) return { kind: 'licence', number: licence.number };
  const accredited = facts.accredited ?? ((d: DecisionFact) => decisionInForceOn(d, facts.day));
  const decision = facts.decisions.find((d) => accredited(d) && decisionCovers(d, scope));
  return decision ? { kind: 'decision', reference: decision.certificateNumber ?? decision.id, validFrom: decision.validFrom, validTo: decision.validTo } : null;
}

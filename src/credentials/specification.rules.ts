// Whether an organization may issue a micro-credential of a field and level: pure, from facts the
// service loads. Universities and colleges need a valid licence whose programme groups cover the
// field at that level, or an active accreditation (institutional, or of a programme in that field
// at or above that level); competence and certification centres need a valid registration for
// the occupational standards the specification links.
import { decisionInForceOn, type OrganizationDecision } from '../accreditation/accreditation.api.ts';
import type { FieldIssue } from '../platform/errors.ts';

export type LicenceFact = {
  id: string;
  number: string;
  status: string;
  issuedOn: string;
  validUntil: string | null;
  groups: { code: string; level: string | null; fieldCode: string | null; directionCode: string | null }[];
};
export type DecisionFact = Omit<OrganizationDecision, 'programmeIds'> & {
  programmes: { id: string; fieldCode: string; directionCode: string | null; nqfLevel: number }[];
};
export type CentreFact = { accreditedOn: string | null; validUntil: string | null; occupationalStandardIds: string[] };

export type EntitlementFacts = {
  today: string;
  organizationKind: string;
  licences: LicenceFact[];
  decisions: DecisionFact[];
  centre: CentreFact | null;
  /** NQF levels each linked occupational standard declares */
  standardLevels: Record<string, number[]>;
};

export type Entitlement = { basis: 'licence' | 'accreditation' | 'centre-registration'; id: string; reference: string | null };

export const CENTRE_KINDS = ['competence-centre', 'certification-centre'];

/** Bachelor, master and doctoral programme groups (B, M, D) by their NQF level. */
const GROUP_LEVEL: Record<string, number> = { B: 6, M: 7, D: 8 };

export const within = (today: string, from: string | null, to: string | null) => (from === null || from <= today) && (to === null || today <= to);

/** A field code is covered by a classifier code when it lies inside it (0613 inside 061). */
const inside = (fieldCode: string, covering: string | null) => covering !== null && fieldCode.startsWith(covering);

/** What a licence or decision must cover: a field, a level, or both (a missing one is not asked about). */
export type Scope = { fieldCode?: string; nqfLevel?: number };

/** A licence group covering the scope: the field inside the group's direction (or field), the level at most the group's. */
export const groupCovers = (g: LicenceFact['groups'][number], scope: Scope) =>
  (scope.fieldCode === undefined || inside(scope.fieldCode, g.directionCode ?? g.fieldCode)) &&
  (scope.nqfLevel === undefined || (GROUP_LEVEL[g.level ?? ''] ?? 0) >= scope.nqfLevel);

/** An institutional decision covers everything; a programme one, the fields of its programmes up to their level. */
export const decisionCovers = (d: DecisionFact, scope: Scope) =>
  d.kind === 'institutional' ||
  d.programmes.some(
    (p) => (scope.fieldCode === undefined || inside(scope.fieldCode, p.directionCode ?? p.fieldCode)) && (scope.nqfLevel === undefined || p.nqfLevel >= scope.nqfLevel),
  );

export function entitlementFor(
  spec: { fieldCode: string; nqfLevel: number; occupationalStandardIds: string[] },
  facts: EntitlementFacts,
): { ok: true; entitlement: Entitlement } | { ok: false; reasons: FieldIssue[] } {
  const params = { field: spec.fieldCode, level: spec.nqfLevel };
  if (CENTRE_KINDS.includes(facts.organizationKind)) return centreEntitlement(spec, facts);

  const reasons: FieldIssue[] = [];
  const validLicences = facts.licences.filter((l) => l.status === 'active' && within(facts.today, l.issuedOn, l.validUntil));
  const licence = validLicences.find((l) => l.groups.some((g) => groupCovers(g, spec)));
  if (licence) return { ok: true, entitlement: { basis: 'licence', id: licence.id, reference: licence.number } };
  if (validLicences.length === 0) reasons.push({ path: 'organizationId', messageKey: 'errors.product.entitlement.noValidLicence' });
  else reasons.push({ path: 'fieldCode', messageKey: 'errors.product.entitlement.licenceNotCovering', params });

  const active = facts.decisions.filter((d) => decisionInForceOn(d, facts.today));
  const decision = active.find((d) => decisionCovers(d, spec));
  if (decision) return { ok: true, entitlement: { basis: 'accreditation', id: decision.id, reference: decision.certificateNumber } };
  if (active.length === 0) reasons.push({ path: 'organizationId', messageKey: 'errors.product.entitlement.noActiveAccreditation' });
  else reasons.push({ path: 'fieldCode', messageKey: 'errors.product.entitlement.accreditationNotCovering', params });
  return { ok: false, reasons };
}

function centreEntitlement(
  spec: { nqfLevel: number; occupationalStandardIds: string[] },
  facts: EntitlementFacts,
): { ok: true; entitlement: Entitlement } | { ok: false; reasons: FieldIssue[] } {
  const centre = facts.centre;
  if (!centre) return { ok: false, reasons: [{ path: 'organizationId', messageKey: 'errors.product.entitlement.centreNotRegistered' }] };
  if (!within(facts.today, centre.accreditedOn, centre.validUntil)) {
    return { ok: false, reasons: [{ path: 'organizationId', messageKey: 'errors.product.entitlement.centreRegistrationExpired', params: { date: centre.validUntil ?? '-' } }] };
  }
  const reasons: FieldIssue[] = [];
  if (spec.occupationalStandardIds.length === 0) {
    reasons.push({ path: 'occupationalStandardIds', messageKey: 'errors.product.entitlement.centreNeedsStandard' });
  }
  spec.occupationalStandardIds.forEach((id, i) => {
    if (!centre.occupationalStandardIds.includes(id)) {
      reasons.push({ path: `occupationalStandardIds.${i}`, messageKey: 'errors.product.entitlement.standardNotRegistered', params: { standard: id } });
    }
  });
  const levels = spec.occupationalStandardIds.flatMap((id) => facts.standardLevels[id] ?? []);
  if (levels.length > 0 && !levels.includes(spec.nqfLevel)) {
    reasons.push({ path: 'nqfLevel', messageKey: 'errors.product.entitlement.levelNotInStandards', params: { level: spec.nqfLevel } });
  }
  if (reasons.length) return { ok: false, reasons };
  return { ok: true, entitlement: { basis: 'centre-registration', id: spec.occupationalStandardIds.join(','), reference: null } };
}

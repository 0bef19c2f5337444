// The read API of the accreditation module: what other modules (credentials, and later interop,
// indicators, oversight) may ask about accreditation decisions. Accreditation owns the tables of
// accreditation.table.ts, after.table.ts, documents.table.ts, panels.table.ts and
// standards.table.ts; no other module names them in SQL, it calls these functions instead.
//
// - decisionStatusOn(status, validTo, day): the status a reader sees on a day (past validity: expired)
// - decisionInForceOn(decision, day): whether a positive decision was in force on a day
//   (the one "in force on date D" rule; decision-status.ts)
// - accreditationInForceOn(db, organizationId, day): a positive decision of the organization in
//   force on the day, with its validity, or undefined
// - programmeAccreditedOn(db, programmeId, day): whether a decision covering the programme was in force
// - accreditationStandingOn(db, { organizationIds, programmeIds }, day): THE computation of
//   "accredited on date D" (standing.service.ts): each decision's period on the day, `accredited`
//   when positive and in force, with body, term, validity, conditions, EUR-ACE label (ENAEE
//   approved only), certificate; Registers 2–3 use the same period join and statuses
// - accreditedOn(entry): the rule applied to one entry; eurAceLabelled(decision): the label rule
// - accreditedOnQuery(db, day): the same as an SQL subquery of (entity_type, entity_id, body_id,
//   eur_ace), for lists that filter and count by accreditation (search)
// - decisionsOfOrganization(db, organizationId): every decision of an organization with the ids
//   of the programmes it covers (for rules that judge them, e.g. micro-credential entitlement)
import type { Db } from '../platform/db/database.ts';
import { decisionInForceOn } from './decision-status.ts';
import { accreditedDecisionsCovering, accreditedDecisionsOf, decisionProgrammeIds, decisionsOfOrganization as decisionRows } from './decision.repository.ts';

export { IN_FORCE_STATUSES, decisionInForceOn, decisionStatusOn, eurAceLabelled } from './decision-status.ts';
export { accreditedOnQuery } from './registers.repository.ts';
export { type StandingEntry, accreditationStandingOn, accreditedOn } from './standing.service.ts';

const inForce = (d: { outcome: string; status: string; valid_from: string | null; valid_to: string | null }, day: string) =>
  decisionInForceOn({ outcome: d.outcome, status: d.status, validFrom: d.valid_from, validTo: d.valid_to }, day);

export async function accreditationInForceOn(db: Db, organizationId: string, day: string): Promise<{ validFrom: string; validTo: string | null } | undefined> {
  const found = (await accreditedDecisionsOf(db, organizationId)).find((d) => inForce(d, day));
  return found ? { validFrom: found.valid_from as string, validTo: found.valid_to } : undefined;
}

export async function programmeAccreditedOn(db: Db, programmeId: string, day: string): Promise<boolean> {
  return (await accreditedDecisionsCovering(db, programmeId)).some((d) => inForce(d, day));
}

export type OrganizationDecision = {
  id: string;
  kind: string;
  outcome: string;
  status: string;
  validFrom: string | null;
  validTo: string | null;
  certificateNumber: string | null;
  programmeIds: string[];
};

export async function decisionsOfOrganization(db: Db, organizationId: string): Promise<OrganizationDecision[]> {
  const rows = await decisionRows(db, organizationId);
  const programmes = await decisionProgrammeIds(
    db,
    rows.map((d) => d.id),
  );
  return rows.map((d) => ({
    id: d.id,
    kind: d.kind,
    outcome: d.outcome,
    status: d.status,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    certificateNumber: d.certificate_number,
    programmeIds: programmes.get(d.id) ?? [],
  }));
}

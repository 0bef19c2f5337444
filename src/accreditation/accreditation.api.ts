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
// - decisionsToExchange(db, { ids } | { bodyId }): public decisions with their programmes and
//   what another register told about them (interop's DEQAR, ELM and CTDL exports)
// - importedDecisionOf(db, bodyId, register, identifier): the decision recorded from that report, if any
// - publicDecisionsPage(db, { after, limit }): public decisions in id order (interop's register export)
// - isRecognizedBody(db, bodyId): whether the body is in Register 1 (any recognition)
// - ministrySetInForce(db, key, day) / standardSetById(db, id): a versioned standard set with its
//   tree of standards and criteria (oversight's self-assessments use the Guidelines' sets)
// - useInternalQaSource(source): the root hands over oversight's "working internal QA system on a
//   day", which the decision rule reads (internal-qa-source.ts)
// - useReminderSource(source): the root hands over other modules' daily reminders (the state
//   control calendar's), which the daily reminder job sends beside the deadlines' (reminder-sources.ts)
import type { Db } from '../platform/db/database.ts';
import { accreditedDecisionsCovering, accreditedDecisionsOf, decisionProgrammeIds, decisionsOfOrganization as decisionRows } from './decision.repository.ts';
import { decisionInForceOn } from './decision-status.ts';
import { importedDecision, publicDecisionIdsPage, publicDecisions } from './exchanged-decision.repository.ts';
import { recognitionsOf } from './recognition.repository.ts';
import { findSet, ministrySetInForce as findMinistrySet, standardsOf } from './standards.repository.ts';
import { presentSet, treeOf } from './standards.service.ts';

export { IN_FORCE_STATUSES, decisionInForceOn, decisionStatusOn, eurAceLabelled } from './decision-status.ts';
export { accreditedOnQuery } from './registers.repository.ts';
export { type InternalQaFact, type InternalQaSource, useInternalQaSource } from './internal-qa-source.ts';
export { type ReminderSource, useReminderSource } from './reminder-sources.ts';
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

export type ExchangedDecision = {
  id: string;
  bodyId: string;
  organizationId: string;
  kind: string;
  outcome: string;
  status: string;
  decidedOn: string;
  validFrom: string | null;
  validTo: string | null;
  certificateNumber: string | null;
  programmeIds: string[];
  /** What the register it was imported from said about it (summary.imported), or null. */
  imported: Record<string, unknown> | null;
  isSynthetic: boolean;
};

/** Public decisions (approved, any outcome) by id or all of a body's, oldest first, with their programmes. */
export async function decisionsToExchange(db: Db, filter: { ids?: readonly string[]; bodyId?: string }): Promise<ExchangedDecision[]> {
  const rows = await publicDecisions(db, filter);
  const programmes = await decisionProgrammeIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    bodyId: r.body_id,
    organizationId: r.organization_id,
    kind: r.kind,
    outcome: r.outcome,
    status: r.status,
    decidedOn: r.decided_on,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    certificateNumber: r.certificate_number,
    programmeIds: (programmes.get(r.id) ?? []).sort(),
    imported: (r.summary.imported as Record<string, unknown> | undefined) ?? null,
    isSynthetic: r.is_synthetic,
  }));
}

export async function isRecognizedBody(db: Db, bodyId: string): Promise<boolean> {
  return (await recognitionsOf(db, bodyId)).length > 0;
}

/** The decision the body recorded from the other register's report with this identifier (or, for a UUID, the body's own decision of that id). */
export async function importedDecisionOf(db: Db, bodyId: string, register: string, identifier: string): Promise<ExchangedDecision | undefined> {
  const own = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(identifier)
    ? (await decisionsToExchange(db, { ids: [identifier] })).find((d) => d.bodyId === bodyId)
    : undefined;
  if (own) return own;
  const earlier = await importedDecision(db, bodyId, register, identifier);
  return earlier ? (await decisionsToExchange(db, { ids: [earlier.id] }))[0] : undefined;
}

/** Public decisions in id order after `after`: one page of the decisions register. */
export async function publicDecisionsPage(db: Db, page: { after?: string; limit: number; synthetic?: boolean }): Promise<ExchangedDecision[]> {
  const ids = await publicDecisionIdsPage(db, page);
  const decisions = await decisionsToExchange(db, { ids });
  return decisions.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export type StandardSetTree = ReturnType<typeof presentSet> & { standards: ReturnType<typeof treeOf> };

async function withTree(db: Db, set: Awaited<ReturnType<typeof findSet>>): Promise<StandardSetTree | undefined> {
  return set ? { ...presentSet(set), standards: treeOf(await standardsOf(db, set.id)) } : undefined;
}

export async function ministrySetInForce(db: Db, key: string, day: string): Promise<StandardSetTree | undefined> {
  return withTree(db, await findMinistrySet(db, key, day));
}

export async function standardSetById(db: Db, id: string): Promise<StandardSetTree | undefined> {
  return withTree(db, await findSet(db, id));
}

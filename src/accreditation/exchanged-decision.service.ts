// Decisions of recognized bodies recorded from another register's reports (DEQAR). An imported
// decision gets a case of its own, already published, so every register, page and rule reads it
// like any other; what only the other register knows stays on it under summary.imported.
import { can } from '../platform/access/roles.ts';
import type { Ctx } from '../platform/context.ts';
import { conflict, forbidden, unauthenticated } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { insertCase, nextNumber } from './case.repository.ts';
import * as repo from './decision.repository.ts';
import { DECISION, snapshot } from './decision.service.ts';
import { type ExchangedDecision, decisionsToExchange } from './accreditation.api.ts';
import { importedDecision } from './exchanged-decision.repository.ts';

/** The body's staff who approve its decisions, or the ministry that keeps Register 1, may record them. */
export function requireDecisionRecorder(ctx: Ctx, bodyId: string): void {
  if (can(ctx.actor, 'accreditation.approve', { organizationIds: [bodyId] }) || can(ctx.actor, 'accreditation-body.manage')) return;
  throw ctx.actor.kind === 'anonymous' ? unauthenticated() : forbidden('accreditation.approve');
}

export type ImportedDecisionInput = {
  bodyId: string;
  organizationId: string;
  kind: 'institutional' | 'programme';
  /** 'accredited' | 'refused' | 'not-applicable' (an evaluation without an accreditation decision) */
  outcome: string;
  validFrom: string;
  validTo: string;
  programmeIds: string[];
  /** Where it came from: `register` (e.g. 'DEQAR') and the report's `identifier` there, plus what only that register knows. */
  imported: { register: string; identifier: string } & Record<string, unknown>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function termYears(validFrom: string, validTo: string): number {
  return Math.max(1, Math.round((Date.parse(validTo) - Date.parse(validFrom)) / (365.25 * 86_400_000)));
}

/** A refusal has no validity: the report's start of validity is the day it was decided. */
function validityOf(input: ImportedDecisionInput) {
  const refused = input.outcome === 'refused';
  return { decidedOn: input.validFrom, validFrom: refused ? null : input.validFrom, validTo: refused ? null : input.validTo };
}

/** The facts that make two records of one report the same decision. */
function sameFacts(d: ExchangedDecision, input: ImportedDecisionInput): boolean {
  const v = validityOf(input);
  return (
    d.organizationId === input.organizationId &&
    d.kind === input.kind &&
    d.outcome === input.outcome &&
    (d.validFrom ?? d.decidedOn) === input.validFrom &&
    (v.validTo === null || d.validTo === v.validTo) &&
    d.programmeIds.join() === [...new Set(input.programmeIds)].sort().join()
  );
}

/**
 * Records a decision of a recognized body from another register's report. The same report again
 * (same body, register and identifier) with the same facts changes nothing; with other facts it
 * is refused (409), since a decision once published is changed by appeal or follow-up, not by import.
 */
export async function recordImportedDecision(ctx: Ctx, input: ImportedDecisionInput): Promise<{ id: string; created: boolean }> {
  requireDecisionRecorder(ctx, input.bodyId);
  // A report of one of Sapa's own decisions coming back carries the decision's id as its identifier.
  const ownId = UUID.test(input.imported.identifier) ? input.imported.identifier : null;
  const own = ownId ? (await decisionsToExchange(ctx.db, { ids: [ownId] })).find((d) => d.bodyId === input.bodyId) : undefined;
  const earlier = own ?? (await importedDecision(ctx.db, input.bodyId, input.imported.register, input.imported.identifier));
  if (earlier) {
    const [existing] = await decisionsToExchange(ctx.db, { ids: [earlier.id] });
    if (existing && sameFacts(existing, input)) return { id: earlier.id, created: false };
    throw conflict('errors.deqar.reportChanged', { identifier: input.imported.identifier });
  }
  const at = new Date();
  const validity = validityOf(input);
  const positive = input.outcome === 'accredited';
  const programmeIds = [...new Set(input.programmeIds)];
  const c = await insertCase(
    ctx.db,
    {
      number: await nextNumber(ctx.db, `${input.imported.register}-${input.validFrom.slice(0, 4)}`),
      body_id: input.bodyId,
      organization_id: input.organizationId,
      kind: input.kind,
      eur_ace: false,
      cross_border: false,
      standard_set_id: null,
      state: 'published',
      has_students: false,
      has_graduates: false,
      previous_decision_id: null,
      is_synthetic: false,
    },
    programmeIds,
    at,
  );
  const term = positive ? termYears(input.validFrom, input.validTo) : null;
  const inserted = await repo.insertDecision(
    ctx.db,
    {
      case_id: c.id,
      body_id: input.bodyId,
      organization_id: input.organizationId,
      kind: input.kind,
      eur_ace: false,
      cross_border: false,
      outcome: input.outcome,
      term_years: term,
      proposed_outcome: input.outcome,
      proposed_term_years: term,
      departure_reason: null,
      decided_on: validity.decidedOn,
      enaee_status: null,
      summary: { imported: input.imported },
    },
    programmeIds,
  );
  const status = input.outcome === 'refused' ? 'refused' : 'active';
  const after = await repo.updateDecision(ctx.db, inserted.id, {
    status,
    approved_on: validity.decidedOn,
    published_on: validity.decidedOn,
    valid_from: validity.validFrom,
    valid_to: validity.validTo,
  });
  await repo.openState(ctx.db, {
    decision_id: after.id,
    status,
    outcome: input.outcome,
    term_years: term,
    valid_from: validity.validFrom,
    valid_to: validity.validTo,
    effective_from: validity.decidedOn,
    source: 'import',
    details: { register: input.imported.register, identifier: input.imported.identifier },
  });
  await recordChange(ctx, { entityType: DECISION, entityId: after.id, action: 'import', before: null, after: snapshot(after, programmeIds), at });
  return { id: after.id, created: true };
}

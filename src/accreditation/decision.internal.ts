// The steps of a decision that the case engine takes (the council decides, the head approves,
// the case is published, ENAEE answers) and the appeal service's new certificate number. The
// calling service has checked the case's access policy first, so this file is internal to the
// module: only accreditation services import it, never routes or pages (biome.json).
import { dueAfter } from '../platform/calendar/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { type FieldIssue, conflict, notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { organizationById } from '../registry/registry.api.ts';
import { councilLimits, departsFrom } from './decision-rule.ts';
import * as repo from './decision.repository.ts';
import { DECISION, type DecisionInput, proposalFor, snapshot, termEnd } from './decision.service.ts';
import { periodOf } from './deadlines.ts';

/** Called by the case service (permission already checked) when the council decides. */
export async function recordDecision(ctx: Ctx, caseId: string, input: DecisionInput): Promise<{ id: string }> {
  const c = await repo.findCase(ctx.db, caseId);
  if (!c) throw notFound('accreditation-case', caseId);
  const latest = await repo.latestDecisionOfCase(ctx.db, caseId);
  if (latest?.status === 'pending-approval') throw conflict('errors.after.decisionPending', { id: latest.id });
  const programmeIds = await repo.caseProgrammeIds(ctx.db, caseId);
  const { proposal, ruleFacts, facts, previous, internalQa } = await proposalFor(ctx, c, programmeIds, input.decidedOn);

  const issues: FieldIssue[] = councilLimits(ruleFacts, input.outcome, input.termYears).map((code) => ({
    path: 'termYears',
    messageKey: `errors.after.council.${code}`,
  }));
  const reason = input.departureReason?.trim() || null;
  if (departsFrom(proposal, input.outcome, input.termYears) && !reason) {
    issues.push({
      path: 'departureReason',
      messageKey: 'errors.after.departureReasonRequired',
      params: { outcome: proposal.outcome, term: proposal.termYears ?? '-' },
    });
  }
  if (issues.length) throw validationFailed(issues);

  const report = await repo.latestReport(ctx.db, caseId);
  const grades = report?.grades.length
    ? report.grades.map((g) => ({ standardCode: g.code, grade: g.grade }))
    : facts.grades.map((grade) => ({ standardCode: null, grade }));
  const row = await repo.insertDecision(
    ctx.db,
    {
      case_id: c.id,
      body_id: c.body_id,
      organization_id: c.organization_id,
      kind: c.kind,
      eur_ace: c.eur_ace,
      cross_border: c.cross_border,
      outcome: input.outcome,
      term_years: input.outcome === 'accredited' ? input.termYears : null,
      proposed_outcome: proposal.outcome,
      proposed_term_years: proposal.termYears,
      departure_reason: departsFrom(proposal, input.outcome, input.termYears) ? reason : null,
      decided_on: input.decidedOn,
      enaee_status: c.eur_ace && input.outcome === 'accredited' ? 'pending' : null,
      summary: {
        proposal,
        grades,
        votes: facts.votes,
        reportId: report?.id ?? null,
        previousDecisionId: previous?.id ?? null,
        // The internal QA fact the rule read, with the self-assessment and its acceptance date.
        internalQa,
      },
    },
    programmeIds,
  );
  await recordChange(ctx, { entityType: DECISION, entityId: row.id, action: 'decide', before: null, after: snapshot(row, programmeIds) });
  return { id: row.id };
}

/** KAZSEE-2026-0001-C: the body's short name, the year of approval, a yearly sequence. */
export async function nextCertificateNumber(ctx: Ctx, bodyId: string, on: string): Promise<string> {
  const body = await organizationById(ctx.db, bodyId);
  const prefix = (body?.short_name ?? body?.key ?? 'AB').toUpperCase().replace(/[^A-Z0-9]+/g, '');
  const year = Number(on.slice(0, 4));
  const n = (await repo.lastCertificateSequence(ctx.db, prefix, year)) + 1;
  return `${prefix}-${year}-${String(n).padStart(4, '0')}-C`;
}

/** Called when the body head approves: the decision gets its validity dates and certificate number. */
export async function approveDecision(ctx: Ctx, caseId: string, approvedOn: string): Promise<void> {
  const d = await repo.latestDecisionOfCase(ctx.db, caseId);
  if (!d) throw notFound(DECISION, caseId);
  if (d.status !== 'pending-approval') throw conflict('errors.after.notPendingApproval', { status: d.status });
  const positive = d.outcome === 'accredited' && d.term_years !== null;
  const validFrom = positive ? approvedOn : null;
  const validTo = positive ? termEnd(approvedOn, d.term_years as number) : null;
  const after = await repo.updateDecision(ctx.db, d.id, {
    status: positive ? 'active' : 'refused',
    approved_on: approvedOn,
    valid_from: validFrom,
    valid_to: validTo,
    certificate_number: positive ? await nextCertificateNumber(ctx, d.body_id, approvedOn) : null,
    // EUR-ACE®: the approved decision goes to ENAEE, whose approval awards the label.
    enaee_status: d.eur_ace && positive ? 'submitted' : d.enaee_status,
  });
  await repo.openState(ctx.db, {
    decision_id: d.id,
    status: after.status,
    outcome: after.outcome,
    term_years: after.term_years,
    valid_from: validFrom,
    valid_to: validTo,
    effective_from: approvedOn,
    source: 'approval',
  });
  await recordChange(ctx, { entityType: DECISION, entityId: d.id, action: 'approve', before: snapshot(d), after: snapshot(after) });
}

/** Called when the case is published: the decision enters Registers 2/3 and publication deadlines start. */
export async function publishDecision(ctx: Ctx, caseId: string, publishedOn: string): Promise<void> {
  const d = await repo.latestDecisionOfCase(ctx.db, caseId);
  if (!d) throw notFound(DECISION, caseId);
  if (d.status === 'pending-approval') throw conflict('errors.after.notApproved');
  const after = await repo.updateDecision(ctx.db, d.id, { published_on: publishedOn });
  // UEIS 3, ministry 10, website 30 working days after the council's decision (digest 004 §8.4).
  for (const step of Object.values(repo.PUBLICATION_STEPS)) {
    await repo.upsertDeadline(ctx.db, caseId, step, d.decided_on, dueAfter(d.decided_on, periodOf(step)));
  }
  await recordChange(ctx, { entityType: DECISION, entityId: d.id, action: 'publish', before: snapshot(d), after: snapshot(after) });
}

/**
 * For the case engine's EUR-ACE® steps (submit-to-enaee → 'submitted', record-enaee-approval →
 * 'approved', record-enaee-rejection → 'rejected'); permission already checked by the case service.
 */
export async function recordEnaeeStep(ctx: Ctx, caseId: string, status: 'submitted' | 'approved' | 'rejected'): Promise<void> {
  const d = await repo.latestDecisionOfCase(ctx.db, caseId);
  if (!d?.eur_ace || d.outcome !== 'accredited') return;
  const after = await repo.updateDecision(ctx.db, d.id, { enaee_status: status });
  await recordChange(ctx, { entityType: DECISION, entityId: d.id, action: `enaee-${status}`, before: snapshot(d), after: snapshot(after) });
}

// The authority's risk view (issue 16, PRODUCT §3.4): for every organization the Guidelines set
// internal QA standards for, the indicators read through the owners' APIs, compared with what it
// declared (its licence, accreditation, its own self-assessment), scored by the configurable rule
// in risk.rules.ts; each score is kept with its indicators, factors and rule, so the history of an
// organization's score stays explainable after the rule changes. Only the ministry reads it.
import { decisionInForceOn, decisionsOfOrganization } from '../accreditation/accreditation.api.ts';
import { addMonths, todayInAlmaty } from '../platform/calendar/calendar.ts';
import { type Ctx, requirePermission } from '../platform/context.ts';
import { notFound, validationFailed } from '../platform/errors.ts';
import { recordChange } from '../platform/history/history.ts';
import { licenceInForceOn, organizationById, organizationIdsOfKinds } from '../registry/registry.api.ts';
import { latestAcceptedOn, ratingsOf } from './internal-qa.repository.ts';
import { levelOfOrganizationKind } from './internal-qa.rules.ts';
import * as repo from './risk.repository.ts';
import { DEFAULT_RISK_RULE, type RiskIndicators, type RiskRule, riskScore } from './risk.rules.ts';

/** Indicators Sapa does not hold yet: counted as 0 and listed with every score, so nobody reads a 0 as a finding. */
export const UNSOURCED: readonly (keyof RiskIndicators)[] = ['programmesOutsideRegister', 'nqfMismatches', 'upheldComplaints'];
/** Accreditations ending within this many months count as expiring (re-accreditation starts a year ahead). */
const EXPIRY_LOOKAHEAD_MONTHS = 12;
const KINDS = ['university', 'college', 'training-provider'];
/** The history's id of the one rule (its versions are the rule's changes). */
export const RISK_RULE_ID = '00000000-0000-4000-8000-000000000016';

/** The module's access policy for the risk view: the authority's, as for reviewing self-assessments. */
const requireRiskReader = (ctx: Ctx) => requirePermission(ctx, 'internal-qa.review');

export async function riskRule(ctx: Ctx): Promise<RiskRule> {
  requireRiskReader(ctx);
  return ((await repo.currentRule(ctx.db)) as RiskRule | undefined) ?? DEFAULT_RISK_RULE;
}

export async function setRiskRule(ctx: Ctx, rule: RiskRule): Promise<RiskRule> {
  const before = await riskRule(ctx);
  // Checked here, after who may change it (a refinement of the route's schema ran before the access check).
  if (rule.thresholds.high <= rule.thresholds.medium) throw validationFailed([{ path: 'thresholds.high', messageKey: 'errors.oversight.riskThresholds' }]);
  await repo.setRule(ctx.db, rule);
  await recordChange(ctx, { entityType: 'oversight-risk-rule', entityId: RISK_RULE_ID, action: 'risk.rule', before, after: rule });
  return rule;
}

export async function indicatorsOf(ctx: Ctx, organizationId: string, day: string): Promise<RiskIndicators> {
  const [licence, decisions, accepted] = await Promise.all([
    licenceInForceOn(ctx.db, organizationId, day),
    decisionsOfOrganization(ctx.db, organizationId),
    latestAcceptedOn(ctx.db, organizationId, day),
  ]);
  const inForce = decisions.filter((d) => decisionInForceOn({ outcome: d.outcome, status: d.status, validFrom: d.validFrom, validTo: d.validTo }, day));
  const horizon = addMonths(day, EXPIRY_LOOKAHEAD_MONTHS);
  const notMet = accepted ? (await ratingsOf(ctx.db, accepted.id)).filter((r) => r.rating === 'not-met').length : 0;
  return {
    licenceInForce: Boolean(licence),
    programmesOutsideRegister: 0,
    nqfMismatches: 0,
    accreditedInstitutionally: inForce.some((d) => d.kind === 'institutional'),
    accreditationsExpiringSoon: inForce.filter((d) => d.validTo !== null && d.validTo <= horizon).length,
    upheldComplaints: 0,
    internalQa: !accepted ? 'none' : accepted.working ? 'working' : 'not-working',
    standardsNotMet: notMet,
  };
}

/** Scores the given organizations (by default every one with QA standards) on a day and keeps the scores. */
export async function assessRisk(ctx: Ctx, input: { organizationIds?: string[]; on?: string } = {}) {
  requireRiskReader(ctx);
  const day = input.on ?? todayInAlmaty();
  const rule = await riskRule(ctx);
  const ids = input.organizationIds ?? (await organizationIdsOfKinds(ctx.db, KINDS)).map((o) => o.id);
  for (const organizationId of ids) {
    const indicators = await indicatorsOf(ctx, organizationId, day);
    const result = riskScore(indicators, rule);
    await repo.upsertScore(ctx.db, {
      organization_id: organizationId,
      assessed_on: day,
      score: result.score,
      level: result.level,
      indicators: { ...indicators, unsourced: UNSOURCED },
      factors: result.factors,
      rule,
    });
  }
  return { assessedOn: day, organizations: ids.length };
}

const present = (r: repo.ScoreRow) => ({
  organizationId: r.organization_id,
  assessedOn: r.assessed_on,
  score: r.score,
  level: r.level as 'low' | 'medium' | 'high',
  indicators: r.indicators as RiskIndicators & { unsourced: string[] },
  factors: r.factors as ReturnType<typeof riskScore>['factors'],
  rule: r.rule as RiskRule,
});
export type RiskView = ReturnType<typeof present>;

/** The latest score of each organization, filtered by risk level and the organization's QA level. */
export async function riskList(ctx: Ctx, f: { level?: 'low' | 'medium' | 'high'; qaLevel?: string }) {
  requireRiskReader(ctx);
  const kinds = f.qaLevel ? await organizationIdsOfKinds(ctx.db, KINDS.filter((k) => levelOfOrganizationKind(k) === f.qaLevel)) : null;
  const rows = await repo.latestScores(ctx.db, { level: f.level, organizationIds: kinds?.map((k) => k.id) });
  return rows.map(present);
}

export async function riskHistory(ctx: Ctx, organizationId: string) {
  requireRiskReader(ctx);
  if (!(await organizationById(ctx.db, organizationId))) throw notFound('organization', organizationId);
  return (await repo.scoresOf(ctx.db, organizationId)).map(present);
}

/** Whether the organization's latest score is high: the authority may then declare a QA-system failure. */
export async function latestRiskIsHigh(ctx: Ctx, organizationId: string): Promise<boolean> {
  return (await repo.scoresOf(ctx.db, organizationId))[0]?.level === 'high';
}

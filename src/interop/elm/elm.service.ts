// ELM documents of public records: read through the owners' read APIs, built by elm-accreditation.ts
// and elm-learning.ts.
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { settings } from '../../platform/settings.ts';
import { organizationById, programmeById, programmeOutcomesById, qualificationById } from '../../registry/registry.api.ts';
import { publicDecisionWithParties } from '../decision-parties.ts';
import { elmAccreditation } from './elm-accreditation.ts';
import { elmLearningOpportunity, elmQualification } from './elm-learning.ts';

/** A public decision as an ELM Accreditation; public data, anyone may read it. */
export async function elmOfDecision(ctx: Ctx, id: string): Promise<Record<string, unknown>> {
  const { decision, organizations, programmes } = await publicDecisionWithParties(ctx, id);
  return elmAccreditation(settings().PUBLIC_URL, decision, organizations, programmes);
}

/** A programme the ministry included (public) as an ELM LearningOpportunity. */
export async function elmOfProgramme(ctx: Ctx, id: string): Promise<Record<string, unknown>> {
  const programme = await programmeById(ctx.db, id);
  // Public once the ministry included it; a draft is nobody's business here.
  if (!programme?.first_included_at) throw notFound('programme', id);
  const [provider, outcomes] = await Promise.all([organizationById(ctx.db, programme.organization_id), programmeOutcomesById(ctx.db, id)]);
  if (!provider) throw notFound('organization', programme.organization_id);
  return elmLearningOpportunity(settings().PUBLIC_URL, programme, provider, outcomes);
}

/** A qualification of the register (all are public) as an ELM Qualification. */
export async function elmOfQualification(ctx: Ctx, id: string): Promise<Record<string, unknown>> {
  const qualification = await qualificationById(ctx.db, id);
  if (!qualification) throw notFound('qualification', id);
  const awardingBody = qualification.awarding_body_id ? await organizationById(ctx.db, qualification.awarding_body_id) : undefined;
  return elmQualification(settings().PUBLIC_URL, qualification, awardingBody);
}

// CTDL graphs of public records, read through the owners' read APIs; public data, anyone may read it.
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { settings } from '../../platform/settings.ts';
import { organizationById, programmeById, qualificationById } from '../../registry/registry.api.ts';
import { publicDecisionWithParties } from '../decision-parties.ts';
import { ctdlGraphOfDecision } from './ctdl-graph.ts';
import { ctdlGraphOfOrganization, ctdlGraphOfProgramme, ctdlGraphOfQualification } from './ctdl-records.ts';

export async function ctdlOfDecision(ctx: Ctx, id: string) {
  const { decision, organizations, programmes } = await publicDecisionWithParties(ctx, id);
  return ctdlGraphOfDecision(settings().PUBLIC_URL, decision, organizations, programmes);
}

export async function ctdlOfQualification(ctx: Ctx, id: string) {
  const qualification = await qualificationById(ctx.db, id);
  if (!qualification) throw notFound('qualification', id);
  const awardingBody = qualification.awarding_body_id ? await organizationById(ctx.db, qualification.awarding_body_id) : undefined;
  return ctdlGraphOfQualification(settings().PUBLIC_URL, qualification, awardingBody);
}

export async function ctdlOfOrganization(ctx: Ctx, id: string) {
  const organization = await organizationById(ctx.db, id);
  if (!organization) throw notFound('organization', id);
  return ctdlGraphOfOrganization(settings().PUBLIC_URL, organization);
}

/** Public once the ministry included it, as the programme's ELM document. */
export async function ctdlOfProgramme(ctx: Ctx, id: string) {
  const programme = await programmeById(ctx.db, id);
  if (!programme?.first_included_at) throw notFound('programme', id);
  const provider = await organizationById(ctx.db, programme.organization_id);
  if (!provider) throw notFound('organization', programme.organization_id);
  return ctdlGraphOfProgramme(settings().PUBLIC_URL, programme, provider);
}

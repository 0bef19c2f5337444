// ELM documents of public records: read through the owners' read APIs, built by elm-accreditation.ts.
import { decisionsToExchange } from '../../accreditation/accreditation.api.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { settings } from '../../platform/settings.ts';
import { organizationById, organizationsByIds, programmeById, programmesByIds } from '../../registry/registry.api.ts';
import { elmAccreditation, elmLearningOpportunity } from './elm-accreditation.ts';

/** A public decision as an ELM Accreditation; public data, anyone may read it. */
export async function elmOfDecision(ctx: Ctx, id: string): Promise<Record<string, unknown>> {
  const [decision] = await decisionsToExchange(ctx.db, { ids: [id] });
  if (!decision) throw notFound('accreditation-decision', id);
  const [organizations, programmes] = await Promise.all([
    organizationsByIds(ctx.db, [decision.organizationId, decision.bodyId]),
    programmesByIds(ctx.db, decision.programmeIds),
  ]);
  return elmAccreditation(settings().PUBLIC_URL, decision, new Map(organizations.map((o) => [o.id, o])), programmes);
}

/** A programme the ministry included (public) as an ELM LearningOpportunity. */
export async function elmOfProgramme(ctx: Ctx, id: string): Promise<Record<string, unknown>> {
  const programme = await programmeById(ctx.db, id);
  // Public once the ministry included it; a draft is nobody's business here.
  if (!programme?.first_included_at) throw notFound('programme', id);
  const provider = await organizationById(ctx.db, programme.organization_id);
  if (!provider) throw notFound('organization', programme.organization_id);
  return elmLearningOpportunity(settings().PUBLIC_URL, programme, provider);
}

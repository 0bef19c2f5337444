// A public decision with the organizations (body, organization) and programmes it names, read through
// the owners' read APIs: what the ELM and CTDL documents of a decision are built from.
import { decisionsToExchange } from '../accreditation/accreditation.api.ts';
import type { Ctx } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { organizationsByIds, programmesByIds } from '../registry/registry.api.ts';

export async function publicDecisionWithParties(ctx: Ctx, id: string) {
  const [decision] = await decisionsToExchange(ctx.db, { ids: [id] });
  if (!decision) throw notFound('accreditation-decision', id);
  const [organizations, programmes] = await Promise.all([
    organizationsByIds(ctx.db, [decision.organizationId, decision.bodyId]),
    programmesByIds(ctx.db, decision.programmeIds),
  ]);
  return { decision, organizations: new Map(organizations.map((o) => [o.id, o])), programmes };
}

// Credential Engine CTDL JSON-LD of public decisions.
import { createRoute, z } from '@hono/zod-openapi';
import { decisionsToExchange } from '../../accreditation/accreditation.api.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/env.ts';
import { errorResponses, idParam, jsonContent } from '../../platform/http/openapi-common.ts';
import { settings } from '../../platform/settings.ts';
import { organizationsByIds, programmesByIds } from '../../registry/registry.api.ts';
import { ctdlGraphOfDecision } from './ctdl-graph.ts';

/** A public decision as a CTDL graph; public data, anyone may read it. */
export async function ctdlOfDecision(ctx: Ctx, id: string) {
  const [decision] = await decisionsToExchange(ctx.db, { ids: [id] });
  if (!decision) throw notFound('accreditation-decision', id);
  const [organizations, programmes] = await Promise.all([
    organizationsByIds(ctx.db, [decision.organizationId, decision.bodyId]),
    programmesByIds(ctx.db, decision.programmeIds),
  ]);
  return ctdlGraphOfDecision(settings().PUBLIC_URL, decision, new Map(organizations.map((o) => [o.id, o])), programmes);
}

const graphSchema = z
  .object({ '@context': z.string(), '@id': z.string(), '@graph': z.array(z.record(z.string(), z.any())) })
  .openapi('CtdlGraph', { description: "CTDL JSON-LD graph (docs/interop.md)" });

export function registerCtdlRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/decisions/{id}/ctdl',
      tags: ['Credential Engine CTDL'],
      summary: 'The decision as a CTDL AccreditAction with its body, organization and programmes (JSON-LD graph); a refusal or withdrawal said explicitly',
      request: { params: idParam },
      responses: { 200: jsonContent(graphSchema, 'The graph'), ...errorResponses },
    }),
    async (c) => c.json(await ctdlOfDecision(c.get('ctx'), c.req.valid('param').id), 200),
  );
}

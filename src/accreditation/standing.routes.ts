// The accreditation of an organization or programme as of a day (the one "accredited on date D"
// computation), beside the record's own detail, which the registry serves and may not compute.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { asOfQuery, errorResponses, idParam, jsonContent } from '../platform/http/openapi-common.ts';
import { registerEntrySchema } from './registers.schema.ts';
import { recordAccreditation } from './standing.service.ts';

const standingSchema = z
  .object({
    asOf: z.string(),
    accredited: z.boolean().openapi({ description: 'A positive decision is in force on the day' }),
    entries: z.array(
      registerEntrySchema.extend({
        accredited: z.boolean(),
        conditions: z.array(z.object({ title: z.string(), dueOn: z.string(), status: z.string() })),
        certificateUrl: z.string().nullable(),
      }),
    ),
  })
  .openapi('RecordAccreditation');

export function registerStandingRoutes(app: Api): void {
  for (const [kind, collection] of [
    ['organization', 'organizations'],
    ['programme', 'programmes'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/${collection}/{id}/accreditation`,
        tags: ['Registers'],
        summary: `The ${kind}'s accreditation on a day (Register ${kind === 'organization' ? 2 : 3}): body, kind, outcome, term, validity, conditions, EUR-ACE® label, decision and certificate`,
        request: { params: idParam, query: z.object(asOfQuery) },
        responses: { 200: jsonContent(standingSchema, 'Decisions as they stood on the day'), ...errorResponses },
      }),
      async (c) => c.json(await recordAccreditation(c.get('ctx'), kind, c.req.valid('param').id, c.req.valid('query').asOf), 200),
    );
  }
}

// Public API of the level-consistency checker.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { errorResponses, jsonContent, paginationQuery } from '../platform/http/openapi-common.ts';
import { checkConsistency } from './consistency.service.ts';
import { CONSISTENCY_KINDS } from '../frameworks/frameworks.api.ts';

const findingSchema = z
  .object({
    kind: z.enum(CONSISTENCY_KINDS),
    entityType: z.string(),
    entityId: z.string(),
    code: z.string(),
    expected: z.string().openapi({ description: 'What the authoritative side says: the degree, code, SQF, type or allowed range' }),
    actual: z.string().openapi({ description: 'What the checked record says' }),
    messageKey: z.string(),
    message: z.string(),
  })
  .openapi('ConsistencyFinding');

const findingsSchema = z
  .object({
    items: z.array(findingSchema),
    total: z.number().int(),
    counts: z.record(z.string(), z.number().int()).openapi({ description: 'Findings per kind (after the kind filter)' }),
  })
  .openapi('ConsistencyFindings');

export function registerConsistencyRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/consistency',
      tags: ['Frameworks'],
      summary: 'Disagreements between levels: programme vs degree and code, occupational standard vs SQF, qualification vs type, micro-qualification vs its range',
      request: { query: z.object({ kind: z.enum(CONSISTENCY_KINDS).optional(), ...paginationQuery }) },
      responses: { 200: jsonContent(findingsSchema, 'Findings'), ...errorResponses },
    }),
    async (c) => c.json(await checkConsistency(c.get('ctx'), c.req.valid('query')), 200),
  );
}

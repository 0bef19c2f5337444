// API of versioned standard sets.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { dateSchema, errorResponses, idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { standardSetInputSchema, standardSetSchema, standardSetSummarySchema } from './standards.schema.ts';
import * as service from './standards.service.ts';

const tags = ['Standards'];

export function registerStandardsRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/standard-sets',
      tags,
      summary: 'Versioned standard sets (filter by owner id or "ministry", key, scope, in force on a date)',
      request: {
        query: z.object({
          owner: z.string().max(40).optional().openapi({ description: 'Owning body id, or "ministry"' }),
          key: z.string().max(80).optional(),
          scope: z.string().max(40).optional(),
          inForceOn: dateSchema.optional(),
          ...paginationQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(standardSetSummarySchema, 'StandardSetList'), 'Standard sets'), ...errorResponses },
    }),
    async (c) => c.json(await service.listSets(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/standard-sets/{id}',
      tags,
      summary: 'One version of a standard set with its tree of standards and criteria',
      request: { params: idParam },
      responses: { 200: jsonContent(standardSetSchema, 'The set'), ...errorResponses },
    }),
    async (c) => c.json(await service.getSet(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/standard-sets',
      tags,
      summary: "Publish a new version of a set (the owning body's staff or head, or the ministry); the previous version ends when it starts",
      security: [{ bearer: [] }],
      request: jsonBody(standardSetInputSchema),
      responses: { 201: jsonContent(standardSetSchema, 'Created'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.createSetVersion(ctx, c.req.valid('json'))), 201),
  );
}

// API of sectoral qualification frameworks: public reads, writes for sector councils and the ministry.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { jsonBody, } from '../platform/http/record-routes.ts';
import {
  asOfQuery,
  errorResponses,
  historySchema,
  idParam,
  jsonContent,
  listOf,
  paginationQuery,
  writeErrorResponses,
  writeTx,
} from '../platform/http/openapi-common.ts';
import { sqfIssues } from './framework-rules.ts';
import { FRAMEWORK_STATUSES, sqfDetailSchema, sqfInputSchema, sqfPatchSchema, sqfSchema } from './sqf.schema.ts';
import * as service from './sqf.service.ts';
import { withRules } from './validation-hook.ts';

const tags = ['Sectoral frameworks'];

export function registerSqfRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sqfs',
      tags,
      summary: 'List sectoral qualification frameworks (filters, pagination, asOf)',
      request: {
        query: z.object({
          sector: z.string().max(200).optional().openapi({ description: 'Substring of the sector in any language' }),
          developer: z.string().max(200).optional().openapi({ description: 'Substring of the developer' }),
          oked: z.string().max(20).optional().openapi({ description: 'OKED code: frameworks covering it, a finer or a broader activity', example: '85.42' }),
          status: z.enum(FRAMEWORK_STATUSES).optional(),
          q: z.string().max(200).optional().openapi({ description: 'Substring of the code or name' }),
          ...paginationQuery,
          ...asOfQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(sqfSchema, 'SqfList'), 'Frameworks'), ...errorResponses },
    }),
    async (c) => c.json(await service.listSqfs(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sqfs/{id}',
      tags,
      summary: 'One framework with its levels and qualification map (asOf gives it as it was)',
      request: { params: idParam, query: z.object(asOfQuery) },
      responses: { 200: jsonContent(sqfDetailSchema, 'Framework'), ...errorResponses },
    }),
    async (c) => c.json(await service.getSqf(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').asOf), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/sqfs/{id}/history',
      tags,
      summary: 'Every version of the framework with actor and time',
      request: { params: idParam },
      responses: { 200: jsonContent(historySchema, 'History'), ...errorResponses },
    }),
    async (c) => c.json(await service.sqfHistory(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/sqfs',
      tags,
      summary: 'Create a framework (sector council, ministry)',
      security: [{ bearer: [] }],
      request: jsonBody(sqfInputSchema),
      responses: { 201: jsonContent(sqfDetailSchema, 'Created'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.createSqf(ctx, c.req.valid('json'))), 201),
    withRules(sqfIssues),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/sqfs/{id}',
      tags,
      summary: 'Update a framework; levels or qualifications, when sent, replace the stored ones (sector council, ministry)',
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(sqfPatchSchema) },
      responses: { 200: jsonContent(sqfDetailSchema, 'Updated'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.updateSqf(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
    withRules(sqfIssues),
  );
}

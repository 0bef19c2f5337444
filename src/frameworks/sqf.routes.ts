// API of sectoral qualification frameworks: public reads, writes for sector councils and the ministry.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { registerRecordRoutes } from '../platform/http/record-routes.ts';
import { asOfQuery, errorResponses, jsonContent, listOf, paginationQuery } from '../platform/http/openapi-common.ts';
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

  registerRecordRoutes(app, {
    path: '/api/sqfs',
    tags,
    summaries: {
      get: 'One framework with its levels and qualification map (asOf gives it as it was)',
      history: 'Every version of the framework with actor and time',
      create: 'Create a framework (sector council, ministry)',
      update: 'Update a framework; levels or qualifications, when sent, replace the stored ones (sector council, ministry)',
    },
    detail: sqfDetailSchema,
    created: sqfDetailSchema,
    input: sqfInputSchema,
    patch: sqfPatchSchema,
    get: service.getSqf,
    history: service.sqfHistory,
    create: (ctx, input) => service.createSqf(ctx, input),
    update: service.updateSqf,
    hook: withRules(sqfIssues),
  });
}

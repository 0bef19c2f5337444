// API of occupational standards: public search by profession, labour function and developer;
// writes for sector councils and the ministry.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { registerRecordRoutes } from '../platform/http/record-routes.ts';
import {
  asOfQuery,
  errorResponses,
  jsonContent,
  listOf,
  paginationQuery,
} from '../platform/http/openapi-common.ts';
import { occupationalStandardIssues } from './framework-rules.ts';
import {
  occupationalStandardInputSchema,
  occupationalStandardPatchSchema,
  occupationalStandardDetailSchema,
  occupationalStandardSchema,
} from './occupational-standard.schema.ts';
import * as service from './occupational-standard.service.ts';
import { FRAMEWORK_STATUSES } from './sqf.schema.ts';
import { withRules } from './validation-hook.ts';

const tags = ['Occupational standards'];

export function registerOccupationalStandardRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/occupational-standards',
      tags,
      summary: 'Search occupational standards by profession, labour function, developer, sector, level or SQF',
      request: {
        query: z.object({
          profession: z.string().max(200).optional().openapi({ description: 'Substring of an occupation name in any language, or an exact ISCO-08 / NKZ code' }),
          labourFunction: z.string().max(200).optional().openapi({ description: 'Substring of a labour-function name in any language' }),
          developer: z.string().max(200).optional().openapi({ description: 'Substring of the developer' }),
          sector: z.string().max(200).optional().openapi({ description: 'Substring of the sector in any language' }),
          nqfLevel: z.coerce.number().int().min(1).max(8).optional(),
          sqfId: z.string().uuid().optional(),
          status: z.enum(FRAMEWORK_STATUSES).optional(),
          q: z.string().max(200).optional().openapi({ description: 'Substring of the code or name' }),
          ...paginationQuery,
          ...asOfQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(occupationalStandardSchema, 'OccupationalStandardList'), 'Standards'), ...errorResponses },
    }),
    async (c) => c.json(await service.listOccupationalStandards(c.get('ctx'), c.req.valid('query')), 200),
  );


  registerRecordRoutes(app, {
    path: '/api/occupational-standards',
    tags,
    summaries: {
      get: 'One occupational standard (asOf gives it as it was), with its provenance',
      history: 'Every version of the standard with actor and time',
      create: 'Create an occupational standard (sector council, ministry)',
      update: 'Update an occupational standard; occupations, when sent, replace the stored ones (sector council, ministry)',
    },
    detail: occupationalStandardDetailSchema,
    created: occupationalStandardSchema,
    input: occupationalStandardInputSchema,
    patch: occupationalStandardPatchSchema,
    get: service.occupationalStandardDetail,
    history: service.occupationalStandardHistory,
    create: (ctx, input) => service.createOccupationalStandard(ctx, input),
    update: service.updateOccupationalStandard,
    // A new standard without sqfId has none: its sub-levels have nothing to belong to.
    hooks: { create: withRules((raw) => occupationalStandardIssues({ sqfId: null, ...raw })), update: withRules(occupationalStandardIssues) },
  });
}

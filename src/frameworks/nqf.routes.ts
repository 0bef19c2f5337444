// Public API of the NQF and qualification types.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { errorResponses, jsonContent, listOf } from '../platform/http/openapi-common.ts';
import { nqfLevelSchema, qualificationTypeSchema } from './nqf.schema.ts';
import { getNqfLevel, listNqfLevels, listQualificationTypes } from './nqf.service.ts';

export function registerNqfRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/nqf/levels',
      tags: ['Frameworks'],
      summary: 'The 8 NQF levels with descriptors and EQF / QF-EHEA / ISCED mappings',
      responses: { 200: jsonContent(listOf(nqfLevelSchema, 'NqfLevelList'), 'NQF levels') },
    }),
    async (c) => c.json(await listNqfLevels(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/nqf/levels/{level}',
      tags: ['Frameworks'],
      summary: 'One NQF level',
      request: { params: z.object({ level: z.coerce.number().int().min(1).max(8).openapi({ param: { name: 'level', in: 'path' } }) }) },
      responses: { 200: jsonContent(nqfLevelSchema, 'NQF level'), ...errorResponses },
    }),
    async (c) => c.json(await getNqfLevel(c.get('ctx'), c.req.valid('param').level), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/qualification-types',
      tags: ['Frameworks'],
      summary: 'Qualification types (bachelor, master, PhD, working qualification, micro-qualification…)',
      responses: { 200: jsonContent(listOf(qualificationTypeSchema, 'QualificationTypeList'), 'Qualification types') },
    }),
    async (c) => c.json(await listQualificationTypes(c.get('ctx')), 200),
  );
}

// API of Register 1: recognized accreditation bodies (public reads; the ministry manages).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { errorResponses, idParam, jsonContent, listOf, paginationQuery, asOfQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { RECOGNITION_STATUSES, SCOPE_TYPES, bodyDetailSchema, recognitionInputSchema, recognitionPatchSchema, recognitionSchema, registerOneEntrySchema } from './recognition.schema.ts';
import * as service from './recognition.service.ts';

const tags = ['Register 1: accreditation bodies'];

export function registerRecognitionRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registers/1',
      tags,
      summary: 'Register 1: recognitions of accreditation bodies (order, validity, status, scope, networks). asOf = recognitions valid that day.',
      request: {
        query: z.object({
          status: z.enum(RECOGNITION_STATUSES).optional(),
          scopeType: z.enum(SCOPE_TYPES).optional(),
          network: z.string().max(20).optional().openapi({ description: 'e.g. ENAEE, WFME, ENQA' }),
          ...paginationQuery,
          ...asOfQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(registerOneEntrySchema, 'RegisterOne'), 'Register 1'), ...errorResponses },
    }),
    async (c) => c.json(await service.listRegisterOne(c.get('ctx'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/bodies/{id}',
      tags,
      summary: 'One accreditation body with its recognitions and standard sets',
      request: { params: idParam },
      responses: { 200: jsonContent(bodyDetailSchema, 'The body'), ...errorResponses },
    }),
    async (c) => c.json(await service.getBody(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/bodies/{id}/recognitions',
      tags,
      summary: 'Record a recognition of the body (ministry)',
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(recognitionInputSchema) },
      responses: { 201: jsonContent(recognitionSchema, 'Created'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.addRecognition(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/accreditation/bodies/{id}/recognitions/{recognitionId}',
      tags,
      summary: 'Change a recognition: scope, validity, status (suspend, revoke) (ministry)',
      security: [{ bearer: [] }],
      request: {
        params: idParam.extend({ recognitionId: z.string().uuid().openapi({ param: { name: 'recognitionId', in: 'path' } }) }),
        ...jsonBody(recognitionPatchSchema),
      },
      responses: { 200: jsonContent(recognitionSchema, 'Updated'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, recognitionId } = c.req.valid('param');
      return c.json(await writeTx(c, (ctx) => service.updateRecognition(ctx, id, recognitionId, c.req.valid('json'))), 200);
    },
  );
}

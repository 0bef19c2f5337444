// API of qualifications and certification centres.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
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
import {
  QUALIFICATION_KINDS,
  certificationCentreInputSchema,
  certificationCentreSchema,
  qualificationInputSchema,
  qualificationPatchSchema,
  qualificationSchema,
} from './qualification.schema.ts';
import * as service from './qualification.service.ts';

const tags = ['Qualifications'];
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export function registerQualificationRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/qualifications',
      tags,
      summary: 'List qualifications (filters, pagination, asOf)',
      request: {
        query: z.object({
          kind: z.enum(QUALIFICATION_KINDS).optional(),
          nqfLevel: z.coerce.number().int().min(1).max(8).optional(),
          field: z.string().optional(),
          type: z.string().optional(),
          awardingBody: z.string().uuid().optional(),
          programme: z.string().uuid().optional(),
          name: z.string().max(200).optional(),
          ...paginationQuery,
          ...asOfQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(qualificationSchema, 'QualificationList'), 'Qualifications'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        await service.listQualifications(c.get('ctx'), { ...q, fieldCode: q.field, qualificationType: q.type, awardingBodyId: q.awardingBody, programmeId: q.programme }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/qualifications/{id}',
      tags,
      summary: 'One qualification',
      request: { params: idParam, query: z.object(asOfQuery) },
      responses: { 200: jsonContent(qualificationSchema, 'Qualification'), ...errorResponses },
    }),
    async (c) => c.json(await service.getQualification(c.get('ctx'), c.req.valid('param').id, c.req.valid('query').asOf), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/qualifications/{id}/history',
      tags,
      summary: 'Every version of the qualification',
      request: { params: idParam },
      responses: { 200: jsonContent(historySchema, 'History'), ...errorResponses },
    }),
    async (c) => c.json(await service.qualificationHistory(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/qualifications',
      tags,
      summary: 'Create a qualification (ministry)',
      security: [{ bearer: [] }],
      request: body(qualificationInputSchema),
      responses: { 201: jsonContent(qualificationSchema, 'Created'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.createQualification(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/qualifications/{id}',
      tags,
      summary: 'Update a qualification (ministry)',
      security: [{ bearer: [] }],
      request: { params: idParam, ...body(qualificationPatchSchema) },
      responses: { 200: jsonContent(qualificationSchema, 'Updated'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.updateQualification(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/certification-centres',
      tags,
      summary: 'Certification centres for the independent certification of specialists',
      request: { query: z.object({ sector: z.string().max(200).optional(), ...paginationQuery }) },
      responses: { 200: jsonContent(listOf(certificationCentreSchema, 'CertificationCentreList'), 'Centres'), ...errorResponses },
    }),
    async (c) => c.json(await service.listCertificationCentres(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/certification-centres',
      tags,
      summary: 'Register (or update) an organization as a certification centre (ministry, sector council)',
      security: [{ bearer: [] }],
      request: body(certificationCentreInputSchema),
      responses: { 201: jsonContent(certificationCentreSchema, 'Registered'), ...writeErrorResponses },
    }),
    async (c) => {
      const centre = await writeTx(c, (ctx) => service.registerCertificationCentre(ctx, c.req.valid('json')));
      return c.json(centre as z.infer<typeof certificationCentreSchema>, 201);
    },
  );
}

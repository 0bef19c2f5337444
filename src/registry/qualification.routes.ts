// API of qualifications and certification centres.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { etagResponseHeader, ifMatchHeader, ifMatchOf, setEtag } from '../platform/http/etag.ts';
import { jsonBody, registerRecordRoutes } from '../platform/http/record-routes.ts';
import { asOfQuery, errorResponses, idParam, jsonContent, listOf, paginationQuery, versionedWriteResponses, writeTx } from '../platform/http/openapi-common.ts';
import {
  QUALIFICATION_KINDS,
  certificationCentreInputSchema,
  certificationCentreSchema,
  qualificationInputSchema,
  qualificationPatchSchema,
  qualificationDetailSchema,
  qualificationSchema,
} from './qualification.schema.ts';
import * as service from './qualification.service.ts';
import { qualificationDetail } from './record-standing.service.ts';

const tags = ['Qualifications'];

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
      method: 'get',
      path: '/api/certification-centres/{id}',
      tags,
      summary: 'One certification centre, by its organization id',
      request: { params: idParam },
      responses: { 200: { ...jsonContent(certificationCentreSchema, 'The centre'), headers: etagResponseHeader }, ...errorResponses },
    }),
    async (c) => {
      const centre = await service.getCertificationCentre(c.get('ctx'), c.req.valid('param').id);
      setEtag(c, centre);
      return c.json(centre, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/certification-centres',
      tags,
      summary:
        'Register (or update) an organization as a certification centre (ministry, sector council). To update, send the ETag you read as If-Match: a write from an older version is refused with 412.',
      security: [{ bearer: [] }],
      request: { headers: ifMatchHeader, ...jsonBody(certificationCentreInputSchema) },
      responses: { 201: { ...jsonContent(certificationCentreSchema, 'Registered'), headers: etagResponseHeader }, ...versionedWriteResponses },
    }),
    async (c) => {
      const centre = await writeTx(c, (ctx) => service.registerCertificationCentre(ctx, c.req.valid('json'), { expected: ifMatchOf(c) }));
      setEtag(c, centre);
      return c.json(centre, 201);
    },
  );

  registerRecordRoutes(app, {
    path: '/api/qualifications',
    tags,
    summaries: {
      get: 'One qualification, with the certificates issued against it up to the day (asOf, else today) and its provenance',
      history: 'Every version of the qualification',
      create: 'Create a qualification (ministry)',
      update: 'Update a qualification (ministry)',
    },
    detail: qualificationDetailSchema,
    created: qualificationSchema,
    input: qualificationInputSchema,
    patch: qualificationPatchSchema,
    get: qualificationDetail,
    history: service.qualificationHistory,
    create: (ctx, input) => service.createQualification(ctx, input),
    update: service.updateQualification,
  });
}

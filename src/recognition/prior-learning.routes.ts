// API of the recognition of prior and non-formal learning: the learner's request and evidence, the
// organization's assessment, issued as a credential.
import { createRoute, z } from '@hono/zod-openapi';
import { privateFileRoutes } from '../platform/http/private-file.ts';
import type { Api } from '../platform/http/env.ts';
import { idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { STAGES } from './prior-learning.rules.ts';
import { assessmentSchema, certificateFormSchema, evidenceInputSchema, requestCreateSchema, requestSchema, requestSummarySchema } from './prior-learning.schema.ts';
import * as service from './prior-learning.service.ts';

const tags = ['Recognition of prior learning'];
const security = [{ bearer: [] }];
const base = '/api/recognition/prior-learning';

export function registerPriorLearningRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: "My requests; with organizationId, the requests that organization assesses (its staff with recognition.decide)",
      security,
      request: { query: z.object({ organizationId: z.string().uuid().optional(), stage: z.enum(STAGES).optional(), ...paginationQuery }) },
      responses: { 200: jsonContent(listOf(requestSummarySchema, 'PriorLearningList'), 'Requests'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.listRequests(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: "Identification: ask an organization to recognise prior learning against a programme's outcomes or an occupational standard's labour functions",
      security,
      request: jsonBody(requestCreateSchema),
      responses: { 201: jsonContent(requestSchema, 'The request'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.createRequest(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'One request: claims, evidence, stage, assessment and the credential issued (the learner and the organization)',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(requestSchema, 'The request'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.getRequest(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/evidence`,
      tags,
      summary: 'Documentation: add one of my credentials in Sapa, or months of work experience',
      security,
      request: { params: idParam, ...jsonBody(evidenceInputSchema) },
      responses: { 201: jsonContent(requestSchema, 'The request with the evidence'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.addEvidence(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  privateFileRoutes(app, {
    tags,
    upload: {
      path: `${base}/{id}/certificates`,
      params: idParam,
      form: certificateFormSchema,
      summary: 'Documentation: attach a certificate from outside Sapa (multipart: file, description; PDF, PNG or JPEG)',
      response: requestSchema,
      description: 'The request with the certificate',
      run: (ctx, { id }, upload, batch) => service.addCertificate(ctx, id, upload, batch),
    },
    file: {
      path: `${base}/{id}/evidence/{evidenceId}`,
      params: idParam.extend({ evidenceId: z.string().uuid().openapi({ param: { name: 'evidenceId', in: 'path' } }) }),
      summary: 'Download an attached certificate (the learner and the organization)',
      read: (ctx, { id, evidenceId }) => service.evidenceFile(ctx, id, evidenceId),
    },
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/advance`,
      tags,
      summary: 'The next stage: identification → documentation (with claims) → assessment (with evidence; the organization is told)',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(requestSchema, 'The request'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.advance(ctx, c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/assessment`,
      tags,
      summary: 'Assessment and certification: judge every claim; credits or a qualification are issued as a credential at once, or refuse with a reason',
      security,
      request: { params: idParam, ...jsonBody(assessmentSchema) },
      responses: { 200: jsonContent(requestSchema, 'The assessed request'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.assess(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
}

// API of the recognition of prior and non-formal learning: the learner's request and evidence, the
// organization's assessment, issued as a credential.
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { validationFailed } from '../platform/errors.ts';
import { maxUploadBytes, withFileBatch } from '../platform/files/files.ts';
import { privateFileResponse, uploadedFile } from '../platform/http/private-file.ts';
import type { Api, AppEnv } from '../platform/http/env.ts';
import { binary, idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { STAGES } from './prior-learning.rules.ts';
import { assessmentSchema, certificateFormSchema, evidenceInputSchema, requestCreateSchema, requestSchema, requestSummarySchema } from './prior-learning.schema.ts';
import * as service from './prior-learning.service.ts';

const tags = ['Recognition of prior learning'];
const security = [{ bearer: [] }];
const base = '/api/recognition/prior-learning';

const uploadLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: maxUploadBytes() + 64 * 1024,
    onError: () => {
      throw validationFailed([{ path: 'file', messageKey: 'errors.documents.fileTooLarge', params: { maxMb: Math.round((maxUploadBytes() / 1048576) * 10) / 10 } }]);
    },
  })(c, next),
);

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
  app.use(`${base}/:id/certificates`, uploadLimit);
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/certificates`,
      tags,
      summary: 'Documentation: attach a certificate from outside Sapa (multipart: file, description; PDF, PNG or JPEG)',
      security,
      request: { params: idParam, body: { content: { 'multipart/form-data': { schema: certificateFormSchema } }, required: true } },
      responses: { 201: jsonContent(requestSchema, 'The request with the certificate'), ...writeErrorResponses },
    }),
    async (c) => {
      const form = c.req.valid('form');
      const upload = { ...(await uploadedFile(form.file)), description: form.description };
      const id = c.req.valid('param').id;
      return c.json(await withFileBatch((batch) => writeTx(c, (ctx) => service.addCertificate(ctx, id, upload, batch))), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}/evidence/{evidenceId}`,
      tags,
      summary: 'Download an attached certificate (the learner and the organization)',
      security,
      request: { params: idParam.extend({ evidenceId: z.string().uuid().openapi({ param: { name: 'evidenceId', in: 'path' } }) }) },
      responses: { 200: binary('application/octet-stream', 'The file'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      const file = await service.evidenceFile(c.get('ctx'), id, evidenceId);
      return privateFileResponse(c, file);
    },
  );
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

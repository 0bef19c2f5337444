// API of a self-assessment's evidence files: upload to a standard (multipart), download, detach.
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { validationFailed } from '../platform/errors.ts';
import { maxUploadBytes, withFileBatch } from '../platform/files/files.ts';
import { privateFileResponse, uploadedFile } from '../platform/http/private-file.ts';
import type { Api, AppEnv } from '../platform/http/env.ts';
import { binary, idParam, jsonContent, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { addEvidence, evidenceFile, removeEvidence } from './internal-qa-evidence.service.ts';
import { evidenceFormSchema, evidenceSchema } from './internal-qa.schema.ts';

const tags = ['Oversight'];
const security = [{ bearer: [] }];
const base = '/api/oversight/internal-qa-assessments/{id}/evidence';
const evidenceParams = idParam.extend({ evidenceId: z.string().uuid().openapi({ param: { name: 'evidenceId', in: 'path' } }) });

/** Refuses an oversized upload from its length, before the body is read into memory. */
export const evidenceUploadLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: maxUploadBytes() + 64 * 1024,
    onError: () => {
      throw validationFailed([{ path: 'file', messageKey: 'errors.documents.fileTooLarge', params: { maxMb: Math.round((maxUploadBytes() / 1048576) * 10) / 10 } }]);
    },
  })(c, next),
);

export function registerInternalQaEvidenceRoutes(app: Api): void {
  app.use('/api/oversight/internal-qa-assessments/:id/evidence', evidenceUploadLimit);
  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: 'Attach an evidence file to a standard of a draft or returned self-assessment (multipart: file, standardCode); PDF, DOCX, XLSX, PNG or JPEG judged by content',
      security,
      request: { params: idParam, body: { content: { 'multipart/form-data': { schema: evidenceFormSchema } }, required: true } },
      responses: { 201: jsonContent(evidenceSchema, 'The attached evidence'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const form = c.req.valid('form');
      const upload = { ...(await uploadedFile(form.file)), standardCode: form.standardCode };
      return c.json(await withFileBatch((batch) => writeTx(c, (ctx) => addEvidence(ctx, id, upload, batch))), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{evidenceId}`,
      tags,
      summary: "Download an evidence file (the self-assessment's readers: the organization's staff and the authority)",
      security,
      request: { params: evidenceParams },
      responses: { 200: binary('application/octet-stream', 'The file, with its detected media type'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      const file = await evidenceFile(c.get('ctx'), id, evidenceId);
      return privateFileResponse(c, file);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{evidenceId}`,
      tags,
      summary: 'Detach an evidence file from a draft or returned self-assessment',
      security,
      request: { params: evidenceParams },
      responses: { 204: { description: 'Detached' }, ...writeErrorResponses },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      await writeTx(c, (ctx) => removeEvidence(ctx, id, evidenceId));
      return c.body(null, 204);
    },
  );
}

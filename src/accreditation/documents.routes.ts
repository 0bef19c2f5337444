// Self-assessment reports with their evidence files, and the accreditation certificate PDF.
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { validationFailed } from '../platform/errors.ts';
import { maxUploadBytes, withFileBatch } from '../platform/files/files.ts';
import { privateFileResponse, uploadedFile } from '../platform/http/private-file.ts';
import type { Api, AppEnv } from '../platform/http/env.ts';
import { binary, errorResponses, idParam, jsonContent, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { certificatePdf } from './certificate.service.ts';
import { addEvidence, evidenceFile, removeEvidence } from './evidence.service.ts';
import { evidenceFormSchema, sarEvidenceSchema, sarOverviewSchema, sarVersionSchema, sectionInputSchema } from './sar.schema.ts';
import * as sar from './sar.service.ts';

const tags = ['Self-assessment reports'];
const base = '/api/accreditation/cases/{id}/sar';

const versionParams = idParam.extend({
  v: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .openapi({ param: { name: 'v', in: 'path' }, example: 1 }),
});
const sectionParams = versionParams.extend({
  code: z
    .string()
    .min(1)
    .max(50)
    .openapi({ param: { name: 'code', in: 'path' }, example: '1' }),
});
const evidenceParams = idParam.extend({
  evidenceId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'evidenceId', in: 'path' } }),
});


/** Multipart overhead allowed on top of the file itself. */
const FORM_OVERHEAD = 64 * 1024;

// Refuses an oversized upload from its length, before the body is read into memory.
const uploadLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: maxUploadBytes() + FORM_OVERHEAD,
    onError: () => {
      throw validationFailed([
        { path: 'file', messageKey: 'errors.documents.fileTooLarge', params: { maxMb: Math.round((maxUploadBytes() / 1048576) * 10) / 10 } },
      ]);
    },
  })(c, next),
);

export function registerDocumentRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: "The case's self-assessment report versions (drafts only for the applicant organization)",
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 200: jsonContent(sarOverviewSchema, 'Versions'), ...writeErrorResponses },
    }),
    async (c) => c.json(await sar.sarOverview(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/versions`,
      tags,
      summary: 'Start the next version as a draft (applicant; case in preparation or revision; a revision copies the last version)',
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 201: jsonContent(sarVersionSchema, 'The new draft'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => sar.startSarVersion(ctx, c.req.valid('param').id)), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/versions/{v}`,
      tags,
      summary: 'One version: sections per standard and criterion with kk, ru and en text, missing texts, evidence',
      security: [{ bearer: [] }],
      request: { params: versionParams },
      responses: { 200: jsonContent(sarVersionSchema, 'The version'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param');
      return c.json(await sar.getSarVersion(c.get('ctx'), id, v), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/versions/{v}/sections/{code}`,
      tags,
      summary: "Write a section's text in kk, ru and/or en (a draft; the applicant organization's admin or editor)",
      security: [{ bearer: [] }],
      request: { params: sectionParams, ...jsonBody(sectionInputSchema) },
      responses: { 200: jsonContent(sarVersionSchema, 'The version'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, v, code } = c.req.valid('param');
      return c.json(await writeTx(c, (ctx) => sar.updateSarSection(ctx, id, v, code, c.req.valid('json'))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/versions/{v}/submit`,
      tags,
      summary: "Submit a draft (422 lists every section and language without text); then take the case's submit-sar step",
      security: [{ bearer: [] }],
      request: { params: versionParams },
      responses: { 200: jsonContent(sarVersionSchema, 'The submitted version'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param');
      return c.json(await writeTx(c, (ctx) => sar.submitSarVersion(ctx, id, v)), 200);
    },
  );

  app.use('/api/accreditation/cases/:id/sar/versions/:v/evidence', uploadLimit);
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/versions/{v}/evidence`,
      tags,
      summary: `Upload an evidence file to a draft (multipart: file, section, title). PDF, DOCX, XLSX, PNG or JPEG, judged by content; a wrong, renamed, empty or oversized file gets a 422 and nothing is stored`,
      security: [{ bearer: [] }],
      request: { params: versionParams, body: { content: { 'multipart/form-data': { schema: evidenceFormSchema } }, required: true } },
      responses: { 201: jsonContent(sarEvidenceSchema, 'The attached evidence'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, v } = c.req.valid('param');
      const form = c.req.valid('form');
      const upload = { ...(await uploadedFile(form.file)), section: form.section, title: form.title };
      const evidence = await withFileBatch((batch) => writeTx(c, (ctx) => addEvidence(ctx, id, v, upload, batch)));
      return c.json(evidence, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/evidence/{evidenceId}`,
      tags,
      summary: 'Detach an evidence file from a draft',
      security: [{ bearer: [] }],
      request: { params: evidenceParams },
      responses: { 204: { description: 'Detached' }, ...writeErrorResponses },
    }),
    async (c) => {
      const { id, evidenceId } = c.req.valid('param');
      await writeTx(c, (ctx) => removeEvidence(ctx, id, evidenceId));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/evidence/{evidenceId}`,
      tags,
      summary: 'Download an evidence file (same readers as the report)',
      security: [{ bearer: [] }],
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
      method: 'get',
      path: '/api/accreditation/decisions/{id}/certificate.pdf',
      tags: ['Accreditation decisions'],
      summary: 'The certificate of an approved positive decision: A4 PDF in kk, ru and en with a QR code to the public decision page (404 before approval)',
      request: {
        params: idParam,
        query: z.object({ lang: z.enum(['kk', 'ru', 'en']).optional().openapi({ description: 'Language of the page the QR code opens' }) }),
      },
      responses: { 200: binary('application/pdf', 'The certificate'), ...errorResponses },
    }),
    async (c) => {
      const { bytes, fileName } = await certificatePdf(c.get('ctx'), c.req.valid('param').id);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${fileName}"`,
        'cache-control': 'public, max-age=300',
      });
    },
  );
}

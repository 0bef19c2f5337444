// Self-assessment reports with their evidence files, and the accreditation certificate PDF.
import { createRoute, z } from '@hono/zod-openapi';
import { privateFileRoutes } from '../platform/http/private-file.ts';
import type { Api } from '../platform/http/env.ts';
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

  privateFileRoutes(app, {
    tags,
    upload: {
      path: `${base}/versions/{v}/evidence`,
      params: versionParams,
      form: evidenceFormSchema,
      summary: `Upload an evidence file to a draft (multipart: file, section, title). PDF, DOCX, XLSX, PNG or JPEG, judged by content; a wrong, renamed, empty or oversized file gets a 422 and nothing is stored`,
      response: sarEvidenceSchema,
      description: 'The attached evidence',
      run: (ctx, { id, v }, upload, batch) => addEvidence(ctx, id, v, upload, batch),
    },
    file: {
      path: `${base}/evidence/{evidenceId}`,
      params: evidenceParams,
      summary: 'Download an evidence file (same readers as the report)',
      read: (ctx, { id, evidenceId }) => evidenceFile(ctx, id, evidenceId),
      remove: { summary: 'Detach an evidence file from a draft', run: (ctx, { id, evidenceId }) => removeEvidence(ctx, id, evidenceId) },
    },
  });

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

// API of the recognition of foreign qualifications: the applicant's application and files, the
// authority's check, expert and decision, the appeal, and the public certificate check.
import { createRoute, z } from '@hono/zod-openapi';
import { privateFileRoutes } from '../platform/http/private-file.ts';
import type { Api } from '../platform/http/env.ts';
import { binary, errorResponses, idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { STATES } from './foreign-recognition.rules.ts';
import {
  appealDecisionSchema,
  appealSchema,
  applicationCreateSchema,
  applicationSchema,
  applicationSummarySchema,
  decisionSchema,
  documentFormSchema,
  expertAssignSchema,
  fileCheckSchema,
  opinionSchema,
  publicCertificateSchema,
} from './foreign-recognition.schema.ts';
import * as service from './foreign-recognition.service.ts';
import { recognitionCertificatePdf } from './recognition-certificate.service.ts';

const tags = ['Recognition of foreign qualifications'];
const security = [{ bearer: [] }];
const base = '/api/recognition/foreign-applications';

/** A POST step on one application taking a JSON body. */
function stepRoute<S extends z.ZodType>(app: Api, path: string, summary: string, schema: S, run: (ctx: Parameters<typeof service.decide>[0], id: string, body: z.output<S>) => Promise<unknown>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/${path}`,
      tags,
      summary,
      security,
      request: { params: idParam, ...jsonBody(schema) },
      responses: { 200: jsonContent(applicationSchema, 'The application after the step'), ...writeErrorResponses },
    }),
    async (c) => {
      // The generic route loses the types of its own params and body; both were parsed by the schemas above.
      const valid = c.req.valid.bind(c.req) as unknown as (target: 'param' | 'json') => unknown;
      const { id } = valid('param') as { id: string };
      return c.json((await writeTx(c, (ctx) => run(ctx, id, valid('json') as z.output<S>))) as z.infer<typeof applicationSchema>, 200);
    },
  );
}

export function registerForeignRecognitionRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: 'Applications the caller may read: the authority all, an expert those assigned, anyone else their own (mine=true: own only)',
      security,
      request: { query: z.object({ state: z.enum(STATES).optional(), mine: z.enum(['true', 'false']).optional(), ...paginationQuery }) },
      responses: { 200: jsonContent(listOf(applicationSummarySchema, 'ForeignRecognitionList'), 'Applications'), ...writeErrorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await service.listApplications(c.get('ctx'), { ...q, mine: q.mine === 'true' }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: "Apply for the recognition of a foreign qualification (a draft; the institution is looked up in imported DEQAR data)",
      security,
      request: jsonBody(applicationCreateSchema),
      responses: { 201: jsonContent(applicationSchema, 'The draft application'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.createApplication(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'One application: its files, level comparison, deadline, expert opinion, decision, appeal and history',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(applicationSchema, 'The application'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.getApplication(c.get('ctx'), c.req.valid('param').id), 200),
  );
  privateFileRoutes(app, {
    tags,
    upload: {
      path: `${base}/{id}/documents`,
      params: idParam,
      form: documentFormSchema,
      summary: 'Add a file (multipart: file, kind = document, supplement, translation, apostille or other). PDF, PNG or JPEG judged by content',
      response: applicationSchema,
      description: 'The application with the file',
      run: (ctx, { id }, upload, batch) => service.addDocument(ctx, id, upload, batch),
    },
    file: {
      path: `${base}/{id}/documents/{documentId}`,
      params: idParam.extend({ documentId: z.string().uuid().openapi({ param: { name: 'documentId', in: 'path' } }) }),
      summary: 'Download a file of the application (its applicant, the authority, its expert)',
      read: (ctx, { id, documentId }) => service.documentFile(ctx, id, documentId),
    },
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/submit`,
      tags,
      summary: 'Submit the application to the authority (the applicant; the document itself must be attached)',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(applicationSchema, 'Submitted'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.submitApplication(ctx, c.req.valid('param').id)), 200),
  );
  stepRoute(app, 'file-check', 'The authority: the file is complete (the decision deadline starts) or incomplete with what is missing', fileCheckSchema, (ctx, id, b) =>
    service.checkFile(ctx, id, b),
  );
  stepRoute(app, 'expert', 'The authority asks an expert (a user with the expert role, by e-mail) to evaluate the qualification', expertAssignSchema, (ctx, id, b) =>
    service.assignExpert(ctx, id, b.email),
  );
  stepRoute(app, 'opinion', "The assigned expert's evaluation: a reasoned opinion and a recommended outcome", opinionSchema, (ctx, id, b) => service.giveOpinion(ctx, id, b));
  stepRoute(
    app,
    'decision',
    'The authority decides: recognized, recognized with a substantial difference (alternative, partial or conditional, with reasons) or refused with reasons',
    decisionSchema,
    (ctx, id, b) => service.decide(ctx, id, b),
  );
  stepRoute(app, 'appeal', 'The applicant appeals a decision short of full recognition (once, within 30 days)', appealSchema, (ctx, id, b) => service.appeal(ctx, id, b.reason));
  stepRoute(app, 'appeal-decision', 'The authority upholds the appeal with a new decision, or dismisses it', appealDecisionSchema, (ctx, id, b) => service.decideAppeal(ctx, id, b));
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/recognition/certificates/{number}',
      tags,
      summary: 'Verify a certificate of recognition by its number (public): what was recognized, at which NQF level, on which conditions',
      request: { params: z.object({ number: z.string().min(3).max(40).openapi({ param: { name: 'number', in: 'path' }, example: 'HE-2026-1A2B3C4D' }) }) },
      responses: { 200: jsonContent(publicCertificateSchema, 'The certificate'), ...errorResponses },
    }),
    async (c) => c.json(await service.publicCertificate(c.get('ctx'), c.req.valid('param').number), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/recognition/certificates/{number}/certificate.pdf',
      tags,
      summary: "The certificate of recognition as an A4 PDF (public): in the applicant's chosen language unless lang names another, with a QR code to its verification page",
      request: {
        params: z.object({ number: z.string().min(3).max(40).openapi({ param: { name: 'number', in: 'path' }, example: 'HE-2026-1A2B3C4D' }) }),
        query: z.object({ lang: z.enum(['kk', 'ru', 'en']).optional().openapi({ description: "The certificate's language (default: the applicant's)" }) }),
      },
      responses: { 200: binary('application/pdf', 'The certificate'), ...errorResponses },
    }),
    async (c) => {
      const { bytes, fileName } = await recognitionCertificatePdf(c.get('ctx'), c.req.valid('param').number, c.req.valid('query').lang);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${fileName}"`,
        'cache-control': 'public, max-age=300',
      });
    },
  );
}

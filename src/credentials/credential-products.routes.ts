// API of the credential products: micro-credential specifications, batch issuance, the
// certificates database and the learner's own credentials, share links and recognition requests.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { errorResponses, idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { specificationInputSchema, specificationPatchSchema, specificationSchema } from './specification.schema.ts';
import * as specs from './specification.service.ts';
import * as batches from './batch.service.ts';
import { certificateInputSchema, certificateSchema } from './certificate-register.schema.ts';
import * as certificates from './certificate-register.service.ts';
import { AppError } from '../platform/errors.ts';
import { booleanQuery } from '../platform/http/query.ts';

const specTags = ['Micro-credential specifications'];

export function registerCredentialProductRoutes(app: Api): void {
  registerSpecificationRoutes(app);
  registerBatchRoutes(app);
  registerCertificateRoutes(app);
}

function registerCertificateRoutes(app: Api): void {
  const tags = ['Certificates database'];
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/certificates',
      tags,
      summary: 'Register a certificate issued outside Sapa (number unique per organization); it gets a public QR verification page',
      security: [{ bearer: [] }],
      request: jsonBody(certificateInputSchema),
      responses: { 201: jsonContent(certificateSchema, 'Registered'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => certificates.registerCertificate(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/certificates',
      tags,
      summary: "Look a certificate up by organization and number (public); an organization's staff may list theirs with organization alone",
      request: {
        query: z.object({ organization: z.string().uuid().optional(), number: z.string().trim().min(1).max(60).optional(), ...paginationQuery }),
      },
      responses: { 200: jsonContent(listOf(certificateSchema, 'CertificateList'), 'Matches'), ...writeErrorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await certificates.findCertificates(c.get('ctx'), { organizationId: q.organization, number: q.number, limit: q.limit, offset: q.offset }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/certificates/{id}',
      tags,
      summary: 'One certificate, public (what its QR code shows): holder, title, organization, date, valid or revoked',
      request: { params: idParam },
      responses: { 200: jsonContent(certificateSchema, 'Certificate'), ...errorResponses },
    }),
    async (c) => c.json(await certificates.getCertificate(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/certificates/{id}/revoke',
      tags,
      summary: 'Revoke a registered certificate with a reason (its page then says so)',
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(2000) }).openapi('CertificateRevocation')) },
      responses: { 200: jsonContent(certificateSchema, 'Revoked'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => certificates.revokeCertificate(ctx, c.req.valid('param').id, c.req.valid('json').reason)), 200),
  );
}

const batchRowSchema = z.object({
  row: z.number().int().openapi({ description: 'Line of the file (the header is line 1)' }),
  status: z.enum(['pending', 'issued', 'skipped', 'invalid', 'failed']).or(z.string()),
  name: z.string().nullable(),
  credentialId: z.string().nullable(),
  errors: z.array(z.object({ column: z.string(), key: z.string(), message: z.string() })),
});

const batchSchema = z
  .object({
    id: z.string(),
    specificationId: z.string(),
    organizationId: z.string(),
    status: z.string().openapi({ description: 'queued, running, completed or failed' }),
    partial: z.boolean(),
    total: z.number().int(),
    done: z.number().int(),
    issued: z.number().int(),
    skipped: z.number().int().openapi({ description: 'Rows whose learner and date were issued before (nothing issued twice)' }),
    invalid: z.number().int(),
    failed: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.string().nullable(),
    rows: z.array(batchRowSchema),
  })
  .openapi('CredentialBatch');

const batchJsonSchema = z
  .strictObject({
    specificationId: z.string().uuid(),
    csv: z.string().min(1).openapi({ description: 'CSV text: name, email, identifier, date (YYYY-MM-DD), grade' }),
    partial: z.boolean().default(false).openapi({ description: 'Issue the good rows even when some rows are bad' }),
  })
  .openapi('CredentialBatchInput');

const MAX_CSV_BYTES = 20 * 1024 * 1024;

function registerBatchRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credentials/batches',
      tags: ['Credential batches'],
      summary:
        'Issue credentials from a CSV of learners as a job. JSON {specificationId, csv, partial}, multipart (specificationId, partial, csv file) or a text/csv body with ?specification=&partial=. Every row is checked first: any bad row → 422 listing every bad row and nothing issued, unless partial. The same file again returns the first batch (200).',
      security: [{ bearer: [] }],
      request: {
        query: z.object({ specification: z.string().uuid().optional(), partial: booleanQuery.optional().openapi({ type: 'string', enum: ['true', 'false'] }) }),
        body: {
          required: false,
          content: {
            'application/json': { schema: batchJsonSchema },
            'text/csv': { schema: z.string().openapi({ description: 'The CSV file' }) },
          },
        },
      },
      responses: {
        202: jsonContent(batchSchema, 'Queued: follow GET /api/credentials/batches/{id}'),
        200: jsonContent(batchSchema, 'The same file was submitted before: that batch, nothing new issued'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      const query = c.req.valid('query');
      let input: batches.CreateBatchInput;
      if (type.includes('application/json')) {
        input = (c.req.valid as (t: 'json') => batches.CreateBatchInput)('json');
      } else if (type.includes('multipart/form-data')) {
        const form = await c.req.parseBody();
        const file = form.csv;
        const csv = typeof file === 'string' ? file : file instanceof File ? await file.text() : '';
        input = { specificationId: String(form.specificationId ?? query.specification ?? ''), csv, partial: String(form.partial ?? query.partial ?? 'false') === 'true' };
      } else {
        input = { specificationId: query.specification ?? '', csv: await c.req.text(), partial: query.partial ?? false };
      }
      if (!input.csv || input.csv.length > MAX_CSV_BYTES) throw new AppError('bad_request', 400, 'errors.product.batch.noFile');
      if (!/^[0-9a-f-]{36}$/i.test(input.specificationId)) {
        throw new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path: 'specificationId', messageKey: 'errors.field.required' }] });
      }
      const { batch, created } = await writeTx(c, (ctx) => batches.createBatch(ctx, input));
      return created ? c.json(batch, 202) : c.json(batch, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials/batches/{id}',
      tags: ['Credential batches'],
      summary: "A batch's progress (done of total) and the result of every row: the credential id, or why it was not issued",
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 200: jsonContent(batchSchema, 'The batch'), ...writeErrorResponses },
    }),
    async (c) => c.json(await batches.getBatch(c.get('ctx'), c.req.valid('param').id), 200),
  );
}

function registerSpecificationRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials/specifications',
      tags: specTags,
      summary: 'The public catalogue of active micro-credential specifications',
      request: {
        query: z.object({ organization: z.string().uuid().optional(), programme: z.string().uuid().optional(), ...paginationQuery }),
      },
      responses: { 200: jsonContent(listOf(specificationSchema, 'CredentialSpecificationList'), 'Specifications'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await specs.listSpecifications(c.get('ctx'), { organizationId: q.organization, programmeId: q.programme, limit: q.limit, offset: q.offset }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials/specifications/{id}',
      tags: specTags,
      summary: 'One micro-credential specification (withdrawn ones stay readable)',
      request: { params: idParam },
      responses: { 200: jsonContent(specificationSchema, 'Specification'), ...errorResponses },
    }),
    async (c) => c.json(await specs.getSpecification(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credentials/specifications',
      tags: specTags,
      summary: 'Create a specification: every EU 2022 mandatory element required; the issuer must be licensed, accredited or registered for its field and level',
      security: [{ bearer: [] }],
      request: jsonBody(specificationInputSchema),
      responses: { 201: jsonContent(specificationSchema, 'Created'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => specs.createSpecification(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/credentials/specifications/{id}',
      tags: specTags,
      summary: 'Change a specification; the result is checked as a whole again',
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(specificationPatchSchema) },
      responses: { 200: jsonContent(specificationSchema, 'Updated'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => specs.updateSpecification(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/credentials/specifications/{id}',
      tags: specTags,
      summary: 'Withdraw a specification: it stays readable but issues nothing more',
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 200: jsonContent(specificationSchema, 'Withdrawn'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => specs.withdrawSpecification(ctx, c.req.valid('param').id)), 200),
  );
}

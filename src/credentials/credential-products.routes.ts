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
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { importCertificates, previewCertificates } from './certificate-register.import.ts';
import {
  learnerCredentialSchema,
  programmeProgressSchema,
  recognitionDecisionInputSchema,
  recognitionRequestInputSchema,
  recognitionRequestSchema,
  shareLinkCreatedSchema,
  shareLinkSchema,
  sharedCredentialSchema,
} from './learner.schema.ts';
import * as learner from './learner.service.ts';
import { issueOne } from './specification.issue.ts';
import { dateSchema } from '../platform/http/openapi-common.ts';
import { AppError } from '../platform/errors.ts';
import { booleanQuery } from '../platform/http/query.ts';

const specTags = ['Micro-credential specifications'];

export function registerCredentialProductRoutes(app: Api): void {
  registerSpecificationRoutes(app);
  registerBatchRoutes(app);
  registerCertificateRoutes(app);
  registerLearnerRoutes(app);
}

function registerLearnerRoutes(app: Api): void {
  const tags = ['Learner'];
  const security = [{ bearer: [] }];
  const credentialParam = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me/credentials',
      tags,
      summary: "The signed-in learner's credentials (by account or by the e-mail they were issued to)",
      security,
      responses: { 200: jsonContent(listOf(learnerCredentialSchema, 'LearnerCredentialList'), 'Credentials'), ...writeErrorResponses },
    }),
    async (c) => c.json(await learner.myCredentials(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/me/credentials/{id}/share-links',
      tags,
      summary: 'Make an unguessable link to one of my credentials (the token is shown once)',
      security,
      request: { params: credentialParam },
      responses: { 201: jsonContent(shareLinkCreatedSchema, 'Link'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => learner.createShareLink(ctx, c.req.valid('param').id)), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me/share-links',
      tags,
      summary: 'My share links (without their tokens)',
      security,
      responses: { 200: jsonContent(z.array(shareLinkSchema), 'Links'), ...writeErrorResponses },
    }),
    async (c) => c.json(await learner.myShareLinks(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/me/share-links/{id}',
      tags,
      summary: 'Stop a share link from working',
      security,
      request: { params: idParam },
      responses: { 204: { description: 'Revoked' }, ...writeErrorResponses },
    }),
    async (c) => {
      await writeTx(c, (ctx) => learner.revokeShareLink(ctx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/shared/{token}',
      tags,
      summary: 'A credential shared by its learner: the signed credential and its current status',
      request: { params: z.object({ token: z.string().min(20).max(100).openapi({ param: { name: 'token', in: 'path' } }) }) },
      responses: { 200: jsonContent(sharedCredentialSchema, 'Credential'), ...errorResponses },
    }),
    async (c) => c.json(await learner.sharedCredential(c.get('ctx'), c.req.valid('param').token), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me/credits',
      tags,
      summary: 'Per programme: the credits my micro-credentials count toward it, against the credits it requires',
      security,
      responses: { 200: jsonContent(z.array(programmeProgressSchema), 'Credits per programme'), ...writeErrorResponses },
    }),
    async (c) => c.json(await learner.myCredits(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/me/recognition-requests',
      tags,
      summary: 'Ask the organization that runs a programme to recognise the credits my micro-credentials count toward it',
      security,
      request: jsonBody(recognitionRequestInputSchema),
      responses: { 201: jsonContent(recognitionRequestSchema, 'Request'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => learner.requestRecognition(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me/recognition-requests',
      tags,
      summary: 'My recognition requests and their decisions',
      security,
      responses: { 200: jsonContent(z.array(recognitionRequestSchema), 'Requests'), ...writeErrorResponses },
    }),
    async (c) => c.json(await learner.myRecognitionRequests(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/recognition-requests',
      tags,
      summary: "Requests to recognise credentials toward an organization's programmes (its staff with recognition.decide)",
      security,
      request: { query: z.object({ organization: z.string().uuid(), status: z.enum(['pending', 'recognised', 'refused']).optional() }) },
      responses: { 200: jsonContent(z.array(recognitionRequestSchema), 'Requests'), ...writeErrorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await learner.organizationRecognitionRequests(c.get('ctx'), q.organization, q.status), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/recognition-requests/{id}/decision',
      tags,
      summary: 'Recognise (all or some credits) or refuse a pending request; audited',
      security,
      request: { params: idParam, ...jsonBody(recognitionDecisionInputSchema) },
      responses: { 200: jsonContent(recognitionRequestSchema, 'Decided'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => learner.decideRecognition(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
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
  const certificateImportRequest = {
    query: z.object({
      organization: z.string().uuid().optional().openapi({ description: 'The organization, when the body is the file itself' }),
      encoding: z.string().max(40).optional().openapi({ description: 'The text encoding when detection should be overridden, e.g. windows-1251' }),
    }),
    // Not required in the schema: the JSON validator would then demand JSON of a text/csv body.
    body: {
      required: false,
      content: {
        'application/json': { schema: z.strictObject({ organizationId: z.string().uuid(), csv: z.string().min(1) }).openapi('CertificateImportInput') },
        'text/csv': { schema: z.string().openapi({ description: 'The CSV file (UTF-8, UTF-16 or Windows-1251; comma, semicolon or tab), with ?organization=' }) },
      },
    },
  };
  /** JSON text, or the file itself (bytes read by the importer's reader) with ?organization=. */
  const certificateSourceOf = async (c: Context<AppEnv>, query: { organization?: string; encoding?: string }) => {
    if ((c.req.header('content-type') ?? '').includes('application/json')) {
      const { organizationId, csv } = (c.req.valid as (t: 'json') => { organizationId: string; csv: string })('json');
      if (csv.length > MAX_CSV_BYTES) throw new AppError('bad_request', 400, 'errors.product.batch.noFile');
      return { organizationId, source: csv };
    }
    const file = new Uint8Array(await c.req.arrayBuffer());
    if (file.byteLength > MAX_CSV_BYTES) throw new AppError('bad_request', 400, 'errors.product.batch.noFile');
    if (!query.organization) throw new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path: 'organization', messageKey: 'errors.field.required' }] });
    return { organizationId: query.organization, source: { file, encoding: query.encoding } };
  };
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/certificates/import/preview',
      tags,
      summary: 'What a certificates CSV or XLSX would register, registering nothing: rows to create and every problem with its row, column and a localized message',
      security: [{ bearer: [] }],
      request: certificateImportRequest,
      responses: { 200: jsonContent(rowsPreviewSchema, 'The preview'), ...writeErrorResponses },
    }),
    async (c) => {
      const { organizationId, source } = await certificateSourceOf(c, c.req.valid('query'));
      return c.json(await previewCertificates(c.get('ctx'), organizationId, source), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/certificates/import',
      tags,
      summary: 'Register many certificates from a CSV (number, holder, title, date, validUntil): any bad row or known number → 422 listing every bad row, nothing imported',
      security: [{ bearer: [] }],
      request: certificateImportRequest,
      responses: { 201: jsonContent(z.object({ imported: z.number().int(), ids: z.array(z.string()) }).openapi('CertificateImport'), 'Imported'), ...writeErrorResponses },
    }),
    async (c) => {
      const { organizationId, source } = await certificateSourceOf(c, c.req.valid('query'));
      return c.json(await writeTx(c, (ctx) => importCertificates(ctx, organizationId, source)), 201);
    },
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
    rows: z.array(batchRowSchema).openapi({ description: `One page of the rows, in file order (${batches.BATCH_ROWS.default} unless \`limit\` says otherwise; empty in lists)` }),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page of rows; null when this page is the last' }),
  })
  .openapi('CredentialBatch');

const batchRowsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(batches.BATCH_ROWS.max)
    .default(batches.BATCH_ROWS.default)
    .openapi({ description: `Rows per page (1–${batches.BATCH_ROWS.max}, default ${batches.BATCH_ROWS.default}).` }),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/)
    .optional()
    .openapi({ description: "The previous page's nextCursor: rows after it. Absent → the first page." }),
});

const batchJsonSchema = z
  .strictObject({
    specificationId: z.string().uuid(),
    csv: z.string().min(1).openapi({ description: 'CSV text: name, email, identifier, date (YYYY-MM-DD), grade' }),
    partial: z.boolean().default(false).openapi({ description: 'Issue the good rows even when some rows are bad' }),
  })
  .openapi('CredentialBatchInput');

const MAX_CSV_BYTES = 20 * 1024 * 1024;

const batchQuery = z.object({
  specification: z.string().uuid().optional(),
  partial: booleanQuery.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
  encoding: z.string().max(40).optional().openapi({ description: 'The text encoding when detection should be overridden, e.g. windows-1251' }),
});
const batchBody = {
  required: false,
  content: {
    'application/json': { schema: batchJsonSchema },
    'text/csv': { schema: z.string().openapi({ description: 'The CSV file (UTF-8, UTF-16 or Windows-1251; comma, semicolon or tab)' }) },
    'multipart/form-data': {
      schema: z.object({ specificationId: z.string().uuid(), partial: z.enum(['true', 'false']).optional(), csv: z.any().openapi({ type: 'string', format: 'binary', description: 'The CSV or XLSX file' }) }),
    },
  },
};

/** The learners' file however it came: JSON text, a multipart file or a raw body (bytes read by the importer's reader). */
async function batchInputOf(c: Context<AppEnv>, query: z.infer<typeof batchQuery>): Promise<batches.CreateBatchInput> {
  const type = c.req.header('content-type') ?? '';
  let input: batches.CreateBatchInput;
  if (type.includes('application/json')) {
    input = (c.req.valid as (t: 'json') => batches.CreateBatchInput)('json');
  } else if (type.includes('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.csv;
    input = {
      specificationId: String(form.specificationId ?? query.specification ?? ''),
      ...(typeof file === 'string' ? { csv: file } : file instanceof File ? { file: new Uint8Array(await file.arrayBuffer()) } : {}),
      partial: String(form.partial ?? query.partial ?? 'false') === 'true',
    };
  } else {
    input = { specificationId: query.specification ?? '', file: new Uint8Array(await c.req.arrayBuffer()), partial: query.partial ?? false };
  }
  const size = input.file?.byteLength ?? input.csv?.length ?? 0;
  if (!size || size > MAX_CSV_BYTES) throw new AppError('bad_request', 400, 'errors.product.batch.noFile');
  if (!/^[0-9a-f-]{36}$/i.test(input.specificationId)) {
    throw new AppError('validation_failed', 422, 'errors.validationFailed', { issues: [{ path: 'specificationId', messageKey: 'errors.field.required' }] });
  }
  return { ...input, encoding: query.encoding };
}

export const rowsPreviewSchema = z
  .object({
    total: z.number().int(),
    create: z.number().int().openapi({ description: 'Rows that would be issued or registered' }),
    unchanged: z.number().int().openapi({ description: 'Rows already issued or registered: nothing happens to them' }),
    invalid: z.number().int(),
    rows: z.array(z.object({ row: z.number().int(), action: z.enum(['create', 'unchanged', 'invalid']), label: z.string() })),
    problems: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), key: z.string(), message: z.string() })),
  })
  .openapi('RowsPreview');

function registerBatchRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credentials/batches/preview',
      tags: ['Credential batches'],
      summary:
        'What a CSV or XLSX of learners would do, issuing nothing: rows to issue, rows already issued, and every problem with its row, column and a localized message. The same bodies as POST /api/credentials/batches.',
      security: [{ bearer: [] }],
      request: { query: batchQuery, body: batchBody },
      responses: { 200: jsonContent(rowsPreviewSchema, 'The preview'), ...writeErrorResponses },
    }),
    async (c) => {
      const input = await batchInputOf(c, c.req.valid('query'));
      return c.json(await batches.previewBatch(c.get('ctx'), input), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credentials/batches',
      tags: ['Credential batches'],
      summary:
        'Issue credentials from a CSV of learners as a job. JSON {specificationId, csv, partial}, multipart (specificationId, partial, csv file) or a text/csv body with ?specification=&partial=. Every row is checked first: any bad row → 422 listing every bad row and nothing issued, unless partial. The same file again returns the first batch (200).',
      security: [{ bearer: [] }],
      request: { query: batchQuery, body: batchBody },
      responses: {
        202: jsonContent(batchSchema, 'Queued: follow GET /api/credentials/batches/{id}'),
        200: jsonContent(batchSchema, 'The same file was submitted before: that batch, nothing new issued'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const input = await batchInputOf(c, c.req.valid('query'));
      const { batch, created } = await writeTx(c, (ctx) => batches.createBatch(ctx, input));
      return created ? c.json(batch, 202) : c.json(batch, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials/batches',
      tags: ['Credential batches'],
      summary: "An organization's batches, newest first, with their progress (rows omitted)",
      security: [{ bearer: [] }],
      request: { query: z.object({ organization: z.string().uuid(), specification: z.string().uuid().optional(), ...paginationQuery }) },
      responses: { 200: jsonContent(listOf(batchSchema, 'CredentialBatchList'), 'Batches'), ...writeErrorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await batches.listBatches(c.get('ctx'), { organizationId: q.organization, specificationId: q.specification, limit: q.limit, offset: q.offset }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials/batches/{id}',
      tags: ['Credential batches'],
      summary: "A batch's progress (done of total) and the result of its rows a page at a time: the credential id, or why it was not issued",
      description: `Rows come in file order, ${batches.BATCH_ROWS.default} a page unless \`limit\` asks otherwise (at most ${batches.BATCH_ROWS.max}); follow \`nextCursor\` with \`cursor\` until it is null.`,
      security: [{ bearer: [] }],
      request: { params: idParam, query: batchRowsQuery },
      responses: { 200: jsonContent(batchSchema, 'The batch'), ...writeErrorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await batches.getBatch(c.get('ctx'), c.req.valid('param').id, { limit: q.limit, cursor: q.cursor ? Number(q.cursor) : undefined }), 200);
    },
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
      method: 'post',
      path: '/api/credentials/specifications/{id}/issue',
      tags: specTags,
      summary: 'Issue the micro-credential to one learner (same checks and idempotency key as a batch row: the same learner and date again returns the first credential)',
      security: [{ bearer: [] }],
      request: {
        params: idParam,
        ...jsonBody(
          z
            .strictObject({
              name: z.string().trim().min(1).max(300),
              email: z.string().email().nullish(),
              identifier: z.string().trim().min(1).max(100).nullish(),
              awardedOn: dateSchema,
            })
            .openapi('SpecificationIssueInput'),
        ),
      },
      responses: {
        201: jsonContent(z.object({ id: z.string(), status: z.string(), created: z.boolean(), credential: z.record(z.string(), z.unknown()) }).openapi('SpecificationIssued'), 'Issued (created false: issued before)'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const issued = await writeTx(c, (ctx) => issueOne(ctx, c.req.valid('param').id, c.req.valid('json')));
      return c.json({ id: issued.id, status: issued.status, created: issued.created, credential: issued.credential }, 201);
    },
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

// Credentials API: issuer keys and did:web, issuance, status lists,
// verification, VC API; it also mounts the product routes (specifications, batches, certificates).
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../platform/errors.ts';
import type { Api } from '../platform/http/env.ts';
import { bodyErrorResponses, errorResponses, idParam, jsonContent, listOf, orNull, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import {
  credentialSummarySchema,
  issuedSchema,
  issueInputSchema,
  issuerKeySchema,
  jsonObjectSchema,
  publicCredentialSchema,
  statusChangeInputSchema,
  statusChangeSchema,
  verificationReportSchema,
} from './credential.schema.ts';
import * as credentials from './credential.service.ts';
import { registerCredentialProductRoutes } from './credential-products.routes.ts';
import * as keys from './keys.service.ts';
import { changeCredentialStatus, getStatusList } from './status-list.service.ts';
import { registerVcApiRoutes } from './vc-api.routes.ts';
import { verifyCredential } from './verify.service.ts';

const tags = ['Credentials'];

/** Status lists change only on revocation or suspension; a short max-age keeps verifiers current. */
const STATUS_LIST_MAX_AGE = 300;

export function registerCredentialRoutes(app: Api): void {
  // First: the products' literal paths (/api/credentials/specifications, …) must win over /api/credentials/{id}.
  registerCredentialProductRoutes(app);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/issuers/{org}/did.json',
      tags,
      summary: "An issuing organization's did:web document (every key it has had, as Multikey)",
      request: {
        params: z.object({
          org: z
            .string()
            .min(1)
            .max(200)
            .openapi({ param: { name: 'org', in: 'path' }, description: 'Organization key or id' }),
        }),
      },
      responses: { 200: jsonContent(jsonObjectSchema, 'DID document'), ...errorResponses },
    }),
    async (c) => {
      const org = c.req.valid('param').org;
      const doc = await keys.issuerDidDocument(c.get('ctx').db, org, c.req.header('host'));
      if (!doc) throw notFound('did', org);
      c.header('cache-control', `public, max-age=${STATUS_LIST_MAX_AGE}`);
      return c.json(doc, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organizations/{id}/issuer-keys',
      tags,
      summary: "The organization's issuer keys, current and rotated (public keys only)",
      request: { params: idParam },
      responses: { 200: jsonContent(z.array(issuerKeySchema), 'Keys, oldest first'), ...errorResponses },
    }),
    async (c) => c.json(await keys.listIssuerKeys(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organizations/{id}/issuer-keys/rotate',
      tags,
      summary: 'Rotate the issuer key: a new key signs from now on; the old one still verifies what it signed (issuer-key.manage)',
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: {
        200: jsonContent(z.object({ retired: orNull(issuerKeySchema), current: issuerKeySchema }).openapi('IssuerKeyRotation'), 'Rotated'),
        ...writeErrorResponses,
      },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => keys.rotateIssuerKey(ctx, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credentials',
      tags,
      summary: 'Issue one Open Badges 3.0 credential, signed with the organization key (credential.issue)',
      security: [{ bearer: [] }],
      request: jsonBody(issueInputSchema),
      responses: {
        201: jsonContent(issuedSchema, 'Issued'),
        200: jsonContent(issuedSchema, 'Already issued with this idempotency key'),
        ...writeErrorResponses,
      },
    }),
    async (c) => {
      const issued = await writeTx(c, (ctx) => credentials.issueCredential(ctx, c.req.valid('json')));
      return issued.created ? c.json(issued, 201) : c.json(issued, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials',
      tags,
      summary: "An organization's issued credentials (its staff)",
      security: [{ bearer: [] }],
      request: {
        query: z.object({
          organization: z.string().uuid(),
          status: z.enum(['active', 'revoked', 'suspended']).optional(),
          specification: z.string().uuid().optional(),
          ...paginationQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(credentialSummarySchema, 'CredentialList'), 'Credentials, newest first'), ...writeErrorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const result = await credentials.listOrganizationCredentials(c.get('ctx'), {
        organizationId: q.organization,
        status: q.status,
        specificationId: q.specification,
        limit: q.limit,
        offset: q.offset,
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials/{id}',
      tags,
      summary: 'One credential with its current status (public: the link is what the learner shares)',
      request: { params: idParam },
      responses: { 200: jsonContent(publicCredentialSchema, 'The credential'), ...errorResponses },
    }),
    async (c) => {
      const row = await credentials.getCredential(c.get('ctx').db, c.req.valid('param').id);
      return c.json(
        {
          id: row.id,
          organizationId: row.organization_id,
          learnerName: row.learner_name,
          achievementName: row.achievement_name,
          validFrom: row.valid_from.toISOString(),
          validUntil: row.valid_until?.toISOString() ?? null,
          issuedAt: row.issued_at.toISOString(),
          status: row.status,
          statusReason: row.status_reason,
          isSynthetic: row.is_synthetic,
          credential: row.credential,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials/{id}/vc',
      tags,
      summary: 'The verifiable credential itself, as issued (JSON-LD download)',
      request: { params: idParam },
      responses: { 200: { description: 'The signed credential', content: { 'application/vc+ld+json': { schema: jsonObjectSchema } } }, ...errorResponses },
    }),
    async (c) => {
      const row = await credentials.getCredential(c.get('ctx').db, c.req.valid('param').id);
      // 'Content-Type' spelled as c.json spells its default, so this one replaces it.
      return c.json(row.credential, 200, {
        'Content-Type': 'application/vc+ld+json; charset=utf-8',
        'content-disposition': `attachment; filename="credential-${row.id}.json"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/credentials/{id}/status',
      tags,
      summary: 'Revoke (final), suspend or reinstate a credential, with a reason (credential.revoke)',
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(statusChangeInputSchema) },
      responses: { 200: jsonContent(statusChangeSchema, 'New status'), ...writeErrorResponses },
    }),
    async (c) => {
      const { action, reason } = c.req.valid('json');
      return c.json(await writeTx(c, (ctx) => changeCredentialStatus(ctx, c.req.valid('param').id, action, reason ?? null)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/verify',
      tags,
      summary: 'Verify a credential (public): each check with a message, and a verdict in plain words. Fetches nothing but the DID documents of allow-listed did:web issuers (TRUSTED_DID_WEB).',
      request: jsonBody(jsonObjectSchema),
      responses: { 200: jsonContent(verificationReportSchema, 'Verification report'), ...errorResponses, ...bodyErrorResponses },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await verifyCredential(ctx.db, c.req.valid('json'), { lang: ctx.lang }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/status-lists/{id}',
      tags,
      summary: 'A signed BitstringStatusListCredential (revocation or suspension), at a stable URL',
      request: { params: idParam },
      responses: {
        200: { description: 'Status list credential', content: { 'application/vc+ld+json': { schema: jsonObjectSchema } } },
        304: { description: 'Not modified (If-None-Match)' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const list = await getStatusList(c.get('ctx').db, id);
      if (!list) throw notFound('status-list', id);
      const headers = {
        etag: list.etag,
        'cache-control': `public, max-age=${STATUS_LIST_MAX_AGE}, must-revalidate`,
        'last-modified': list.updatedAt.toUTCString(),
      };
      const match = c.req.header('if-none-match');
      if (match?.split(',').some((tag) => tag.trim() === list.etag)) return c.body(null, 304, headers);
      return c.body(JSON.stringify(list.credential), 200, { ...headers, 'content-type': 'application/vc+ld+json; charset=utf-8' });
    },
  );

  registerVcApiRoutes(app);
}

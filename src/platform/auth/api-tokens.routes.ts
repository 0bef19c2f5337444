// API tokens: issue one for yourself, list yours (or your organization's, as its org-admin), revoke.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/env.ts';
import { errorResponses, idParam, jsonContent, writeErrorResponses, writeTx } from '../http/openapi-common.ts';
import { API_TOKEN_DAYS } from './auth.service.ts';
import { issueOwnApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    userId: z.string(),
    userName: z.string(),
    userEmail: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    state: z.enum(['active', 'expired', 'revoked']),
  })
  .openapi('ApiToken');

const newTokenSchema = z.object({
  name: z.string().trim().min(1).max(200).openapi({ description: 'What the token is for.' }),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_DAYS.max).default(API_TOKEN_DAYS.default).openapi({ description: `Days until it expires (1–${API_TOKEN_DAYS.max}).` }),
});

export function registerApiTokenRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags: ['Access'],
      summary: "Your API tokens, or with organizationId (its org-admin, or the ministry) those of everyone working in that organization; secrets are never shown",
      request: { query: z.object({ organizationId: z.string().uuid().optional() }) },
      responses: { 200: jsonContent(z.object({ items: z.array(tokenSchema) }).openapi('ApiTokenList'), 'Tokens, newest first'), ...writeErrorResponses },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('query');
      return c.json({ items: await listApiTokens(c.get('ctx'), { organizationId }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags: ['Access'],
      summary: `Issue an API token for yourself, valid ${API_TOKEN_DAYS.default} days unless said otherwise (at most ${API_TOKEN_DAYS.max}); the secret is shown once`,
      request: { body: { content: { 'application/json': { schema: newTokenSchema } }, required: true } },
      responses: { 201: jsonContent(z.object({ token: z.string(), apiToken: tokenSchema }).openapi('IssuedApiToken'), 'Issued'), ...writeErrorResponses },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const { token, view } = await writeTx(c, (ctx) => issueOwnApiToken(ctx, input));
      return c.json({ token, apiToken: view }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens/{id}/revoke',
      tags: ['Access'],
      summary: 'Revoke an API token at once: its owner, an org-admin of an organization the owner works in, or the ministry',
      request: { params: idParam },
      responses: { 200: jsonContent(tokenSchema, 'Revoked (revoking again changes nothing)'), ...writeErrorResponses, 404: errorResponses[404] },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await writeTx(c, (ctx) => revokeApiToken(ctx, id)), 200);
    },
  );
}

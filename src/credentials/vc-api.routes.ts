// W3C CCG VC API endpoints under /vc: issue (token), verify credential, verify presentation,
// status updates. Errors are JSON (problem+json with status 400 for malformed input), as the
// VC API test suites expect, even though /vc is outside /api.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../platform/errors.ts';
import type { Api, AppEnv } from '../platform/http/env.ts';
import { writeTx } from '../platform/http/openapi-common.ts';
import { problemFor } from '../platform/http/problem.ts';
import { jsonObjectSchema } from './credential.schema.ts';
import { issueGivenCredential } from './credential.service.ts';
import { changeCredentialStatus } from './status-list.service.ts';
import { createChallenge } from './challenge.service.ts';
import { PRESENTATION_CHECKS } from './presentation.service.ts';
import {
  badRequest,
  checkedOptions,
  credentialUuid,
  issueCryptosuite,
  issuingOrganization,
  statusActionOf,
  vcApiActor,
  verifyForVcApi,
  verifyPresentationForVcApi,
} from './vc-api.service.ts';

const tags = ['VC API'];

const problemContent = {
  'application/problem+json': { schema: z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }).passthrough() },
};
const vcErrors = {
  400: { description: 'Malformed input', content: problemContent },
  401: { description: 'Token required', content: problemContent },
  403: { description: 'The token may not do this', content: problemContent },
  404: { description: 'Unknown credential', content: problemContent },
};

const problemItem = z.object({ type: z.string(), title: z.string(), detail: z.string() });
const verificationResult = z
  .object({
    verified: z.boolean(),
    checks: z.array(z.string()),
    warnings: z.array(problemItem),
    errors: z.array(problemItem),
    verdict: z.string(),
    summary: z.string(),
  })
  .openapi('VcApiVerificationResult');

const presentationResult = z
  .object({
    verified: z.boolean(),
    checks: z.array(z.string()),
    warnings: z.array(problemItem),
    errors: z.array(problemItem),
    holder: z.string().nullable(),
    presentationResult: z.array(
      z.object({ check: z.enum(PRESENTATION_CHECKS), ok: z.boolean(), message: z.string(), key: z.string(), params: z.record(z.string(), z.string()) }),
    ),
    credentialResults: z.array(verificationResult),
  })
  .openapi('VcApiPresentationVerificationResult');

function vcProblem(c: Context<AppEnv>, error: unknown): Response {
  const appError =
    error instanceof AppError
      ? error
      : error instanceof HTTPException && error.status < 500
        ? new AppError('bad_request', 400, 'errors.credential.malformed', { params: { message: error.message } })
        : new AppError('internal', 500, 'errors.internal');
  if (appError.code === 'internal') c.get('ctx')?.log.error({ err: error }, 'VC API error');
  const problem = problemFor(appError, c.get('ctx')?.lang ?? 'en', c.req.path, c.get('requestId') ?? null);
  // The VC API has no 422: any invalid input is a 400.
  const status = appError.status === 422 ? 400 : appError.status;
  return c.body(JSON.stringify({ ...problem, status }), status as 400, { 'content-type': 'application/problem+json; charset=utf-8' });
}

/** Schema failures of a VC API body are 400s with the problem listed (the /vc middleware renders them). */
// biome-ignore lint/suspicious/noExplicitAny: the validation hook of @hono/zod-openapi is typed per route
const hook = (result: any): undefined => {
  if (!result.success)
    throw badRequest(result.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
};

const bearerOf = (c: Context<AppEnv>) => {
  const header = c.req.header('authorization');
  return header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : undefined;
};

const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export function registerVcApiRoutes(app: Api): void {
  // Registered before the routes so it wraps them: errors thrown anywhere below become JSON.
  app.use('/vc/*', async (c, next) => {
    await next();
    if (c.error) c.res = vcProblem(c, c.error);
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/vc/credentials/issue',
      tags,
      summary: 'Issue (sign) a credential as the organization of the bearer token (credential.issue). Demo mode: token sapa-demo-issuer.',
      security: [{ bearer: [] }],
      request: body(z.object({ credential: jsonObjectSchema, options: z.record(z.string(), z.unknown()).optional() }).openapi('VcApiIssueRequest')),
      responses: {
        201: { description: 'Issued', content: { 'application/json': { schema: z.object({ verifiableCredential: jsonObjectSchema }) } } },
        ...vcErrors,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const actor = await vcApiActor(ctx, bearerOf(c));
      const { credential, options } = c.req.valid('json');
      const cryptosuite = issueCryptosuite(options);
      const issued = await writeTx(c, async (trx) => {
        const acting = { ...trx, actor };
        return issueGivenCredential(acting, await issuingOrganization(acting, credential.issuer), credential, { cryptosuite });
      });
      return c.json({ verifiableCredential: issued.credential }, 201);
    },
    hook,
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/vc/credentials/verify',
      tags,
      summary: 'Verify a credential: 200 when it verifies, 400 with the failed checks when it does not (public)',
      request: body(
        z.object({ verifiableCredential: jsonObjectSchema, options: z.record(z.string(), z.unknown()).optional() }).openapi('VcApiVerifyCredentialRequest'),
      ),
      responses: {
        200: { description: 'Verified', content: { 'application/json': { schema: verificationResult } } },
        400: {
          description: 'Did not verify (errors lists why; application/json), or malformed (application/problem+json)',
          content: { 'application/json': { schema: verificationResult }, ...problemContent },
        },
      },
    }),
    async (c) => {
      const { verifiableCredential, options } = c.req.valid('json');
      checkedOptions(options, []);
      const result = await verifyForVcApi(c.get('ctx'), verifiableCredential);
      return result.verified ? c.json(result, 200) : c.json(result, 400);
    },
    hook,
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/vc/presentations/verify',
      tags,
      summary:
        "Verify a presentation: the holder's proof (authentication; options.challenge and options.domain must match when given), holder binding and every credential (public)",
      request: body(
        z.object({ verifiablePresentation: jsonObjectSchema, options: z.record(z.string(), z.unknown()).optional() }).openapi('VcApiVerifyPresentationRequest'),
      ),
      responses: {
        200: { description: 'The presentation verified', content: { 'application/json': { schema: presentationResult } } },
        400: {
          description: 'A check failed: errors names it (application/json), or malformed (application/problem+json)',
          content: { 'application/json': { schema: presentationResult }, ...problemContent },
        },
      },
    }),
    async (c) => {
      const { verifiablePresentation, options } = c.req.valid('json');
      const result = await verifyPresentationForVcApi(c.get('ctx'), verifiablePresentation, options);
      return result.verified ? c.json(result, 200) : c.json(result, 400);
    },
    hook,
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/vc/challenges',
      tags,
      summary: 'A challenge for a presentation: valid ten minutes, accepted by one verification (public)',
      responses: {
        201: {
          description: 'Created',
          content: { 'application/json': { schema: z.object({ challenge: z.string(), expires: z.string() }).openapi('VcApiChallenge') } },
        },
      },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => createChallenge(ctx.db)), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/vc/credentials/status',
      tags,
      summary: 'Update the status of a credential: revoked, suspended, or active again (credential.revoke)',
      security: [{ bearer: [] }],
      request: body(
        z
          .object({
            credentialId: z.string().min(1),
            credentialStatus: z.array(z.object({ type: z.string(), status: z.string() })).min(1),
            reason: z.string().max(1000).optional().openapi({ description: 'Sapa extension: the reason recorded and shown to verifiers' }),
          })
          .openapi('VcApiStatusRequest'),
      ),
      responses: { 200: { description: 'Updated', content: { 'application/json': { schema: jsonObjectSchema } } }, ...vcErrors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const actor = await vcApiActor(ctx, bearerOf(c));
      const input = c.req.valid('json');
      const uuid = credentialUuid(input.credentialId);
      const actions = input.credentialStatus.map((s) => statusActionOf(s.status));
      if (actions.some((a) => a === null)) throw badRequest('status must be revoked, suspended or active');
      const results = await writeTx(c, async (trx) => {
        const acting = { ...trx, actor };
        const out = [];
        for (const action of actions)
          out.push(await changeCredentialStatus(acting, uuid, action as NonNullable<typeof action>, input.reason ?? `VC API: ${action}`));
        return out;
      });
      const last = results.at(-1);
      return c.json(
        { credentialId: input.credentialId, credentialStatus: input.credentialStatus, status: last?.status ?? null, reason: last?.reason ?? null },
        200,
      );
    },
    hook,
  );
}

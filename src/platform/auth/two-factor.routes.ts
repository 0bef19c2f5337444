// Enrolling in TOTP two-factor sign-in through the API (the workspace has a page for it too).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/env.ts';
import { jsonContent, writeErrorResponses, writeTx } from '../http/openapi-common.ts';
import { confirmTwoFactor, startTwoFactorEnrolment } from './two-factor.ts';

const enrolmentSchema = z
  .object({ secret: z.string().openapi({ description: 'Base32 secret for the authenticator app' }), uri: z.string().openapi({ description: 'otpauth:// address (what the QR code holds)' }) })
  .openapi('TwoFactorEnrolment');

export function registerTwoFactorRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/two-factor/enrolment',
      tags: ['Access'],
      summary: 'Start two-factor sign-in: a new TOTP secret for the signed-in user, on once confirmed with a code',
      security: [{ bearer: [] }],
      responses: { 200: jsonContent(enrolmentSchema, 'The secret and its otpauth:// address'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => startTwoFactorEnrolment(ctx)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/two-factor/confirmation',
      tags: ['Access'],
      summary: 'Turn two-factor sign-in on with a current code; answers ten one-time recovery codes, shown only now',
      security: [{ bearer: [] }],
      request: { body: { content: { 'application/json': { schema: z.strictObject({ code: z.string().max(20) }) } }, required: true } },
      responses: { 200: jsonContent(z.object({ recoveryCodes: z.array(z.string()) }).openapi('RecoveryCodes'), 'Two-factor sign-in is on'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => confirmTwoFactor(ctx, c.req.valid('json').code)), 200),
  );
}

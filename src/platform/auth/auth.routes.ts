// Sign-in and sign-out (session cookie) and "who am I".
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../http/env.ts';
import { errorResponses, jsonContent, writeErrorResponses } from '../http/openapi-common.ts';
import { endSession, startSession } from '../http/session-cookie.ts';
import { registerTwoFactorRoutes } from './two-factor.routes.ts';

const meSchema = z
  .object({
    authenticated: z.boolean(),
    userId: z.string().nullable(),
    name: z.string().nullable(),
    roles: z.array(z.object({ role: z.string(), organizationId: z.string().nullable() })),
  })
  .openapi('Me');

export function registerAuthRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      tags: ['Access'],
      summary: 'Sign in with e-mail and password; sets an httpOnly session cookie',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({
                email: z.string().email().max(320),
                password: z.string().min(1).max(200),
                code: z.string().max(20).optional().openapi({ description: 'With two-factor sign-in on: the code from the authenticator app, or a recovery code' }),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 200: jsonContent(z.object({ userId: z.string(), expiresAt: z.string() }), 'Signed in'), ...writeErrorResponses },
    }),
    async (c) => {
      const { email, password, code } = c.req.valid('json');
      const session = await startSession(c, email, password, code);
      return c.json({ userId: session.userId, expiresAt: session.expiresAt.toISOString() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      tags: ['Access'],
      summary: 'Sign out: ends the session',
      responses: { 204: { description: 'Signed out' }, 400: errorResponses[400] },
    }),
    async (c) => {
      await endSession(c);
      return c.body(null, 204);
    },
  );

  registerTwoFactorRoutes(app);

  app.openapi(
    createRoute({ method: 'get', path: '/api/auth/me', tags: ['Access'], summary: 'The current actor', responses: { 200: jsonContent(meSchema, 'Actor') } }),
    (c) => {
      const { actor } = c.get('ctx');
      return c.json(
        actor.kind === 'user'
          ? { authenticated: true, userId: actor.userId, name: actor.label, roles: actor.roles }
          : { authenticated: false, userId: null, name: null, roles: [] },
        200,
      );
    },
  );
}

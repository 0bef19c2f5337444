// API of the state control calendar: the authority's calendar with filters, one organization's
// due controls and results, and recording a result (the authority).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { jsonContent, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { calendarQuerySchema, calendarRowSchema, resultInputSchema, resultSchema } from './state-control.schema.ts';
import { organizationStateControl, recordStateControlResult, stateControlCalendar } from './state-control.service.ts';

const tags = ['Oversight'];
const security = [{ bearer: [] }];
const organizationParam = z.object({ organizationId: z.string().uuid().openapi({ param: { name: 'organizationId', in: 'path' } }) });

export function registerStateControlRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oversight/state-control',
      tags,
      summary: 'The state control calendar: every due control of every organization, soonest first, with days left (negative: overdue) (the ministry)',
      security,
      request: { query: calendarQuerySchema },
      responses: { 200: jsonContent(z.object({ items: z.array(calendarRowSchema) }), 'Due controls'), ...writeErrorResponses },
    }),
    async (c) => c.json({ items: await stateControlCalendar(c.get('ctx'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oversight/state-control/{organizationId}',
      tags,
      summary: "An organization's due controls and its state control results, newest first (the ministry; the organization's staff)",
      security,
      request: { params: organizationParam },
      responses: {
        200: jsonContent(z.object({ organizationId: z.string().uuid(), dues: z.array(calendarRowSchema), results: z.array(resultSchema), canRecord: z.boolean() }), 'Its calendar'),
        ...writeErrorResponses,
      },
    }),
    async (c) => c.json(await organizationStateControl(c.get('ctx'), c.req.valid('param').organizationId), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/oversight/state-control/{organizationId}/results',
      tags,
      summary: 'Record the result of a state control of the organization; its next due day of that kind follows from it (the ministry)',
      security,
      request: { params: organizationParam, ...jsonBody(resultInputSchema) },
      responses: { 201: jsonContent(resultSchema, 'Recorded'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => recordStateControlResult(ctx, c.req.valid('param').organizationId, c.req.valid('json'))), 201),
  );
}

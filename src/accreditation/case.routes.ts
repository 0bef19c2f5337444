// API of accreditation cases: open, list, read, and take a step of the workflow.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { etagResponseHeader, ifMatchHeader, ifMatchOf, setEtag } from '../platform/http/etag.ts';
import { errorResponses, idParam, jsonContent, listOf, paginationQuery, versionedWriteResponses, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { booleanQuery } from '../platform/http/query.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { CASE_ACTIONS, CASE_STATES } from './case-states.ts';
import { actionPayloadSchema, caseDetailSchema, caseInputSchema, caseSummarySchema, workflowSchema } from './case.schema.ts';
import * as service from './case.service.ts';

const tags = ['Accreditation cases'];

export function registerCaseRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/case-workflow',
      tags,
      summary: 'The case state machine: states, actions with who takes them, required payload and preconditions',
      responses: { 200: jsonContent(workflowSchema, 'Workflow') },
    }),
    (c) => c.json(service.workflow(), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/cases',
      tags,
      summary: "Open a case (the applicant's admin). Refused with 422 and every reason when the body's Register 1 recognition does not cover the scope.",
      security: [{ bearer: [] }],
      request: jsonBody(caseInputSchema),
      responses: { 201: { ...jsonContent(caseSummarySchema, 'Created in draft'), headers: etagResponseHeader }, ...writeErrorResponses },
    }),
    async (c) => {
      const created = await writeTx(c, (ctx) => service.createCase(ctx, c.req.valid('json')));
      setEtag(c, created);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/cases',
      tags,
      summary: "Cases the caller may see: the applicant its own, a body's staff their body's, experts their assignments, the ministry all",
      security: [{ bearer: [] }],
      request: {
        query: z.object({
          state: z.enum(CASE_STATES).optional(),
          kind: z.enum(['institutional', 'programme']).optional(),
          body: z.string().uuid().optional(),
          organization: z.string().uuid().optional(),
          overdue: booleanQuery.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Only cases with an overdue step' }),
          ...paginationQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(caseSummarySchema, 'CaseList'), 'Cases'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await service.listCases(c.get('ctx'), { ...q, bodyId: q.body, organizationId: q.organization }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/cases/{id}',
      tags,
      summary: 'One case: state, the next actions this caller may take, deadlines (overdue flagged) and events',
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 200: { ...jsonContent(caseDetailSchema, 'The case'), headers: etagResponseHeader }, ...errorResponses },
    }),
    async (c) => {
      const found = await service.getCase(c.get('ctx'), c.req.valid('param').id);
      setEtag(c, found);
      return c.json(found, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/cases/{id}/actions/{action}',
      tags,
      summary:
        'Take a step. 403 when the role may not; 409 invalid_transition with allowedNext when the state does not allow it; 422 listing missing payload; 409 listing unmet preconditions; 412 when If-Match names an older version of the case.',
      security: [{ bearer: [] }],
      request: {
        params: idParam.extend({ action: z.enum(CASE_ACTIONS as [string, ...string[]]).openapi({ param: { name: 'action', in: 'path' } }) }),
        headers: ifMatchHeader,
        body: { content: { 'application/json': { schema: actionPayloadSchema } }, required: false },
      },
      responses: { 200: { ...jsonContent(caseDetailSchema, 'The case after the step'), headers: etagResponseHeader }, ...versionedWriteResponses },
    }),
    async (c) => {
      const { id, action } = c.req.valid('param');
      const payload = (c.req.valid('json') as z.infer<typeof actionPayloadSchema> | undefined) ?? {};
      const after = await writeTx(c, (ctx) => service.takeAction(ctx, id, action as (typeof CASE_ACTIONS)[number], payload, { expected: ifMatchOf(c) }));
      setEtag(c, after);
      return c.json(after, 200);
    },
  );
}

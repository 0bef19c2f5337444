// API of QA-system failures ("bankruptcy") and recovery: declare, the recovery plan, progress
// reports, closing; the list and one failure for the authority and the organization; and the
// public fact of an active failure on an organization (decision 153).
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../platform/errors.ts';
import type { Api } from '../platform/http/env.ts';
import { organizationById } from '../registry/registry.api.ts';
import { idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { activeQaFailureOf } from './oversight.api.ts';
import { FAILURE_STATES } from './qa-failure.rules.ts';
import { closeSchema, failureDeclareSchema, failureSchema, failureSummarySchema, planSaveSchema, publicFailureSchema, reportSchema } from './qa-failure.schema.ts';
import * as service from './qa-failure.service.ts';

const tags = ['Oversight'];
const security = [{ bearer: [] }];
const base = '/api/oversight/qa-failures';

export function registerQaFailureRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: "QA-system failures the caller may read (the ministry: all; an organization's staff: their own), newest first",
      security,
      request: { query: z.object({ organizationId: z.string().uuid().optional(), state: z.enum(FAILURE_STATES).optional(), ...paginationQuery }) },
      responses: { 200: jsonContent(listOf(failureSummarySchema, 'QaFailureList'), 'Failures'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.listFailures(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary:
        'Declare the failure of an organization\'s internal QA system (secondary, TVET, higher education only): the ministry on a high latest risk score, or the organization\'s admin for itself or its founders',
      security,
      request: jsonBody(failureDeclareSchema),
      responses: { 201: jsonContent(failureSchema, 'Declared'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.declareFailure(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'One failure: the declaration, the recovery plan, the progress reports and the history',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(failureSchema, 'The failure'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.getFailure(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/{id}/plan`,
      tags,
      summary: 'Save the whole recovery plan of an active failure: measures (risk management, financial, advisory, regulatory) with owner, deadline and status',
      security,
      request: { params: idParam, ...jsonBody(planSaveSchema) },
      responses: { 200: jsonContent(failureSchema, 'Saved'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.savePlan(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/reports`,
      tags,
      summary: 'Append a progress report to an active failure (the organization or the ministry); reports are never changed',
      security,
      request: { params: idParam, ...jsonBody(reportSchema) },
      responses: { 201: jsonContent(failureSchema, 'Reported'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.addReport(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/close`,
      tags,
      summary: 'Close an active failure (the ministry): recovered once every measure is done or dropped, or closed otherwise with the reason',
      security,
      request: { params: idParam, ...jsonBody(closeSchema) },
      responses: { 200: jsonContent(failureSchema, 'Closed'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.closeFailure(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organizations/{id}/qa-failure',
      tags,
      summary: "The organization's active QA-system failure as the public may see it (the fact, date, level, declarant kind, the plan's deadlines), or null",
      request: { params: idParam },
      responses: { 200: jsonContent(z.object({ active: publicFailureSchema.nullable() }), 'The public fact'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const db = c.get('ctx').db;
      if (!(await organizationById(db, id))) throw notFound('organization', id);
      return c.json({ active: await activeQaFailureOf(db, id) }, 200);
    },
  );
}

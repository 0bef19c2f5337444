// API of oversight: internal QA self-assessments (the organization assesses and submits, the ministry
// reviews), the risk view, QA-system failures and their recovery.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { assessmentCreateSchema, assessmentReviewSchema, assessmentSaveSchema, assessmentSchema, assessmentSummarySchema } from './internal-qa.schema.ts';
import * as service from './internal-qa.service.ts';
import { registerInternalQaEvidenceRoutes } from './internal-qa-evidence.routes.ts';
import { registerQaFailureRoutes } from './qa-failure.routes.ts';
import { registerRiskRoutes } from './risk.routes.ts';
import { registerStateControlRoutes } from './state-control.routes.ts';

const tags = ['Oversight'];
const security = [{ bearer: [] }];
const base = '/api/oversight/internal-qa-assessments';

export function registerOversightRoutes(app: Api): void {
  registerInternalQaEvidenceRoutes(app);
  registerRiskRoutes(app);
  registerStateControlRoutes(app);
  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: "Internal QA self-assessments the caller may read (the ministry: all; an organization's staff: their own)",
      security,
      request: {
        query: z.object({
          organizationId: z.string().uuid().optional(),
          state: z.enum(['draft', 'submitted', 'returned', 'accepted']).optional(),
          ...paginationQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(assessmentSummarySchema, 'InternalQaAssessmentList'), 'Self-assessments'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.listAssessments(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: "Start a self-assessment against the Guidelines' internal QA standards of the organization's level (its admin)",
      security,
      request: jsonBody(assessmentCreateSchema),
      responses: { 201: jsonContent(assessmentSchema, 'Started'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.startAssessment(ctx, c.req.valid('json').organizationId)), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'One self-assessment: each standard with its criteria, rating, narrative and improvement actions, and its history',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(assessmentSchema, 'The self-assessment'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.getAssessment(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/{id}`,
      tags,
      summary: 'Save the ratings, narratives and improvement actions of a draft or returned self-assessment (the whole form)',
      security,
      request: { params: idParam, ...jsonBody(assessmentSaveSchema) },
      responses: { 200: jsonContent(assessmentSchema, 'Saved'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.saveAssessment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/submit`,
      tags,
      summary: 'Submit to the authority: every standard rated with a narrative, every standard not fully met with an improvement action',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(assessmentSchema, 'Submitted'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.submitAssessment(ctx, c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/review`,
      tags,
      summary: "Accept a submitted self-assessment (it becomes the organization's internal QA fact) or return it with comments (the ministry)",
      security,
      request: { params: idParam, ...jsonBody(assessmentReviewSchema) },
      responses: { 200: jsonContent(assessmentSchema, 'Reviewed'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.reviewAssessment(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  registerQaFailureRoutes(app);
}

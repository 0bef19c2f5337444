// API of follow-up after a decision: items, submissions, reviews, term changes, expiry reminders.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { dateSchema, idParam, jsonContent, listOf, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { decisionSchema } from './decision.schema.ts';
import {
  expiryReminderSchema,
  followUpInputSchema,
  followUpSchema,
  reviewInputSchema,
  statusChangeInputSchema,
  submissionInputSchema,
  termChangeInputSchema,
} from './follow-up.schema.ts';
import * as service from './follow-up.service.ts';

const tags = ['Accreditation follow-up'];
const security = [{ bearer: [] }];

export function registerFollowUpRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/decisions/{id}/follow-ups',
      tags,
      summary: "Set a condition, recommendation, corrective action plan, interim report or monitoring visit with its due date (the body's staff)",
      security,
      request: { params: idParam, ...jsonBody(followUpInputSchema) },
      responses: { 201: jsonContent(followUpSchema, 'Created'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.createFollowUp(ctx, c.req.valid('param').id, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/decisions/{id}/follow-ups',
      tags,
      summary: 'Follow-up items of a decision with overdue flags (the organization, the body, the ministry)',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(listOf(followUpSchema, 'FollowUpList'), 'Items'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.listFollowUps(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/follow-ups/{id}/submissions',
      tags,
      summary: "Submit the plan, report or material for an item (the organization's admin)",
      security,
      request: { params: idParam, ...jsonBody(submissionInputSchema) },
      responses: { 200: jsonContent(followUpSchema, 'Submitted'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.submitFollowUp(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/follow-ups/{id}/review',
      tags,
      summary: "Accept a submission or return it with a comment (the body's staff)",
      security,
      request: { params: idParam, ...jsonBody(reviewInputSchema) },
      responses: { 200: jsonContent(followUpSchema, 'Reviewed'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.reviewFollowUp(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/decisions/{id}/term-changes',
      tags,
      summary: 'Extend or postpone the end of an accreditation with a reason, e.g. a state of emergency (the body head)',
      security,
      request: { params: idParam, ...jsonBody(termChangeInputSchema) },
      responses: { 200: jsonContent(decisionSchema, 'The decision'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.changeTerm(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/decisions/{id}/status',
      tags,
      summary: 'Suspend or withdraw an accreditation, or reinstate a suspended one, with a reason (the body head); 409 lists the allowed next statuses',
      security,
      request: { params: idParam, ...jsonBody(statusChangeInputSchema) },
      responses: { 200: jsonContent(decisionSchema, 'The decision'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.changeStatus(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/expiry-reminders',
      tags,
      summary: 'Accreditations ending within a year with no new case started (re-accreditation must start ≥ 1 year before expiry)',
      security,
      request: { query: z.object({ today: dateSchema.optional().openapi({ description: 'Defaults to today (Asia/Almaty)' }) }) },
      responses: { 200: jsonContent(z.array(expiryReminderSchema), 'Reminders'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.expiryReminders(c.get('ctx'), c.req.valid('query').today), 200),
  );
}

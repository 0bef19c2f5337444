// API of the authority's risk view: the latest scores with filters, an organization's score
// history, scoring now, and the rule (weights, cap, thresholds) that computes them.
import { createRoute, z } from '@hono/zod-openapi';
import { dateSchema, jsonContent, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import type { Api } from '../platform/http/env.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { QA_LEVELS } from './internal-qa.rules.ts';
import { RISK_FACTORS } from './risk.rules.ts';
import { assessRisk, riskHistory, riskList, riskRule, setRiskRule } from './risk.service.ts';

const tags = ['Oversight'];
const security = [{ bearer: [] }];

export const riskRuleSchema = z
  .strictObject({
    points: z.strictObject(Object.fromEntries(RISK_FACTORS.map((f) => [f, z.number().int().min(0).max(1000)])) as Record<(typeof RISK_FACTORS)[number], z.ZodNumber>),
    cap: z.number().int().min(1).max(100),
    thresholds: z.strictObject({ medium: z.number().int().min(0).max(10000), high: z.number().int().min(0).max(10000) }),
  })
  .openapi('RiskRule');

const riskScoreSchema = z
  .object({
    organizationId: z.string().uuid(),
    assessedOn: z.string(),
    score: z.number().int(),
    level: z.enum(['low', 'medium', 'high']),
    indicators: z.record(z.string(), z.unknown()).openapi({ description: 'What was read; `unsourced` lists the indicators Sapa does not hold yet (counted as 0)' }),
    factors: z.array(z.object({ factor: z.enum(RISK_FACTORS), value: z.union([z.number(), z.boolean(), z.string()]), points: z.number() })),
    rule: z.unknown(),
  })
  .openapi('RiskScore');

export function registerRiskRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oversight/risk',
      tags,
      summary: 'The latest risk score of each organization, highest first, with every factor (the ministry)',
      security,
      request: { query: z.object({ level: z.enum(['low', 'medium', 'high']).optional(), qaLevel: z.enum(QA_LEVELS).optional() }) },
      responses: { 200: jsonContent(z.object({ items: z.array(riskScoreSchema) }), 'Scores'), ...writeErrorResponses },
    }),
    async (c) => c.json({ items: await riskList(c.get('ctx'), c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/oversight/risk/assessments',
      tags,
      summary: 'Score every organization with QA standards (or the given ones) today with the rule in force, and keep the scores (the ministry)',
      security,
      request: jsonBody(z.strictObject({ organizationIds: z.array(z.string().uuid()).max(1000).optional(), on: dateSchema.optional() }).openapi('RiskAssessmentRun')),
      responses: { 200: jsonContent(z.object({ assessedOn: z.string(), organizations: z.number().int() }), 'Scored'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => assessRisk(ctx, c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oversight/risk/{organizationId}',
      tags,
      summary: "The history of an organization's risk score, newest first, each with the rule it was computed with (the ministry)",
      security,
      request: { params: z.object({ organizationId: z.string().uuid().openapi({ param: { name: 'organizationId', in: 'path' } }) }) },
      responses: { 200: jsonContent(z.object({ items: z.array(riskScoreSchema) }), 'Score history'), ...writeErrorResponses },
    }),
    async (c) => c.json({ items: await riskHistory(c.get('ctx'), c.req.valid('param').organizationId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/oversight/risk-rule',
      tags,
      summary: 'The risk rule in force: points per factor, the cap on counted factors, the medium and high thresholds (the ministry)',
      security,
      responses: { 200: jsonContent(riskRuleSchema, 'The rule'), ...writeErrorResponses },
    }),
    async (c) => c.json(await riskRule(c.get('ctx')), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/oversight/risk-rule',
      tags,
      summary: 'Change the risk rule (the ministry); scores already kept keep the rule they were computed with',
      security,
      request: jsonBody(riskRuleSchema),
      responses: { 200: jsonContent(riskRuleSchema, 'The rule in force'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => setRiskRule(ctx, c.req.valid('json'))), 200),
  );
}

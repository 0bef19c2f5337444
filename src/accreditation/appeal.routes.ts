// API of appeals and complaints.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { APPEAL_KINDS, APPEAL_STATUSES, appealDecisionInputSchema, appealInputSchema, appealSchema, commissionInputSchema } from './appeal.schema.ts';
import * as service from './appeal.service.ts';

const tags = ['Appeals and complaints'];
const security = [{ bearer: [] }];

export function registerAppealRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/appeals',
      tags,
      summary: "File a written, signed appeal or complaint (the organization's admin); oral ones are refused",
      security,
      request: jsonBody(appealInputSchema),
      responses: { 201: jsonContent(appealSchema, 'Logged'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.fileAppeal(ctx, c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/appeals',
      tags,
      summary: 'Appeals and complaints visible to the caller (own organization or body; the ministry sees all)',
      security,
      request: {
        query: z.object({
          case: z.string().uuid().optional(),
          kind: z.enum(APPEAL_KINDS).optional(),
          status: z.enum(APPEAL_STATUSES).optional(),
          ...paginationQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(appealSchema, 'AppealList'), 'Appeals'), ...writeErrorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await service.listAppeals(c.get('ctx'), { ...q, caseId: q.case }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/appeals/{id}',
      tags,
      summary: 'One appeal or complaint',
      security,
      request: { params: idParam },
      responses: { 200: jsonContent(appealSchema, 'The appeal'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.getAppeal(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/accreditation/appeals/{id}/commission',
      tags,
      summary: 'Form the appeals commission (the body head); the appeal is then under review',
      security,
      request: { params: idParam, ...jsonBody(commissionInputSchema) },
      responses: { 200: jsonContent(appealSchema, 'The appeal'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.setCommission(ctx, c.req.valid('param').id, c.req.valid('json').members)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/appeals/{id}/decision',
      tags,
      summary: 'Decide the appeal (the body head): upheld, partially upheld or rejected; an upheld appeal changes the decision from that day',
      security,
      request: { params: idParam, ...jsonBody(appealDecisionInputSchema) },
      responses: { 200: jsonContent(appealSchema, 'The appeal'), ...writeErrorResponses },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.decideAppeal(ctx, c.req.valid('param').id, c.req.valid('json'))), 200),
  );
}

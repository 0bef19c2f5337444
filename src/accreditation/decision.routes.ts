// API of decisions: the public decision page, its versions, ENAEE's answer, publication deadlines.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { errorResponses, historySchema, idParam, jsonContent, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { PUBLICATION_CHANNELS, decisionSchema, enaeeInputSchema, publicationDoneSchema, publicationSchema } from './decision.schema.ts';
import * as service from './decision.service.ts';

const tags = ['Accreditation decisions'];

export function registerDecisionRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/decisions/{id}',
      tags,
      summary:
        'The public page of a decision (negative ones too): organization, body, programmes, outcome, term, dates, grades per standard, the report, appeals and the history of its status',
      request: { params: idParam },
      responses: { 200: jsonContent(decisionSchema, 'The decision'), ...errorResponses },
    }),
    async (c) => c.json(await service.getDecision(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/decisions/{id}/versions',
      tags,
      summary: 'Every version of the decision record with actor and time',
      request: { params: idParam },
      responses: { 200: jsonContent(historySchema, 'Versions'), ...errorResponses },
    }),
    async (c) => c.json(await service.decisionVersions(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/decisions/{id}/enaee',
      tags,
      summary: "Record ENAEE's approval or rejection of a EUR-ACE® decision (the body's staff)",
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(enaeeInputSchema) },
      responses: { 200: jsonContent(decisionSchema, 'The decision'), ...writeErrorResponses },
    }),
    async (c) => {
      const { status } = c.req.valid('json');
      return c.json(await writeTx(c, (ctx) => service.recordEnaeeDecision(ctx, c.req.valid('param').id, status)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/cases/{id}/publications',
      tags,
      summary: 'Publication deadlines of a decided case (UEIS 3, ministry 10, website 30 working days), with overdue flags',
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 200: jsonContent(z.array(publicationSchema), 'Deadlines'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.listPublications(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/accreditation/cases/{id}/publications/{channel}',
      tags,
      summary: "Mark one publication channel done (the body's staff)",
      security: [{ bearer: [] }],
      request: {
        params: idParam.extend({ channel: z.enum(PUBLICATION_CHANNELS).openapi({ param: { name: 'channel', in: 'path' } }) }),
        body: { content: { 'application/json': { schema: publicationDoneSchema } }, required: false },
      },
      responses: { 200: jsonContent(z.array(publicationSchema), 'Deadlines'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, channel } = c.req.valid('param');
      let doneOn: string | undefined;
      if (c.req.header('content-type')?.includes('application/json')) doneOn = c.req.valid('json')?.doneOn;
      return c.json(await writeTx(c, (ctx) => service.markPublicationDone(ctx, id, channel, doneOn)), 200);
    },
  );
}

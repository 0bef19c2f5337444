// API of relationships between organizations: record or propose one, list the proposals waiting,
// confirm or decline one (relationship.service.ts says who may).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { idParam, jsonContent, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { relationshipInputSchema, relationshipProposalSchema, relationshipRecordedSchema } from './organization.schema.ts';
import * as service from './relationship.service.ts';

const tags = ['Organizations'];
const answerParams = idParam.extend({ relationshipId: z.string().uuid().openapi({ param: { name: 'relationshipId', in: 'path' } }) });

export function registerRelationshipRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organizations/{id}/relationships',
      tags,
      summary:
        'Record a dated relationship (merger, split, branch, parent, host, successor): in force at once for the ministry or an admin of both organizations; from an admin of one side a proposal, public only once the other side confirms',
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(relationshipInputSchema) },
      responses: { 201: jsonContent(relationshipRecordedSchema, 'Recorded (in force) or proposed'), ...writeErrorResponses },
    }),
    async (c) => {
      const row = await writeTx(c, (ctx) => service.addRelationship(ctx, c.req.valid('param').id, c.req.valid('json')));
      return c.json({ id: row.id, state: row.state }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organizations/{id}/relationship-proposals',
      tags,
      summary: "Proposed relationships of the organization still waiting for an answer (its admin, or the ministry)",
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 200: jsonContent(z.array(relationshipProposalSchema), 'Proposals'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.relationshipProposals(c.get('ctx'), c.req.valid('param').id), 200),
  );

  for (const answer of ['confirm', 'decline'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/organizations/{id}/relationships/{relationshipId}/${answer}`,
        tags,
        summary:
          answer === 'confirm'
            ? "The other side's admin (or the ministry) confirms a proposed relationship: in force and public from now"
            : "The other side's admin (or the ministry) declines a proposed relationship: it never becomes public",
        security: [{ bearer: [] }],
        request: { params: answerParams },
        responses: { 200: jsonContent(relationshipRecordedSchema, answer === 'confirm' ? 'Confirmed' : 'Declined'), ...writeErrorResponses },
      }),
      async (c) => {
        const { id, relationshipId } = c.req.valid('param');
        return c.json(await writeTx(c, (ctx) => service.answerProposal(ctx, id, relationshipId, answer)), 200);
      },
    );
  }
}

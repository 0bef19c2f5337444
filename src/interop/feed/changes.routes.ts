// GET /api/changes: the public change feed.
import { createRoute } from '@hono/zod-openapi';
import type { Api } from '../../platform/http/env.ts';
import { errorResponses, jsonContent } from '../../platform/http/openapi-common.ts';
import { changesPageSchema, changesQuery } from './changes.schema.ts';
import { changesSince } from './changes.service.ts';

export function registerChangeFeedRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/changes',
      tags: ['Open data'],
      summary:
        'Every public change of the register in order (created, updated, deleted as tombstones): follow `next` from the start to rebuild the register, then poll it',
      request: { query: changesQuery },
      responses: { 200: jsonContent(changesPageSchema, 'A page of changes'), ...errorResponses },
    }),
    async (c) => {
      const { since, limit } = c.req.valid('query');
      return c.json(await changesSince(c.get('ctx'), since, limit), 200);
    },
  );
}

// API of a body's council members and their terms (council-members.service.ts says who may).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { jsonBody } from '../platform/http/record-routes.ts';
import { dateSchema, idParam, jsonContent, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import * as service from './council-members.service.ts';

const tags = ['Council'];

const membershipSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    appointedOn: z.string(),
    endsOn: z.string().nullable().openapi({ description: 'The last day of the term (Asia/Almaty); null: open-ended' }),
    sitting: z.boolean().openapi({ description: 'Holds the council role today' }),
  })
  .openapi('CouncilMembership');

export function registerCouncilMemberRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/bodies/{id}/council-members',
      tags,
      summary: "The body's council members, with the day each was appointed and the last day of their term (its head, or the ministry)",
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 200: jsonContent(z.array(membershipSchema), 'Members'), ...writeErrorResponses },
    }),
    async (c) => c.json(await service.councilMembers(c.get('ctx'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/accreditation/bodies/{id}/council-members/{userId}/term',
      tags,
      summary:
        "Set the last day of a council member's term (null: open-ended). A member whose term ended before a meeting's day is not on its roster and cannot vote at it",
      security: [{ bearer: [] }],
      request: {
        params: idParam.extend({ userId: z.string().uuid().openapi({ param: { name: 'userId', in: 'path' } }) }),
        ...jsonBody(z.strictObject({ endsOn: dateSchema.nullable() }).openapi('CouncilTermInput')),
      },
      responses: { 200: jsonContent(membershipSchema, 'The membership'), ...writeErrorResponses },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await writeTx(c, (ctx) => service.setCouncilTerm(ctx, id, userId, c.req.valid('json').endsOn)), 200);
    },
  );
}

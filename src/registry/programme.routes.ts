// API of the Register of Educational Programmes.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { jsonBody, registerRecordRoutes } from '../platform/http/record-routes.ts';
import { asOfQuery, errorResponses, idParam, jsonContent, listOf, paginationQuery, versionedWriteResponses, writeTx } from '../platform/http/openapi-common.ts';
import { etagResponseHeader, ifMatchHeader, ifMatchOf, setEtag } from '../platform/http/etag.ts';
import { booleanQuery, sortQuery } from '../platform/http/query.ts';
import { PROGRAMME_STATUSES } from './programme-lifecycle.ts';
import {
  programmeDetailSchema,
  programmeInputSchema,
  programmePatchSchema,
  programmeSchema,
  programmeSummarySchema,
  transitionInputSchema,
} from './programme.schema.ts';
import * as service from './programme.service.ts';
import { programmeDetail } from './record-standing.service.ts';

const tags = ['Programmes'];

export function registerProgrammeRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/programmes',
      tags,
      summary: 'List programmes of the register (filters, pagination, sorting, asOf). A joint programme appears under every partner.',
      request: {
        query: z.object({
          code: z.string().max(20).optional().openapi({ description: 'Exact programme code, e.g. 6B06101' }),
          codePrefix: z.string().max(20).optional().openapi({ description: 'Code prefix, e.g. 6B061' }),
          organization: z.string().uuid().optional(),
          field: z.string().optional().openapi({ description: 'Field of education code, e.g. 06' }),
          direction: z.string().optional(),
          group: z.string().optional(),
          nqfLevel: z.coerce.number().int().min(1).max(8).optional(),
          degree: z.string().optional(),
          language: z.string().optional(),
          status: z.enum(PROGRAMME_STATUSES).optional(),
          name: z.string().max(200).optional(),
          synthetic: booleanQuery.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
          sort: sortQuery(['code', 'name', 'nameRu', 'nameEn', 'updated', 'level'], 'code'),
          ...paginationQuery,
          ...asOfQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(programmeSummarySchema, 'ProgrammeList'), 'Programmes'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const result = await service.listProgrammes(c.get('ctx'), {
        ...q,
        ...q.sort,
        organizationId: q.organization,
        fieldCode: q.field,
        directionCode: q.direction,
        groupCode: q.group,
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/programmes/{id}/transitions',
      tags,
      summary:
        'Take a lifecycle step: submit, start-review, include, return (comment), start-update, exclude (comment). With If-Match, a step from an older version is refused with 412.',
      security: [{ bearer: [] }],
      request: { params: idParam, headers: ifMatchHeader, ...jsonBody(transitionInputSchema) },
      responses: { 200: { ...jsonContent(programmeSchema, 'New state'), headers: etagResponseHeader }, ...versionedWriteResponses },
    }),
    async (c) => {
      const { action, comment } = c.req.valid('json');
      const after = await writeTx(c, (ctx) => service.transitionProgramme(ctx, c.req.valid('param').id, action, comment, undefined, ifMatchOf(c)));
      setEtag(c, after);
      return c.json(after, 200);
    },
  );

  registerRecordRoutes(app, {
    path: '/api/programmes',
    tags,
    summaries: {
      get: 'One programme passport (asOf gives it as it was that day), with the licence covering it and the credentials and certificates issued against it up to the day',
      history: 'Every version of the programme with actor and time',
      create: "Create a programme passport as a draft (the organization's admin or editor)",
      update: 'Edit a passport in draft, returned or update status',
    },
    detail: programmeDetailSchema,
    created: programmeSchema,
    input: programmeInputSchema,
    patch: programmePatchSchema,
    get: programmeDetail,
    history: service.programmeHistory,
    create: (ctx, input) => service.createProgramme(ctx, input),
    update: service.updateProgramme,
  });
}

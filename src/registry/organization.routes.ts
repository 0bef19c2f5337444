// API of organizations: public reads, role-checked writes.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { jsonBody, registerRecordRoutes } from '../platform/http/record-routes.ts';
import { asOfQuery, errorResponses, idParam, jsonContent, listOf, paginationQuery, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { booleanQuery, sortQuery } from '../platform/http/query.ts';
import {
  licenceInputSchema,
  licenceSchema,
  organizationDetailSchema,
  organizationInputSchema,
  organizationPatchSchema,
  organizationSchema,
} from './organization.schema.ts';
import * as service from './organization.service.ts';
import { registerRelationshipRoutes } from './relationship.routes.ts';
import { organizationDetail } from './record-standing.service.ts';

const tags = ['Organizations'];

export function registerOrganizationRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organizations',
      tags,
      summary: 'List organizations (filters, pagination, sorting, asOf)',
      request: {
        query: z.object({
          kind: z.string().optional(),
          region: z.string().optional(),
          legalForm: z.string().optional(),
          status: z.string().optional(),
          name: z.string().max(200).optional().openapi({ description: 'Substring of any name or alias' }),
          synthetic: booleanQuery.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
          sort: sortQuery(['name', 'nameRu', 'nameEn', 'updated'], 'name'),
          ...paginationQuery,
          ...asOfQuery,
        }),
      },
      responses: { 200: jsonContent(listOf(organizationSchema, 'OrganizationList'), 'Organizations'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const result = await service.listOrganizations(c.get('ctx'), { ...q, ...q.sort, regionCode: q.region });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organizations/{id}/licences',
      tags,
      summary: 'Add a licence (ministry)',
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(licenceInputSchema) },
      responses: { 201: jsonContent(licenceSchema, 'Created'), ...writeErrorResponses },
    }),
    async (c) => {
      const row = await writeTx(c, (ctx) => service.addLicence(ctx, c.req.valid('param').id, c.req.valid('json')));
      return c.json(
        {
          id: row.id,
          number: row.number,
          issuedOn: row.issued_on,
          validUntil: row.valid_until,
          programmeGroups: row.programme_groups,
          attachments: row.attachments,
          status: row.status,
        },
        201,
      );
    },
  );

  registerRelationshipRoutes(app);

  registerRecordRoutes(app, {
    path: '/api/organizations',
    tags,
    summaries: {
      get: 'One organization with licences and relationships, and as of the day (asOf, else today) its licence coverage, the credentials and certificates issued against it, and its provenance',
      history: 'Every version of the organization with actor and time',
      create: 'Create an organization (ministry)',
      update: "Update an organization's profile (ministry, or its own admin); status, kind, BIN, identifiers and key only by the ministry, the key never once credentials are issued",
    },
    detail: organizationDetailSchema,
    created: organizationSchema,
    input: organizationInputSchema,
    patch: organizationPatchSchema,
    get: organizationDetail,
    history: service.organizationHistory,
    create: (ctx, input) => service.createOrganization(ctx, input),
    update: service.updateOrganization,
  });
}

// API of the national indicators (public): the catalogue, and one indicator's values with their
// definition and lineage.
import { createRoute } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { errorResponses, jsonContent } from '../platform/http/openapi-common.ts';
import { indicatorIdParam, indicatorListSchema, indicatorQuerySchema, indicatorValuesSchema } from './indicators.schema.ts';
import { indicatorValues, listIndicators } from './indicators.service.ts';

export function registerIndicatorRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/indicators',
      tags: ['Indicators'],
      summary: 'The catalogue of national indicators: definitions, formulas, inputs, dimensions, units',
      responses: { 200: jsonContent(indicatorListSchema, 'Indicators'), ...errorResponses },
    }),
    (c) => c.json(listIndicators(), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/indicators/{id}',
      tags: ['Indicators'],
      summary: 'One indicator grouped by a dimension and filtered by others, as of a day, beside the published figures, with its lineage',
      request: { params: indicatorIdParam, query: indicatorQuerySchema },
      responses: { 200: jsonContent(indicatorValuesSchema, 'Values'), ...errorResponses },
    }),
    async (c) => c.json(await indicatorValues(c.get('ctx'), c.req.valid('param').id, c.req.valid('query')), 200),
  );
}

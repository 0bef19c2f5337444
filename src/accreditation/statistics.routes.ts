// API of the yearly accreditation statistics per body (public).
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { dateSchema, errorResponses, jsonContent } from '../platform/http/openapi-common.ts';
import { statistics } from './statistics.service.ts';

const yearOrDay = z
  .string()
  .regex(/^[1-9]\d{3}(-\d{2}-\d{2})?$/, 'YYYY or YYYY-MM-DD')
  .refine((v) => v.length === 4 || dateSchema.safeParse(v).success, 'YYYY or YYYY-MM-DD');
const counts = {
  institutional: z.number().int(),
  programme: z.number().int(),
  crossBorder: z.number().int(),
  eurAce: z.number().int(),
  refused: z.number().int(),
  total: z.number().int(),
};

const statisticsSchema = z
  .object({
    items: z.array(
      z.object({
        body: z.object({ id: z.string(), name: z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() }), shortName: z.string().nullable() }),
        year: z.number().int(),
        ...counts,
      }),
    ),
    total: z.number().int(),
    totals: z.array(z.object({ bodyId: z.string(), ...counts })),
  })
  .openapi('AccreditationStatistics');

export function registerStatisticsRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/statistics',
      tags: ['Accreditation decisions'],
      summary:
        'Per body and year: institutional, programme, cross-border and EUR-ACE® accreditations (programmes counted one by one, as in KAZSEE’s own table) and refusals',
      request: {
        query: z.object({
          body: z.string().uuid().optional(),
          from: yearOrDay.optional().openapi({ description: 'First year or day of decisions, e.g. 2018' }),
          to: yearOrDay.optional().openapi({ description: 'Last year or day, e.g. 2022' }),
        }),
      },
      responses: { 200: jsonContent(statisticsSchema, 'Counts'), ...errorResponses },
    }),
    async (c) => c.json(await statistics(c.get('ctx'), c.req.valid('query')), 200),
  );
}

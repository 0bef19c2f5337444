// DEQAR Submission API v2: decisions out as report JSON or CSV, reports in as decisions.
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../platform/errors.ts';
import type { Context } from 'hono';
import type { AppEnv, Api } from '../../platform/http/env.ts';
import { errorResponses, idParam, jsonContent, writeErrorResponses, writeTx } from '../../platform/http/openapi-common.ts';
import { reportsToCsv } from './csv.ts';
import { deqarReportOfDecision, deqarReportsOfBody } from './deqar-export.ts';
import { importDeqarCsv, importDeqarJson } from './deqar-import.ts';
import type { DeqarReportJson } from './report.ts';

const tags = ['DEQAR'];

const reportSchema = z
  .looseObject({
    agency: z.string(),
    local_identifier: z.string().optional(),
    activities: z.array(z.record(z.string(), z.unknown())).optional(),
    status: z.string(),
    decision: z.string(),
    valid_from: z.string(),
    valid_to: z.string().optional(),
    date_format: z.string(),
    institutions: z.array(z.record(z.string(), z.string())),
    programmes: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .openapi('DeqarReport', { description: 'A DEQAR Submission API v2 report (https://docs.deqar.eu/report_data/); the mapping from Sapa is in docs/interop.md.' });

const formatQuery = z.object({
  format: z.enum(['json', 'csv']).default('json').openapi({ description: 'json: the Submission API v2 JSON; csv: DEQAR\'s CSV, one report per row with indexed columns.' }),
});

const csvContent = { 'text/csv': { schema: z.string().openapi({ description: "DEQAR's CSV" }) } };

const importResultSchema = z
  .object({
    results: z.array(z.object({ identifier: z.string(), decisionId: z.string(), created: z.boolean().openapi({ description: 'false: the same report was recorded before, nothing changed' }) })),
  })
  .openapi('DeqarImportResult');

function reply(c: Context<AppEnv>, reports: DeqarReportJson | DeqarReportJson[], format: 'json' | 'csv', name: string) {
  if (format === 'json') return c.json(reports, 200);
  c.header('content-disposition', `attachment; filename="${name}.csv"`);
  return c.body(reportsToCsv(Array.isArray(reports) ? reports : [reports]), 200, { 'content-type': 'text/csv; charset=utf-8' });
}

export function registerDeqarRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/decisions/{id}/deqar',
      tags,
      summary: 'The decision as a DEQAR v2 report (JSON or CSV)',
      request: { params: idParam, query: formatQuery },
      responses: { 200: { description: 'The report', content: { 'application/json': { schema: reportSchema }, ...csvContent } }, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return reply(c, await deqarReportOfDecision(c.get('ctx'), id), c.req.valid('query').format, `deqar-${id}`);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/bodies/{id}/deqar',
      tags,
      summary: "Every public decision of an accreditation body as DEQAR v2 reports (JSON array or CSV), oldest first",
      request: { params: idParam, query: formatQuery },
      responses: { 200: { description: 'The reports', content: { 'application/json': { schema: z.array(reportSchema) }, ...csvContent } }, ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return reply(c, await deqarReportsOfBody(c.get('ctx'), id), c.req.valid('query').format, `deqar-body-${id}`);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/interop/deqar/reports',
      tags,
      summary:
        "Record DEQAR v2 reports (one JSON report, a JSON array, or DEQAR's CSV) as decisions of recognized bodies; any bad report → 422 listing every problem with its report or CSV row, nothing recorded; the same report again changes nothing",
      security: [{ bearer: [] }],
      request: {
        // Checked by DEQAR's own rules in report.ts, so every problem of every report is listed at once.
        body: {
          required: true,
          content: {
            'application/json': { schema: z.any().openapi({ description: 'A DeqarReport or an array of them (see the DeqarReport schema)' }) },
            ...csvContent,
          },
        },
      },
      responses: { 200: jsonContent(importResultSchema, 'What each report became'), ...writeErrorResponses },
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      const csv = type.includes('text/csv');
      // The media-type check skips routes that take two types, so a body of neither (or none) is refused here.
      if (!csv && !type.includes('application/json')) throw new AppError('bad_request', 415, 'errors.security.mediaType', { params: { types: 'application/json, text/csv' } });
      const submitted = csv ? await c.req.text() : await c.req.json();
      const results = await writeTx(c, (ctx) => (csv ? importDeqarCsv(ctx, submitted) : importDeqarJson(ctx, submitted)));
      return c.json({ results }, 200);
    },
  );
}

// Downloads of Registers 1–3 as CSV, XLSX or JSON-LD with the same filters as their API and pages,
// streamed; headers and values in the chosen language, codes kept, formula-looking cells as text.
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { attachmentDisposition } from '../platform/files/files.ts';
import type { Api, AppEnv } from '../platform/http/env.ts';
import { asOfQuery, errorResponses, registerDownload } from '../platform/http/openapi-common.ts';
import { LANGUAGES } from '../platform/i18n/i18n.ts';
import { TABLE_FORMATS, TABLE_MEDIA_TYPES, type TableFormat, type TableSource, tableFileName, tableStream, withFirstRow } from '../platform/tabular/table-stream.ts';
import { RECOGNITION_STATUSES, SCOPE_TYPES } from './recognition.schema.ts';
import { registerQuerySchema } from './registers.schema.ts';
import { decisionRegisterTable, recognitionRegisterTable } from './registers-export.ts';

const tags = ['Registers'];
const exportQuery = {
  format: z.enum(TABLE_FORMATS).default('csv'),
  lang: z.enum(LANGUAGES).optional().openapi({ description: 'Language of the headers, names and values (default: the request language)' }),
};
const decisionFilters = registerQuerySchema.omit({ limit: true, offset: true });

async function download(c: Context<AppEnv>, name: string, format: TableFormat, source: TableSource) {
  const table = await withFirstRow(source);
  return c.body(Readable.toWeb(tableStream(format, table)) as ReadableStream<Uint8Array<ArrayBuffer>>, 200, {
    'content-type': TABLE_MEDIA_TYPES[format],
    'content-disposition': attachmentDisposition(tableFileName(name, format, todayInAlmaty())),
  });
}

export function registerRegisterExportRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registers/1/export',
      tags,
      summary: 'Register 1 (recognized accreditation bodies) with the filters of /api/registers/1, every entry, as CSV, XLSX or JSON-LD, streamed',
      request: {
        query: z.object({
          status: z.enum(RECOGNITION_STATUSES).optional(),
          scopeType: z.enum(SCOPE_TYPES).optional(),
          network: z.string().max(20).optional(),
          ...asOfQuery,
          ...exportQuery,
        }),
      },
      responses: { 200: registerDownload('Register 1 (XLSX or JSON-LD by format)'), ...errorResponses },
    }),
    async (c) => {
      const { format, lang, ...filters } = c.req.valid('query');
      const ctx = c.get('ctx');
      return download(c, 'register-1', format, recognitionRegisterTable(ctx, filters, lang ?? ctx.lang, new URL(c.req.url).origin));
    },
  );
  for (const register of [2, 3] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/registers/${register}/export`,
        tags,
        summary: `Register ${register} (${register === 2 ? 'accredited organizations' : 'accredited programmes'}) with the filters of /api/registers/${register}, every entry, as CSV, XLSX or JSON-LD, streamed`,
        request: { query: decisionFilters.extend(exportQuery) },
        responses: { 200: registerDownload(`Register ${register} (XLSX or JSON-LD by format)`), ...errorResponses },
      }),
      async (c) => {
        const { format, lang, ...filters } = c.req.valid('query');
        const ctx = c.get('ctx');
        return download(c, `register-${register}`, format, decisionRegisterTable(ctx, register, filters, lang ?? ctx.lang, new URL(c.req.url).origin));
      },
    );
  }
}

// GET /api/search: one box across organizations, programmes, qualifications, frameworks and standards.
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { todayInAlmaty } from '../../platform/calendar/calendar.ts';
import { attachmentDisposition } from '../../platform/files/files.ts';
import { LANGUAGES } from '../../platform/i18n/i18n.ts';
import type { Api } from '../../platform/http/env.ts';
import { asOfQuery, errorResponses, registerDownload, jsonContent, paginationQuery } from '../../platform/http/openapi-common.ts';
import { booleanQuery } from '../../platform/http/query.ts';
import { TABLE_FORMATS, TABLE_MEDIA_TYPES, tableFileName, tableStream, withFirstRow } from '../../platform/tabular/table-stream.ts';
import { PROGRAMME_STATUSES } from '../programme-lifecycle.ts';
import { searchTable } from './search-export.ts';
import { SEARCH_SORTS } from './search.repository.ts';
import { BADGES, search } from './search.service.ts';

/** The facet filters of a search, shared by the API and the search page. */
export const searchFilters = {
  kind: z.string().max(40).optional(),
  region: z.string().max(20).optional(),
  field: z.string().max(10).optional(),
  nqfLevel: z.coerce.number().int().min(1).max(8).optional(),
  language: z.string().max(10).optional(),
  organizationKind: z.string().max(40).optional().openapi({ description: 'Organizations of this type (organizations only)' }),
  accreditation: z.enum(['accredited', 'not-accredited']).optional().openapi({ description: 'Organizations and programmes accredited (or not) on the day' }),
  body: z.string().uuid().optional().openapi({ description: 'Accredited on the day by this accreditation body (organization id)' }),
  lifecycle: z.enum(PROGRAMME_STATUSES).optional().openapi({ description: 'Programmes in this lifecycle status' }),
  includeExcluded: booleanQuery.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Excluded programmes are hidden unless true' }),
  sort: z.enum(SEARCH_SORTS).optional().openapi({ description: 'relevance (default), name (Kazakh alphabetical order), code, changed (most recent first)' }),
};

const facetSchema = z.array(z.object({ value: z.string(), count: z.number().int() }));

const searchResultSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.string(),
        id: z.string(),
        title: z.string(),
        titleLang: z.enum(LANGUAGES),
        translationMissing: z.boolean(),
        titles: z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() }),
        codes: z.array(z.string()),
        regionCode: z.string().nullable(),
        fieldCode: z.string().nullable(),
        nqfLevel: z.number().int().nullable(),
        organizationKind: z.string().nullable(),
        isSynthetic: z.boolean(),
        status: z.string().nullable(),
        badges: z.array(z.enum(BADGES)),
        organization: z
          .object({ id: z.string(), name: z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() }) })
          .nullable()
          .openapi({
            description: 'The organization that runs a programme or awards a qualification',
          }),
        score: z.number(),
        href: z.string(),
      }),
    ),
    total: z.number().int(),
    hiddenExcluded: z.number().int().openapi({ description: 'Excluded programmes that matched but are hidden (includeExcluded=true shows them)' }),
    didYouMean: z.string().nullable().openapi({ description: 'Nothing matched as spelled: the title of the best hit found through typo corrections' }),
    sort: z.enum(SEARCH_SORTS),
    facets: z
      .record(z.string(), facetSchema)
      .openapi({
        description:
          'Counts per facet: kind, region, field, nqfLevel, language, organizationKind (organizations), accreditation, body, lifecycle (programmes, excluded included)',
      }),
  })
  .openapi('SearchResult');

export function registerSearchRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      tags: ['Search'],
      summary: 'Search everything public, ranked, with facet counts; Cyrillic and Latin spellings match; code prefixes (6B061) find programmes',
      request: {
        query: z.object({
          q: z.string().default('').openapi({ description: 'Free text in kk, ru or en; longer than 200 characters is cut' }),
          lang: z.enum(LANGUAGES).optional().openapi({ description: 'Language of the titles returned (default: Accept-Language, then kk)' }),
          ...searchFilters,
          ...asOfQuery,
          ...paginationQuery,
        }),
      },
      responses: { 200: jsonContent(searchResultSchema, 'Ranked results with facets'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const ctx = c.get('ctx');
      const result = await search(ctx, { ...q, lang: q.lang ?? ctx.lang, regionCode: q.region, fieldCode: q.field }, c.get('deps').config.LANGUAGE_FALLBACK);
      return c.json(result, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search/export',
      tags: ['Search'],
      summary:
        'The results of a search (same text and filters as /api/search, every page) as CSV, XLSX or JSON-LD, streamed; headers in the chosen language, codes kept',
      request: {
        query: z.object({
          q: z.string().default(''),
          lang: z.enum(LANGUAGES).optional(),
          format: z.enum(TABLE_FORMATS).default('csv'),
          ...searchFilters,
        }),
      },
      responses: { 200: registerDownload('The results (XLSX or JSON-LD by format)'), ...errorResponses },
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const ctx = c.get('ctx');
      const input = { ...q, lang: q.lang ?? ctx.lang, regionCode: q.region, fieldCode: q.field };
      const stream = tableStream(format, await withFirstRow(searchTable(ctx, input, c.get('deps').config.LANGUAGE_FALLBACK, new URL(c.req.url).origin)));
      return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array<ArrayBuffer>>, 200, {
        'content-type': TABLE_MEDIA_TYPES[format],
        'content-disposition': attachmentDisposition(tableFileName('search', format, todayInAlmaty())),
      });
    },
  );
}

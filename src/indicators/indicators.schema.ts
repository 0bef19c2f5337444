// Zod schemas of the indicators API (OpenAPI components).
import { z } from '@hono/zod-openapi';
import { asOfQuery, langMapSchema } from '../platform/http/openapi-common.ts';
import { LANGUAGES } from '../platform/i18n/i18n.ts';
import { DIMENSIONS } from './catalogue.ts';

const dimension = z.enum(DIMENSIONS);

const inputSchema = z.object({
  name: z.string(),
  source: z.union([
    z.object({ kind: z.literal('register'), module: z.string(), api: z.string() }),
    z.object({ kind: z.literal('published'), document: z.string() }),
    z.object({ kind: z.literal('dataset'), dataset: z.string() }),
  ]),
});

const definitionFields = {
  id: z.string(),
  name: langMapSchema,
  definition: langMapSchema,
  formula: z.string(),
  unit: z.enum(['count', 'percent']),
  refresh: z.enum(['on-change', 'as-published']),
  theme: z.enum(['network', 'programmes', 'quality', 'credentials', 'access']),
  dimensions: z.array(z.object({ id: dimension, name: langMapSchema })),
  inputs: z.array(inputSchema),
};

export const indicatorListSchema = z
  .object({ items: z.array(z.object(definitionFields).openapi('IndicatorDefinition')), total: z.number().int() })
  .openapi('IndicatorList');

const publishedSchema = z
  .object({
    value: z.number(),
    year: z.number().int(),
    source: z.object({ document: z.string(), lines: z.string() }),
    note: z.string().optional(),
  })
  .nullable()
  .openapi('PublishedFigure');

const parts = { numerator: z.number().int().optional(), denominator: z.number().int().optional() };

export const indicatorValuesSchema = z
  .object({
    ...definitionFields,
    by: dimension,
    filters: z.record(z.string(), z.string()),
    asOf: z.string(),
    dataVersion: z.string().openapi({ description: 'The data version the values were computed at (cache key).' }),
    values: z.array(
      z.object({
        key: z.string().nullable().openapi({ description: 'The group on the `by` dimension; null: not stated' }),
        label: langMapSchema,
        value: z.number().nullable().openapi({ description: 'Computed from the register; null when the register has no such group or the group is empty' }),
        ...parts,
        published: publishedSchema,
        difference: z.number().nullable().openapi({ description: 'computed − published' }),
      }),
    ),
    total: z.object({ value: z.number().nullable(), ...parts, published: publishedSchema, difference: z.number().nullable() }),
    lineage: z.array(
      z.object({
        input: z.string(),
        kind: z.enum(['register', 'published', 'dataset']),
        module: z.string().optional(),
        api: z.string().optional(),
        document: z.string().optional(),
        lines: z.string().optional(),
        dataset: z.string().optional(),
        periods: z.array(z.string()).optional().openapi({ description: 'The periods of the imported dataset the value is computed from' }),
        sources: z.array(z.string()).optional().openapi({ description: 'The sources the imported observations name' }),
        observations: z.number().int().optional(),
      }),
    ),
    syntheticLeftOut: z.number().int().openapi({ description: 'Demonstration (synthetic) records left out of every figure' }),
  })
  .openapi('IndicatorValues');

const filterParams = Object.fromEntries(
  DIMENSIONS.map((d) => [d, z.string().max(100).optional().openapi({ description: `Filter: only this value of ${d}` })]),
) as Record<(typeof DIMENSIONS)[number], z.ZodOptional<z.ZodString>>;

export const indicatorQuerySchema = z.object({
  by: dimension.optional().openapi({ description: 'Group by this dimension (default: the indicator’s first)' }),
  ...filterParams,
  ...asOfQuery,
});

export const indicatorIdParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' }, example: 'universities-by-legal-form' }) });

/** The workspace's report form: the national report or a body's (by id), a year, a language, HTML or PDF. */
export const reportQuerySchema = z.object({
  report: z.string().regex(/^(national|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i),
  year: z.coerce.number().int().min(2000).max(2100),
  lang: z.enum(LANGUAGES),
  format: z.enum(['html', 'pdf']).default('html'),
});

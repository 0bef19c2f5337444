// Schemas and helpers shared by every module's routes.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type Ctx, inTransaction } from '../context.ts';
import type { AppEnv } from './env.ts';
import { parseIsoDate, parseIsoDateTime } from '../dates.ts';

/**
 * The longest name: names are indexed (btree keys hold at most ~2,700 bytes) and split into search
 * terms, so 500 characters (at most 2,000 bytes in UTF-8) always fit.
 */
export const NAME_MAX = 500;

export const langMapSchema = z
  .object({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) })
  .openapi('LangMap', { example: { kk: 'Информатика', ru: 'Информатика', en: 'Computer science' } });

/** Official records need kk and ru; en may follow later. */
export const officialNameSchema = z
  .object({ kk: z.string().trim().min(1).max(NAME_MAX), ru: z.string().trim().min(1).max(NAME_MAX), en: z.string().trim().min(1).max(NAME_MAX).optional() })
  .openapi('OfficialName');

/**
 * A named schema or null. `.nullable()` on a named schema is documented as allOf [ref, {type:
 * [object, null]}], which a null fails (the ref demands an object); a union documents anyOf.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const sourceSchema = z
  .object({ document: z.string(), lines: z.string().nullable(), translated: z.array(z.string()).optional(), note: z.string().optional() })
  .nullable()
  .openapi('Source');

/** A calendar day, YYYY-MM-DD, checked by the one date parser (src/platform/dates.ts). */
export const dateSchema = z
  .string()
  .refine((v) => parseIsoDate(v) !== null, { message: 'YYYY-MM-DD' })
  .openapi({ format: 'date' });

/** An RFC 3339 date-time with an offset (2025-06-01T10:00:00Z). */
export const dateTimeSchema = z
  .string()
  .refine((v) => parseIsoDateTime(v) !== null, { message: 'an RFC 3339 date-time with an offset' })
  .openapi({ format: 'date-time' });

/** A day or a date-time, as Open Badges' validFrom allows either. */
export const dateOrDateTimeSchema = z
  .string()
  .refine((v) => parseIsoDate(v) !== null || parseIsoDateTime(v) !== null, { message: 'YYYY-MM-DD or an RFC 3339 date-time' })
  .openapi({ description: 'YYYY-MM-DD or an RFC 3339 date-time', anyOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }] });

/** A web address people may follow: http or https only (no javascript:, data: or file:). */
export const webUrlSchema = z
  .string()
  .max(2000)
  .refine(isWebUrl, { message: 'an http(s) address' })
  .openapi({ format: 'uri' });

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ description: 'Page size (1–500).' }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ description: 'Items to skip.' }),
};

export const asOfQuery = {
  asOf: dateSchema.optional().openapi({ description: 'Answer as the register stood at the end of this day (Asia/Almaty).', example: '2024-09-01' }),
};

export const idParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    requestId: z.string().nullable(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), key: z.string() })).optional(),
  })
  .openapi('Problem');

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const errorResponses = {
  400: problemResponse('Malformed request'),
  404: problemResponse('Not found'),
  422: problemResponse('Invalid parameters, each listed in errors'),
  429: problemResponse('Too many requests from this client: try again after the seconds in Retry-After'),
};

/** What any route that reads a body may answer about the body itself. */
export const bodyErrorResponses = {
  413: problemResponse('The body is larger than the route accepts'),
  415: problemResponse('A body in a media type the route does not read'),
};

export const writeErrorResponses = {
  ...errorResponses,
  ...bodyErrorResponses,
  401: problemResponse('Sign-in or API token required'),
  403: problemResponse('Role does not allow this'),
  409: problemResponse('Conflict with the current state (duplicate, stale version, invalid transition)'),
  422: problemResponse('Invalid fields or unknown references, each listed in errors'),
};

/** Writes to a versioned record, which honour If-Match. */
export const versionedWriteResponses = {
  ...writeErrorResponses,
  412: problemResponse('If-Match names a version that is no longer current: read the record again'),
};

export const listOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), total: z.number().int() }).openapi(name);

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const historySchema = z
  .array(
    z.object({
      version: z.number().int(),
      action: z.string(),
      actor: z.string(),
      at: z.string(),
      validTo: z.string().nullable(),
      data: z.unknown(),
    }),
  )
  .openapi('History');

/** Runs a write in one transaction: the record, its version, its audit entry and search document. */
export function writeTx<T>(c: Context<AppEnv>, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  return inTransaction(c.get('ctx'), work);
}

type WithoutDefaults<T extends z.ZodRawShape> = { [K in keyof T]: T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K] };

/**
 * The schema of a PATCH body: every field optional and no defaults, because Zod's `.partial()`
 * still fills defaults in and would silently overwrite stored values with them.
 */
export function patchSchemaOf<T extends z.ZodRawShape>(input: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(input.shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]),
  ) as WithoutDefaults<T>;
  return z.strictObject(shape).partial().extend({
    version: z.number().int().positive().optional().openapi({ description: 'The version you read; a stale one gives 409.' }),
  });
}

/** A binary response (a PDF, an evidence file) of the given media type. */
export const binary = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
});

/** A register's download: CSV by default, XLSX or JSON-LD by `format`. */
export const registerDownload = (description: string) => ({
  description,
  content: {
    'text/csv': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
    'application/ld+json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'A JSON-LD document' }) },
  },
});

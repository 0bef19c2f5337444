// The four routes every versioned register record has: read (with asOf), history, create, update.
// Lists differ by their filters and stay with each module.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Ctx } from '../context.ts';
import type { Api, AppEnv } from './env.ts';
import type { ExpectedVersion } from '../records/versioned.ts';
import { etagResponseHeader, ifMatchHeader, ifMatchOf, setEtag } from './etag.ts';
import { asOfQuery, errorResponses, historySchema, idParam, jsonContent, versionedWriteResponses, writeErrorResponses, writeTx } from './openapi-common.ts';

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

// biome-ignore lint/suspicious/noExplicitAny: the validation hook of @hono/zod-openapi is typed per route
type Hook = any;

type VersionedSchema = z.ZodType<{ version: number }>;

export type RecordRoutes<Detail extends VersionedSchema, Saved extends VersionedSchema, Input extends z.ZodType, Patch extends z.ZodType> = {
  /** Collection path, e.g. /api/programmes. */
  path: string;
  tags: string[];
  summaries: { get: string; history: string; create: string; update: string };
  detail: Detail;
  created: Saved;
  input: Input;
  patch: Patch;
  get(ctx: Ctx, id: string, asOf?: string): Promise<z.output<Detail>>;
  history(ctx: Ctx, id: string): Promise<z.output<typeof historySchema>>;
  create(ctx: Ctx, body: z.output<Input>): Promise<z.output<Saved>>;
  /** `ifMatch` is the version the caller read (If-Match); the service refuses a write from a stale one. */
  update(ctx: Ctx, id: string, body: z.output<Patch>, ifMatch: ExpectedVersion | undefined): Promise<z.output<Saved>>;
  /** Optional hooks that add a module's own rules to a schema failure. */
  hook?: Hook;
  hooks?: { create?: Hook; update?: Hook };
};

// Routes built over a generic schema lose the typed input of @hono/zod-openapi: these read what its validator checked.
const id = (c: Context<AppEnv>) => (c.req.valid as (t: 'param') => { id: string })('param').id;
/** The JSON body the route's validator parsed with the route's schema, typed as that schema's output. */
export const validBody = <T>(c: Context<AppEnv>) => (c.req.valid as (t: 'json') => T)('json');
/** The `id` path parameter of a route with `idParam`. */
export const validId = id;

export function registerRecordRoutes<Detail extends VersionedSchema, Saved extends VersionedSchema, Input extends z.ZodType, Patch extends z.ZodType>(
  app: Api,
  r: RecordRoutes<Detail, Saved, Input, Patch>,
): void {
  const { tags } = r;
  const item = `${r.path}/{id}`;
  app.openapi(
    createRoute({
      method: 'get',
      path: item,
      tags,
      summary: r.summaries.get,
      request: { params: idParam, query: z.object(asOfQuery) },
      responses: { 200: { ...jsonContent(r.detail, 'The record'), headers: etagResponseHeader }, ...errorResponses },
    }),
    async (c) => {
      const asOf = c.req.valid('query').asOf;
      const record = await r.get(c.get('ctx'), id(c), asOf);
      // A past version is not the one a write would start from, so it carries no ETag.
      if (!asOf) setEtag(c, record);
      return c.json(record, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${item}/history`,
      tags,
      summary: r.summaries.history,
      request: { params: idParam },
      responses: { 200: jsonContent(historySchema, 'History'), ...errorResponses },
    }),
    async (c) => c.json(await r.history(c.get('ctx'), id(c)), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: r.path,
      tags,
      summary: r.summaries.create,
      security: [{ bearer: [] }],
      request: jsonBody(r.input),
      responses: { 201: { ...jsonContent(r.created, 'Created'), headers: etagResponseHeader }, ...writeErrorResponses },
    }),
    async (c) => {
      const created = await writeTx(c, (ctx) => r.create(ctx, validBody<z.output<Input>>(c)));
      setEtag(c, created);
      return c.json(created, 201);
    },
    r.hooks?.create ?? r.hook,
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: item,
      tags,
      summary: `${r.summaries.update}. Send the ETag you read as If-Match: a write from an older version is refused with 412.`,
      security: [{ bearer: [] }],
      request: { params: idParam, headers: ifMatchHeader, ...jsonBody(r.patch) },
      responses: { 200: { ...jsonContent(r.created, 'Updated'), headers: etagResponseHeader }, ...versionedWriteResponses },
    }),
    async (c) => {
      const updated = await writeTx(c, (ctx) => r.update(ctx, id(c), validBody<z.output<Patch>>(c), ifMatchOf(c)));
      setEtag(c, updated);
      return c.json(updated, 200);
    },
    r.hooks?.update ?? r.hook,
  );
}

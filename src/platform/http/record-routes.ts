// The four routes every versioned register record has: read (with asOf), history, create, update.
// Lists differ by their filters and stay with each module.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Ctx } from '../context.ts';
import type { Api, AppEnv } from './env.ts';
import { asOfQuery, errorResponses, historySchema, idParam, jsonContent, writeErrorResponses, writeTx } from './openapi-common.ts';

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

// biome-ignore lint/suspicious/noExplicitAny: the validation hook of @hono/zod-openapi is typed per route
type Hook = any;

export type RecordRoutes<Input extends z.ZodType, Patch extends z.ZodType> = {
  /** Collection path, e.g. /api/programmes. */
  path: string;
  tags: string[];
  summaries: { get: string; history: string; create: string; update: string };
  detail: z.ZodType;
  created: z.ZodType;
  input: Input;
  patch: Patch;
  get(ctx: Ctx, id: string, asOf?: string): Promise<unknown>;
  history(ctx: Ctx, id: string): Promise<unknown>;
  create(ctx: Ctx, body: z.infer<Input>): Promise<unknown>;
  update(ctx: Ctx, id: string, body: z.infer<Patch>): Promise<unknown>;
  /** Optional hooks that add a module's own rules to a schema failure. */
  hook?: Hook;
  hooks?: { create?: Hook; update?: Hook };
};

const id = (c: Context<AppEnv>) => (c.req.valid as (t: 'param') => { id: string })('param').id;
const body = <T>(c: Context<AppEnv>) => (c.req.valid as (t: 'json') => T)('json');

export function registerRecordRoutes<Input extends z.ZodType, Patch extends z.ZodType>(app: Api, r: RecordRoutes<Input, Patch>): void {
  const { tags } = r;
  const item = `${r.path}/{id}`;
  app.openapi(
    createRoute({
      method: 'get',
      path: item,
      tags,
      summary: r.summaries.get,
      request: { params: idParam, query: z.object(asOfQuery) },
      responses: { 200: jsonContent(r.detail, 'The record'), ...errorResponses },
    }),
    async (c) => c.json((await r.get(c.get('ctx'), id(c), c.req.valid('query').asOf)) as never, 200),
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
    async (c) => c.json((await r.history(c.get('ctx'), id(c))) as never, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: r.path,
      tags,
      summary: r.summaries.create,
      security: [{ bearer: [] }],
      request: jsonBody(r.input),
      responses: { 201: jsonContent(r.created, 'Created'), ...writeErrorResponses },
    }),
    async (c) => c.json((await writeTx(c, (ctx) => r.create(ctx, body<z.infer<Input>>(c)))) as never, 201),
    r.hooks?.create ?? r.hook,
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: item,
      tags,
      summary: r.summaries.update,
      security: [{ bearer: [] }],
      request: { params: idParam, ...jsonBody(r.patch) },
      responses: { 200: jsonContent(r.created, 'Updated'), ...writeErrorResponses },
    }),
    async (c) => c.json((await writeTx(c, (ctx) => r.update(ctx, id(c), body<z.infer<Patch>>(c)))) as never, 200),
    r.hooks?.update ?? r.hook,
  );
}

// A body in a media type its route does not document is refused with 415 before the route runs:
// @hono/zod-openapi validates only a body of a documented type and lets any other one through
// unvalidated (a JSON body to a multipart upload reached the handler without its file).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

type BodyRule = { method: string; path: RegExp; types: string[]; required: boolean };

const pathPattern = (openApiPath: string) =>
  new RegExp(`^${openApiPath.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);

/** The check, and `learn` to call once every route is registered (it reads the OpenAPI registry). */
export function documentedMediaTypes() {
  const rules: BodyRule[] = [];
  const check = createMiddleware<AppEnv>(async (c, next) => {
    const rule = rules.find((r) => r.method === c.req.method && r.path.test(c.req.path));
    if (rule) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const hasBody = c.req.raw.body !== null;
      if ((hasBody || rule.required) && !rule.types.includes(type)) {
        throw new AppError('bad_request', 415, 'errors.security.mediaType', { params: { types: rule.types.join(', ') } });
      }
    }
    await next();
  });
  function learn(app: OpenAPIHono<AppEnv>): void {
    for (const definition of app.openAPIRegistry.definitions) {
      if (definition.type !== 'route') continue;
      const body = definition.route.request?.body;
      if (!body || !('content' in body)) continue;
      // A route documenting several types (a batch as JSON or CSV) reads its body itself.
      if (Object.keys(body.content).length !== 1) continue;
      rules.push({ method: definition.route.method.toUpperCase(), path: pathPattern(definition.route.path), types: Object.keys(body.content), required: body.required === true });
    }
  }
  return { check, learn };
}

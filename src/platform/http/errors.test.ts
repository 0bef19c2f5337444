// The error handlers draw HTML errors with the renderer the app hands in (platform has no pages)
// and answer /api with problem+json themselves.
import '../../wiring.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { silentLogger } from '../../../test/helpers/logger.ts';
import { systemActor } from '../access/roles.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { errorHandlers } from './errors.ts';

function appWith(drawn: { status: number; requestId: string | null }[]) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'req-1');
    c.set('ctx', { db: null as unknown as Ctx['db'], actor: systemActor('test'), lang: 'en', log: silentLogger, requestId: 'req-1' });
    await next();
  });
  const errors = errorHandlers((c, error, requestId) => {
    drawn.push({ status: error.status, requestId });
    return c.html('<p>drawn by the app</p>', error.status as 404);
  });
  app.onError(errors.renderError);
  app.notFound(errors.routeNotFound);
  app.get('/refused', () => {
    throw new AppError('forbidden', 403, 'errors.forbidden', { params: { action: 'x' } });
  });
  app.get('/api/refused', () => {
    throw new AppError('forbidden', 403, 'errors.forbidden', { params: { action: 'x' } });
  });
  return app;
}

test('a page error is drawn by the renderer the app gave, with the request id', async () => {
  const drawn: { status: number; requestId: string | null }[] = [];
  const app = appWith(drawn);
  const missing = await app.request('/nowhere');
  assert.equal(missing.status, 404);
  assert.equal(await missing.text(), '<p>drawn by the app</p>');
  const refused = await app.request('/refused');
  assert.equal(refused.status, 403);
  assert.deepEqual(drawn, [
    { status: 404, requestId: 'req-1' },
    { status: 403, requestId: 'req-1' },
  ]);
});

test('an API error is problem+json and never reaches the page renderer', async () => {
  const drawn: { status: number; requestId: string | null }[] = [];
  const app = appWith(drawn);
  const res = await app.request('/api/refused');
  assert.equal(res.status, 403);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  const body = (await res.json()) as { code: string; requestId: string };
  assert.equal(body.code, 'forbidden');
  assert.equal(body.requestId, 'req-1');
  assert.deepEqual(drawn, []);
});

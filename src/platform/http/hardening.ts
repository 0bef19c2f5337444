// Rate limits of the public search and verification routes, and the policy of the API docs page.
import { createMiddleware } from 'hono/factory';
import type { Config } from '../../config.ts';
import type { Api, AppEnv } from './env.ts';
import { rateLimit } from './rate-limit.ts';
import { policyForPage } from './security-headers.ts';

const MINUTE = 60;

export function registerRateLimits(app: Api, config: Config): void {
  const search = rateLimit('search', () => ({ seconds: MINUTE, limit: config.RATE_LIMIT_SEARCH_PER_MINUTE }), config.TRUST_PROXY);
  const verify = rateLimit('verify', () => ({ seconds: MINUTE, limit: config.RATE_LIMIT_VERIFY_PER_MINUTE }), config.TRUST_PROXY);
  // A wildcard matches its base path as well: /api/search and /api/search/suggest alike.
  app.use('/api/search/*', search);
  app.use('/:lang{(?:kk|ru|en)}/search', search);
  app.use('/api/verify', verify);
  app.use('/vc/credentials/verify', verify);
  app.use('/vc/presentations/verify', verify);
  app.on('POST', '/:lang{(?:kk|ru|en)}/verify', verify);
}

/** Swagger UI loads its code from jsDelivr and starts it inline: allowed by origin and by hash. */
export const swaggerPolicy = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const html = await c.res.clone().text();
  c.res.headers.set('content-security-policy', policyForPage(html, ['https://cdn.jsdelivr.net']));
});

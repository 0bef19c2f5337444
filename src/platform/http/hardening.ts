// Rate limits of the public search and verification routes.
import type { Config } from '../../config.ts';
import type { Api } from './env.ts';
import { rateLimit } from './rate-limit.ts';

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

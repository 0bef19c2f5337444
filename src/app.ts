// Builds the Hono app from its dependencies; starts nothing (see server.ts).
import './wiring.ts';
import { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import { registerFrameworkRoutes } from './frameworks/frameworks.routes.ts';
import { registerApiTokenRoutes } from './platform/auth/api-tokens.routes.ts';
import { registerAuthRoutes } from './platform/auth/auth.routes.ts';
import { registerAuditCheckpointRoutes } from './platform/audit/checkpoints.routes.ts';
import { registerNotificationRoutes } from './platform/notifications/notifications.routes.ts';
import type { AppDeps, AppEnv } from './platform/http/env.ts';
import { registerApiDocs } from './platform/http/api-docs.ts';
import { errorHandlers } from './platform/http/errors.ts';
import { contextMiddleware, signedInForWrites } from './platform/http/middleware.ts';
import { bodyLimits, cleanInput } from './platform/http/edge.ts';
import { csrfProtection } from './platform/http/csrf.ts';
import { registerRateLimits } from './platform/http/hardening.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { createResponseCache, responseCache } from './platform/http/response-cache.ts';
import { documentedMediaTypes } from './platform/http/media-types.ts';
import { jsonContent } from './platform/http/openapi-common.ts';
import { validationFailed } from './platform/errors.ts';
import { fieldIssuesFromZod } from './platform/http/zod-issues.ts';
import { registerDumpRoutes } from './interop/dump-routes.ts';
import { registerImportExportRoutes } from './interop/import-routes.ts';
import { registerRegistryRoutes } from './registry/registry.routes.ts';
import { registerSearchRoutes } from './registry/search/search.routes.ts';
import { renderErrorPage } from './web/error.page.tsx';
import { registerPortalPages } from './web/portal.routes.ts';
import { registerAccreditationRoutes } from './accreditation/accreditation.routes.ts';
import { registerCredentialRoutes } from './credentials/credentials.routes.ts';
import { registerOversightRoutes } from './oversight/oversight.routes.ts';
import { registerForeignRecognitionRoutes } from './recognition/foreign-recognition.routes.ts';
import { registerPriorLearningRoutes } from './recognition/prior-learning.routes.ts';
import { registerChangeFeedRoutes } from './interop/feed/changes.routes.ts';
import { registerDeqarRoutes } from './interop/deqar/deqar.routes.ts';
import { registerElmRoutes } from './interop/elm/elm.routes.ts';
import { registerCtdlRoutes } from './interop/ctdl/ctdl.routes.ts';
import { registerIndicatorRoutes } from './indicators/indicators.routes.ts';
import { useSettings } from './platform/settings.ts';
import { assertDeadlineOverrides } from './accreditation/deadlines.ts';

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Sapa API',
    version: '0.1.0',
    description:
      "Kazakhstan's open register of qualifications, educational programmes, education organizations and quality assurance. Public data needs no key; writes need a session or an API token (Authorization: Bearer …). Errors are RFC 9457 problem+json, localized by Accept-Language (kk, ru, en).",
  },
};

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  assertDeadlineOverrides(deps.config.ACCREDITATION_DEADLINES);
  useSettings(deps.config);
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const target = (result as { target?: string }).target;
        throw validationFailed(fieldIssuesFromZod(result.error, target === 'query' || target === 'param' ? target : ''));
      }
    },
  });
  const { config } = deps;
  app.use('*', securityHeaders({ https: config.PUBLIC_URL.startsWith('https:') }));
  app.use('*', contextMiddleware(deps));
  app.use('*', bodyLimits({ bodyBytes: config.MAX_BODY_KB * 1024, uploadBytes: config.MAX_UPLOAD_MB * 1024 * 1024 }));
  app.use('*', csrfProtection({ publicUrl: config.PUBLIC_URL }));
  app.use('/api/*', signedInForWrites());
  const mediaTypes = documentedMediaTypes();
  app.use('*', mediaTypes.check);
  app.use('*', cleanInput({ maxJsonDepth: config.MAX_JSON_DEPTH }));
  registerRateLimits(app, config);
  if (config.RESPONSE_CACHE_MB > 0) {
    const maxBytes = config.RESPONSE_CACHE_MB * 1024 * 1024;
    app.use('*', responseCache(createResponseCache({ maxBytes, maxEntryBytes: Math.min(2 * 1024 * 1024, maxBytes / 8) })));
  }
  const errors = errorHandlers(renderErrorPage);
  app.onError(errors.renderError);
  app.notFound(errors.routeNotFound);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['System'],
      summary: 'Liveness and database reachability',
      responses: { 200: jsonContent(z.object({ status: z.literal('ok'), database: z.literal('ok') }).openapi('Health'), 'Healthy') },
    }),
    async (c) => {
      await deps.db.selectFrom('nqf_levels').select('level').limit(1).execute();
      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
    },
  );

  registerAuthRoutes(app);
  registerApiTokenRoutes(app);
  registerAuditCheckpointRoutes(app);
  registerNotificationRoutes(app);
  registerFrameworkRoutes(app);
  registerRegistryRoutes(app);
  registerSearchRoutes(app);
  registerAccreditationRoutes(app);
  registerCredentialRoutes(app);
  registerOversightRoutes(app);
  registerForeignRecognitionRoutes(app);
  registerPriorLearningRoutes(app);
  mediaTypes.learn(app);
  registerImportExportRoutes(app);
  registerDumpRoutes(app);
  registerChangeFeedRoutes(app);
  registerDeqarRoutes(app);
  registerElmRoutes(app);
  registerCtdlRoutes(app);
  registerIndicatorRoutes(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (sapa token --email …) or, from a browser, the session cookie set by /api/auth/sign-in',
  });
  app.doc31('/api/openapi.json', OPENAPI_INFO);
  registerApiDocs(app);
  registerPortalPages(app);
  return app;
}

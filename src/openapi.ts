// The OpenAPI document without a database: the committed docs/openapi.json is compared to it in tests.
import { OPENAPI_INFO, createApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { Db } from './platform/db/database.ts';
import { createLogger } from './platform/log.ts';

export function openApiDocument() {
  const config = loadConfig({});
  const app = createApp({ db: null as unknown as Db, config, log: createLogger({ LOG_LEVEL: 'silent' }) });
  return app.getOpenAPI31Document(OPENAPI_INFO);
}

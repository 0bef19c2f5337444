import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { Db } from './platform/db/database.ts';
import { openApiDocument } from './openapi.ts';
import { silentLogger } from '../test/helpers/logger.ts';

const committed = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));

test('the generated OpenAPI document is valid OpenAPI 3.1', async () => {
  const validator = new Validator();
  const result = await validator.validate(openApiDocument() as never);
  assert.equal(validator.version, '3.1');
  assert.deepEqual(result.errors ?? [], []);
  assert.equal(result.valid, true);
});

test('docs/openapi.json matches the routes (run `npm run openapi` after changing the API)', () => {
  assert.deepEqual(committed, JSON.parse(JSON.stringify(openApiDocument())));
});

const API_PREFIXES = ['/api/', '/vc/', '/issuers/', '/status-lists/'];

test('every API route of the app (/api, the VC API, DID documents, status lists) is documented, and every documented path exists', () => {
  const app = createApp({ db: null as unknown as Db, config: loadConfig({}), log: silentLogger });
  const undocumented = new Set(['/api/openapi.json', '/api/docs']);
  const routes = new Set(
    app.routes
      .filter((r) => API_PREFIXES.some((p) => r.path.startsWith(p)) && !undocumented.has(r.path) && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
  );
  const documented = new Set(
    Object.entries(committed.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
  );
  assert.deepEqual([...routes].sort(), [...documented].sort());
});

test('the stable public paths are documented', () => {
  for (const path of ['/api/health', '/api/nqf/levels', '/api/organizations', '/api/organizations/{id}', '/api/programmes', '/api/programmes/{id}', '/api/qualifications', '/api/search']) {
    assert.ok(committed.paths[path]?.get, `${path} is documented`);
  }
});

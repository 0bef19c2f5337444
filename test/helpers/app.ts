// An app over a fresh test database, with users for every role and helpers to call the API as them.
import { appendFileSync } from 'node:fs';
import { OPENAPI_INFO, createApp } from '../../src/app.ts';
import { type Role, systemActor } from '../../src/platform/access/roles.ts';
import { createUser, issueApiToken } from '../../src/platform/auth/auth.service.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { inTransaction } from '../../src/platform/context.ts';
import { type TemplateName, type TestDatabase, createTestDatabase, testConfig } from './database.ts';
import { silentLogger } from './logger.ts';
import { compileAll, responseDrift } from './response-schema.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * `template: 'demo'` starts from the seeded demonstration data set instead of reference data only;
 * `env` overrides settings of the test configuration (e.g. a rate limit).
 */
export async function createTestApp(options: { template?: TemplateName; env?: Record<string, string> } = {}) {
  const database: TestDatabase = await createTestDatabase(options);
  const config = testConfig(options.env);
  const app = createApp({ db: database.db, config, log: silentLogger });
  compileAll(() => app.getOpenAPI31Document(OPENAPI_INFO));
  checkEveryJsonResponse(app);
  const system: Ctx = { db: database.db, actor: systemActor('test'), lang: 'en', log: silentLogger, requestId: null };
  let counter = 0;

  /** Creates a user with the role and returns a bearer token for it. */
  async function tokenFor(role: Role, organizationId: string | null = null): Promise<string> {
    const n = ++counter;
    return inTransaction(system, async (ctx) => {
      const { id } = await createUser(ctx, {
        email: `${role}-${n}@test.sapa.kz`,
        displayName: `${role} ${n}`,
        password: 'correct horse battery',
        roles: [{ role, organizationId }],
      });
      return (await issueApiToken(ctx, id, 'test')).token;
    });
  }

  function request(method: string, path: string, options: { token?: string; body?: unknown; lang?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.lang) headers['accept-language'] = options.lang;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return app.request(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: tests read loosely typed JSON bodies
  async function json<T = any>(method: string, path: string, options: Parameters<typeof request>[2] = {}): Promise<{ status: number; body: T; headers: Headers }> {
    const res = await request(method, path, options);
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  return { app, db: database.db, url: database.url, system, tokenFor, request, json, close: () => database.close() };
}

/**
 * Makes every JSON response of the app, however a test sends the request (`json`, `request` or
 * `t.app.request` with a file upload), checked against the OpenAPI schema of its route and status:
 * drift between what the API sends and what its document says fails the test that saw it.
 */
function checkEveryJsonResponse(app: ReturnType<typeof createApp>): void {
  const unchecked = app.request;
  app.request = async (input, init, env, executionCtx) => {
    const res = await unchecked(input, init, env, executionCtx);
    const contentType = res.headers.get('content-type');
    if (!contentType || !/json/.test(contentType)) return res;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    const text = await res.clone().text();
    const drift = text ? responseDrift(method, url, res.status, contentType, JSON.parse(text)) : null;
    // SAPA_DRIFT_LOG=<file> lists every drift of a run in that file instead of failing on the first.
    if (drift && process.env.SAPA_DRIFT_LOG) appendFileSync(process.env.SAPA_DRIFT_LOG, `${drift}\n`);
    else if (drift) throw new Error(`${drift}\nbody: ${text.slice(0, 2000)}`);
    return res;
  };
}

/** A test app and a token of one role, for test files whose writes are all made as that role. */
export async function createTestAppAs(role: Role, options: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(options);
  return { t, token: await t.tokenFor(role) };
}

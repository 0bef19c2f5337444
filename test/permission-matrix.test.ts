// Every route of the OpenAPI document × every role (and anonymous) × a record of the caller's own
// organization or of a foreign one, against the one table of expected allow/deny
// (permission-matrix.table.ts). An allow the table does not grant fails; a deny it does not
// expect is reported (often a record this matrix has no fixture for).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { type TestApp, createTestApp } from './helpers/app.ts';
import { CALLERS, type Caller, type OpenApiDocument, RequestMaker, SCOPES, type Scope, type World, buildWorld, observe } from './helpers/permission-matrix.ts';
import { OPENAPI_INFO } from '../src/app.ts';
import { MATRIX, expectedAllow } from './permission-matrix.table.ts';

let t: TestApp;
let world: World;
let doc: OpenApiDocument;
before(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
  doc = t.app.getOpenAPI31Document(OPENAPI_INFO) as unknown as OpenApiDocument;
});
after(() => t.close());

const routesOf = (d: OpenApiDocument) => Object.entries(d.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));

test('the table has one row for every route of the OpenAPI document, and none for a route that is gone', () => {
  const routes = routesOf(doc);
  assert.deepEqual(routes.filter((r) => !(r in MATRIX)), [], 'routes without a row');
  assert.deepEqual(Object.keys(MATRIX).filter((r) => !routes.includes(r)), [], 'rows without a route');
});

test('no caller gets through where the table denies it', async () => {
  const maker = new RequestMaker(doc);
  const unexpectedAllows: string[] = [];
  const unexpectedDenies: string[] = [];
  const unknown: string[] = [];
  const seen: Record<string, Record<string, string>> = {};
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const route = `${method.toUpperCase()} ${path}`;
      const rule = MATRIX[route];
      if (!rule) continue;
      seen[route] = {};
      for (const scope of SCOPES) {
        const request = maker.request(path, op, world.targets[scope]);
        // A route open to everyone is asked as anonymous only: there no answer could be an unexpected allow.
        const callers = CALLERS.every((c) => rule[c] === 'all') ? (['anonymous'] as const) : CALLERS;
        for (const caller of callers) {
          const res = await t.request(method.toUpperCase(), request.url, {
            token: caller === 'anonymous' ? undefined : world.tokens[caller],
            body: request.body,
          });
          const text = await res.text();
          const problem = res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : null;
          const observed = observe(res.status, request.bodyValid, problem);
          const expected = expectedAllow(rule, caller as Caller, scope as Scope);
          const cell = `${route} as ${caller} (${scope}): ${res.status}`;
          seen[route][`${caller}/${scope}`] = `${observed}:${res.status}${observed === 'unknown' ? ` ${JSON.stringify(problem?.errors?.[0] ?? problem?.code ?? '')}` : ''}`;
          if (observed === 'allow' && !expected) unexpectedAllows.push(cell);
          else if (observed === 'deny' && expected) unexpectedDenies.push(cell);
          else if (observed === 'unknown') unknown.push(cell);
        }
      }
    }
  }
  if (process.env.SAPA_MATRIX_DUMP) writeFileSync(process.env.SAPA_MATRIX_DUMP, JSON.stringify(seen, null, 1));
  // Denies and silences are reported, one line per route: most are records this matrix has no fixture for.
  const byRoute = (cells: string[]) => {
    const routes = new Map<string, string[]>();
    for (const cell of cells) {
      const [route, who] = cell.split(' as ') as [string, string];
      routes.set(route, [...(routes.get(route) ?? []), who]);
    }
    return [...routes].map(([route, who]) => `${route}: ${who.join(', ')}`).join('\n  ');
  };
  if (unexpectedDenies.length) console.log(`unexpected denies (${unexpectedDenies.length}):\n  ${byRoute(unexpectedDenies)}`);
  if (unknown.length) console.log(`not telling (${unknown.length}: 400, 5xx, or a request the schema refused):\n  ${byRoute(unknown)}`);
  assert.deepEqual(unexpectedAllows, [], `unexpected allows (${unexpectedAllows.length})`);
});

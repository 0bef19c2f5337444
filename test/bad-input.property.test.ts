// No input gets a 5xx: every write endpoint and every list endpoint of the OpenAPI document is
// driven with generated bad input (fast-check), in-process against the app on one test database,
// as the ministry (who may write nearly everything, so requests get past permissions).
// SAPA_BAD_INPUT_RUNS sets the total number of requests (default 10,000; about a minute).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { OPENAPI_INFO } from '../src/app.ts';
import { type TestApp, createTestApp } from './helpers/app.ts';
import { type JsonSchema, type OpenApiDocument, badInputArbitraries } from './helpers/bad-input.ts';

const TOTAL_RUNS = Number(process.env.SAPA_BAD_INPUT_RUNS ?? 10_000);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Operation = { method: string; path: string; parameters: JsonSchema[]; body?: JsonSchema; contentType?: string };

let t: TestApp;
let ministry: string;
let document: OpenApiDocument;
before(async () => {
  t = await createTestApp();
  ministry = await t.tokenFor('ministry');
  document = t.app.getOpenAPI31Document(OPENAPI_INFO) as unknown as OpenApiDocument;
});
after(() => t.close());

/** Write operations, and reads that take query parameters (the lists). */
function operationsUnderTest(): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters: JsonSchema[] = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      const write = method !== 'get';
      if (!write && !parameters.some((p) => p.in === 'query')) continue;
      operations.push({ method: method.toUpperCase(), path: path.replace(/\{(\w+)\}/g, '{$1}'), parameters, body: contentType ? content[contentType].schema : undefined, contentType });
    }
  }
  return operations;
}

/** Ids of records that exist, read from every list without path parameters. */
async function existingIds(operations: Operation[]): Promise<string[]> {
  const ids = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (/id$/i.test(key) && typeof item === 'string' && UUID.test(item)) ids.add(item);
        else collect(item);
      }
    }
  };
  for (const op of operations.filter((o) => o.method === 'GET' && !o.path.includes('{'))) {
    const res = await t.request('GET', `${op.path}?limit=5`, { token: ministry });
    if (res.headers.get('content-type')?.includes('json')) collect(await res.json());
  }
  return [...ids].slice(0, 200);
}

test(`${TOTAL_RUNS} generated requests with bad input to every write and list endpoint: no response is a 5xx`, async () => {
  const operations = operationsUnderTest();
  assert.ok(operations.length > 80, `${operations.length} operations found`);
  const { queryOf, pathOf, bodyOf } = badInputArbitraries(document, await existingIds(operations));
  const runsEach = Math.ceil(TOTAL_RUNS / operations.length);
  let sent = 0;
  const failures: string[] = [];
  const timings: [string, number][] = [];
  for (const op of operations) {
    const started = performance.now();
    const request = fc.record({ path: pathOf(op.path, op.parameters), query: queryOf(op.parameters), body: op.method === 'GET' ? fc.constant(undefined) : bodyOf(op.body) });
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query, body }) => {
        sent++;
        const headers: Record<string, string> = { authorization: `Bearer ${ministry}` };
        if (body !== undefined) headers['content-type'] = op.contentType === 'multipart/form-data' ? 'application/json' : (op.contentType ?? 'application/json');
        const res = await t.app.request(`${path}${query}`, { method: op.method, headers, body });
        const text = await res.text();
        if (res.status >= 500) {
          failures.push(`${op.method} ${path}${query} ${body?.slice(0, 300) ?? ''} → ${res.status} ${text.slice(0, 200)}`);
          return false;
        }
        return true;
      }),
      { numRuns: runsEach, endOnFailure: true },
    ).catch((error: unknown) => {
      if (!failures.length) failures.push(`${op.method} ${op.path}: ${String(error).slice(0, 600)}`);
    });
    timings.push([`${op.method} ${op.path}`, performance.now() - started]);
  }
  if (process.env.SAPA_BAD_INPUT_TIMINGS) console.log(timings.sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, ms]) => `${Math.round(ms)} ${k}`).join('\n'));
  assert.ok(sent >= TOTAL_RUNS, `${sent} requests sent`);
  assert.deepEqual(failures, []);
});

// Checks a JSON response against what the OpenAPI document promises for its route and status, so
// a presenter and its documented schema cannot drift apart without a test failing. Built from the
// app's own generated document (src/openapi.ts), validated with Ajv's JSON Schema 2020-12, the
// dialect of OpenAPI 3.1.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../src/openapi.ts';

type MediaType = { schema?: object };
type Response = { content?: Record<string, MediaType> };
type Operation = { responses?: Record<string, Response> };
type Route = { method: string; template: string; pattern: RegExp; literals: number; operation: Operation };

let routes: Route[] | null = null;
let ajv: Ajv2020 | null = null;
/** By the schema's JSON: most responses repeat a few schemas (every problem is the Problem schema). */
const validators = new Map<string, ValidateFunction>();

type Document = { paths: Record<string, Record<string, Operation>>; components?: object };

/** `given`: the document of the app under test (the same as openApiDocument(), without building a second app). */
function load(given?: object): { routes: Route[]; ajv: Ajv2020 } {
  if (routes && ajv) return { routes, ajv };
  const doc = (given ?? openApiDocument()) as Document;
  // OpenAPI keywords Ajv does not know (example, openapi annotations) are allowed, not errors.
  ajv = new Ajv2020({ strict: false, allErrors: true, inlineRefs: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components ?? {} });
  routes = Object.entries(doc.paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parts = template.split('/');
      const source = parts.map((p) => (/^\{.+\}$/.test(p) ? '[^/]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
      return { method, template, pattern: new RegExp(`^${source}$`), literals: parts.filter((p) => !p.startsWith('{')).length, operation };
    }),
  );
  // A literal segment wins over a parameter (/api/credentials/specifications before /api/credentials/{id}).
  routes.sort((a, b) => b.literals - a.literals);
  return { routes, ajv };
}

function validatorFor(schema: object): ValidateFunction {
  const json = JSON.stringify(schema);
  const known = validators.get(json);
  if (known) return known;
  const { ajv } = load();
  // Component references point into the document registered as 'openapi'.
  const validate = ajv.compile(JSON.parse(json.replaceAll('"#/components/', '"openapi#/components/')) as object);
  validators.set(json, validate);
  return validate;
}

let compiledAll = false;
/**
 * Compiles every response schema at once. Compiling takes the event loop for a while; done lazily
 * in the middle of a test it delays the socket of the embedded database enough to interleave two
 * connections' statements ("unnamed prepared statement does not exist"), so the app does it first.
 * Once a process: every app has the same routes, so `document` is asked for the first time only
 * (test files sharing a process skip building it again).
 */
export function compileAll(document?: () => object): void {
  if (compiledAll) return;
  compiledAll = true;
  for (const route of load(document?.()).routes) {
    for (const response of Object.values(route.operation.responses ?? {})) {
      for (const media of Object.values(response.content ?? {})) if (media.schema) validatorFor(media.schema);
    }
  }
}

/**
 * What is wrong with a response, or null when it matches its documented schema (or the route,
 * status or media type is not one the document describes as JSON, e.g. HTML pages).
 */
export function responseDrift(method: string, url: string, status: number, contentType: string | null, body: unknown): string | null {
  const path = new URL(url, 'http://sapa.test').pathname;
  const route = load().routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
  if (!route) return null;
  const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
  if (!/json$/.test(mediaType)) return null;
  const responses = route.operation.responses ?? {};
  const documented = responses[String(status)] ?? responses.default;
  if (!documented) return `${method} ${route.template} answered ${status}, which its OpenAPI entry does not list (${Object.keys(responses).join(', ')})`;
  const content = documented.content?.[mediaType];
  if (!content) return `${method} ${route.template} ${status} sent ${mediaType}, which its OpenAPI entry does not list (${Object.keys(documented.content ?? {}).join(', ') || 'no body'})`;
  if (!content.schema) return null;
  const validate = validatorFor(content.schema);
  if (validate(body)) return null;
  const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  return `${method} ${route.template} ${status} does not match its OpenAPI schema: ${errors.join('; ')}`;
}

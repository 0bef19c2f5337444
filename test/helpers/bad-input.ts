// fast-check generators of bad input for any operation of the OpenAPI document: query
// parameters, path parameters and JSON bodies built from each schema, mostly well-formed enough to
// pass the validator and reach the services and the database, with hostile values mixed in.
import fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema objects of the OpenAPI document
export type JsonSchema = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document as JSON
export type OpenApiDocument = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, JsonSchema> } };

/** Strings that broke something once, or might: NUL, lone surrogates, odd dates, huge text, markup. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '2024-1-1',
  '2025-02-30',
  '0000-01-01',
  '2025-06-01T10:00:00Z',
  '2025-06-01T25:61:00Z',
  '99999-12-31',
  '-1',
  '1e309',
  'NaN',
  'javascript:alert(1)',
  "'; DROP TABLE users; --",
  '%00',
  '../../../etc/passwd',
  'Ұ'.repeat(3000),
  'w'.repeat(9000),
  '',
  ' ',
  '<script>alert(1)</script>',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '-',
  '[]',
  '{}',
  'true',
  '🙂'.repeat(700),
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const plainString = fc.string({ maxLength: 12 });
const someDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true });

/** Anything at all, in place of a value of any type. */
const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant(2 ** 63),
);

/** `knownIds`: ids of records that exist, so that generated requests reach the services. */
export function badInputArbitraries(document: OpenApiDocument, knownIds: string[]) {
  const resolve = (schema: JsonSchema): JsonSchema => {
    let current = schema;
    for (let hops = 0; current?.$ref && hops < 10; hops++) {
      current = document.components?.schemas?.[String(current.$ref).replace('#/components/schemas/', '')] ?? {};
    }
    return current ?? {};
  };

  const uuid = fc.oneof(
    { weight: 6, arbitrary: knownIds.length ? fc.constantFrom(...knownIds) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostileString },
  );

  function stringOf(schema: JsonSchema): fc.Arbitrary<unknown> {
    if (schema.format === 'uuid') return uuid;
    if (schema.format === 'date') return fc.oneof({ weight: 3, arbitrary: someDate.map((d) => d.toISOString().slice(0, 10)) }, { weight: 1, arbitrary: hostileString });
    if (schema.format === 'date-time') return fc.oneof({ weight: 3, arbitrary: someDate.map((d) => d.toISOString()) }, { weight: 1, arbitrary: hostileString });
    if (schema.format === 'email') return fc.oneof(fc.emailAddress(), hostileString);
    if (schema.format === 'uri') return fc.oneof(fc.webUrl(), hostileString);
    return fc.oneof({ weight: 3, arbitrary: plainString }, { weight: 2, arbitrary: hostileString });
  }

  function generatedValue(input: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const schema = resolve(input);
    if (depth > 5) return wildValue;
    const alternatives = schema.anyOf ?? schema.oneOf;
    let typed: fc.Arbitrary<unknown>;
    if (Array.isArray(schema.enum)) typed = fc.constantFrom(...schema.enum);
    else if (Array.isArray(alternatives)) typed = fc.oneof(...alternatives.map((s: JsonSchema) => generatedValue(s, depth + 1)));
    else if (Array.isArray(schema.allOf)) typed = generatedValue(schema.allOf[0] ?? {}, depth + 1);
    else {
      const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : [];
      typed = types.length ? fc.oneof(...types.map((type) => valueOfType(schema, type, depth))) : wildValue;
    }
    return fc.oneof({ weight: 7, arbitrary: typed }, { weight: 1, arbitrary: wildValue });
  }

  function valueOfType(schema: JsonSchema, type: string, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case 'string':
        return stringOf(schema);
      case 'integer':
        return fc.oneof(fc.integer({ min: Math.max(-1000, schema.minimum ?? -1000), max: Math.min(1000, schema.maximum ?? 1000) }), fc.integer(), fc.constant(2 ** 53));
      case 'number':
        return fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.double({ noNaN: true }));
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(generatedValue(schema.items ?? {}, depth + 1), { maxLength: 3 });
      case 'object': {
        const properties: Record<string, JsonSchema> = schema.properties ?? {};
        const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, generatedValue(s, depth + 1)]));
        const required: string[] = (schema.required ?? []).filter((key: string) => key in model);
        const record = fc.record(model, { requiredKeys: required });
        // Now and then a field no schema knows, to exercise strict objects.
        return fc.tuple(record, fc.option(fc.tuple(plainString, wildValue), { freq: 8 })).map(([value, extra]) =>
          extra ? { ...value, [`x${extra[0]}`]: extra[1] } : value,
        );
      }
      default:
        return wildValue;
    }
  }

  /** A query string for the operation: each parameter left out, or given a generated or hostile value. */
  function queryOf(parameters: JsonSchema[]): fc.Arbitrary<string> {
    const query = parameters.filter((p) => p.in === 'query');
    if (!query.length) return fc.constant('');
    const entries = query.map((p) =>
      fc.option(
        fc.oneof(generatedValue(p.schema ?? {}, 4), hostileString).map((v) => [p.name as string, typeof v === 'string' ? v : JSON.stringify(v)] as const),
        { freq: 2 },
      ),
    );
    return fc.tuple(...entries).map((pairs) => {
      const params = new URLSearchParams();
      for (const pair of pairs) if (pair) params.append(pair[0], pair[1]);
      const text = params.toString();
      return text ? `?${text}` : '';
    });
  }

  /** The path with each {parameter} filled in (a known id, most often, so the request gets far). */
  function pathOf(path: string, parameters: JsonSchema[]): fc.Arbitrary<string> {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    if (!names.length) return fc.constant(path);
    const values = names.map((name) => {
      const schema = resolve(parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {});
      if (Array.isArray(schema.enum)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum.map(String)) }, { weight: 1, arbitrary: hostileString });
      if (schema.format === 'uuid') return uuid.map(String);
      return fc.oneof(fc.constantFrom('1', '2', 'S1', 'standard-1'), plainString, hostileString);
    });
    return fc.tuple(...values).map((filled) => names.reduce((p, name, i) => p.replace(`{${name}}`, encodeURIComponent(String(filled[i]).toWellFormed())), path));
  }

  /** A JSON body text for the schema, sometimes not JSON at all or absurdly deep. */
  function bodyOf(schema: JsonSchema | undefined): fc.Arbitrary<string | undefined> {
    const generated = generatedValue(schema ?? {}, 0).map((v) => JSON.stringify(v));
    return fc.oneof(
      { weight: 12, arbitrary: generated },
      { weight: 1, arbitrary: fc.constantFrom('{', 'null', '"text"', '[1,2', `${'['.repeat(5000)}${']'.repeat(5000)}`, `{"a":${'{"a":'.repeat(300)}1${'}'.repeat(301)}`) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }

  return { queryOf, pathOf, bodyOf };
}

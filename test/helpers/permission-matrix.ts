// The permission matrix's world: one user per role, the records of "their own" organization and
// of a foreign one, and a request for every route of the OpenAPI document made from its schemas
// (path parameters point at the scope's records, bodies are minimal valid instances).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROLES, type Role } from '../../src/platform/access/roles.ts';
import { inTransaction } from '../../src/platform/context.ts';
import { createMeeting } from '../../src/accreditation/council.service.ts';
import { insertCase } from '../../src/accreditation/after.fixtures.ts';
import { createProgramme } from '../../src/registry/programme.service.ts';
import type { TestApp } from './app.ts';
import { bachelorIctPassport, orgIdByKey } from './factories.ts';

export type Scope = 'own' | 'foreign';
export type Caller = Role | 'anonymous';
export const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];
export const SCOPES: readonly Scope[] = ['own', 'foreign'];

/** The records a request points at: of the callers' own organization and body, or of others. */
export type Targets = {
  organization: string;
  organizationKey: string;
  body: string;
  programme: string;
  case: string;
  meeting: string;
  credential: string;
  qualification: string;
  sqf: string;
  standard: string;
};

export type World = { tokens: Record<Role, string>; targets: Record<Scope, Targets> };

/** Organization roles sit at the university, the body's roles at the accreditation body. */
const ROLE_HOME: Record<Role, 'university' | 'body' | null> = {
  ministry: null,
  'org-admin': 'university',
  'org-editor': 'university',
  'agency-staff': 'body',
  'agency-head': 'body',
  expert: 'body',
  'council-member': 'body',
  'sector-council': null,
  learner: null,
};

const NIL = '00000000-0000-4000-8000-000000000000';

export async function buildWorld(t: TestApp): Promise<World> {
  const ids = async (university: string, body: string) => ({ university: await orgIdByKey(t.db, university), body: await orgIdByKey(t.db, body) });
  const home = { own: await ids('satbayev-university', 'kazsee'), foreign: await ids('kaznu', 'naar') };
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    const where = ROLE_HOME[role];
    tokens[role] = await t.tokenFor(role, where ? home.own[where] : null);
  }
  const any = async (table: 'qualifications' | 'sqfs' | 'occupational_standards') =>
    (await t.db.selectFrom(table).select('id').limit(1).executeTakeFirst())?.id ?? NIL;
  const shared = { qualification: await any('qualifications'), sqf: await any('sqfs'), standard: await any('occupational_standards') };
  const standardSetId = (await t.db.selectFrom('standard_sets').select('id').where('key', '=', 'kazsee-programme').executeTakeFirstOrThrow()).id;
  const targets = {} as Record<Scope, Targets>;
  for (const scope of SCOPES) {
    const { university, body } = home[scope];
    const made = await inTransaction(t.system, async (ctx) => {
      const programme = await createProgramme(ctx, {
        ...bachelorIctPassport(),
        organizationId: university,
        code: scope === 'own' ? '6B06180' : '6B06181',
        edition: 1,
        name: { kk: `Матрица ${scope}`, ru: `Матрица ${scope}`, en: `Matrix ${scope}` },
        programmeType: 'new',
        studyForms: [],
        occupationalStandardIds: [],
        atlasEntries: [],
        partnerIds: [],
        outcomes: [],
        courses: [],
      } as Parameters<typeof createProgramme>[1]);
      const caseId = await insertCase(ctx.db, { bodyId: body, organizationId: university, state: 'sar-review', standardSetId });
      const meeting = await createMeeting(ctx, { bodyId: body, meetsOn: '2026-05-20', agenda: [] });
      return { programme: programme.id, case: caseId, meeting: meeting.id };
    });
    const key = (await t.db.selectFrom('organizations').select('key').where('id', '=', university).executeTakeFirstOrThrow()).key ?? university;
    const issuerToken = await t.tokenFor('org-admin', university);
    const issued = await t.json('POST', '/api/credentials', {
      token: issuerToken,
      body: { organizationId: university, learner: { name: 'Матрица' }, achievement: { name: 'Матрица', description: 'Матрица', criteria: { narrative: 'Матрица' } }, validFrom: '2025-09-01' },
    });
    targets[scope] = { organization: university, organizationKey: key, body, credential: issued.body.id ?? NIL, ...made, ...shared };
  }
  return { tokens, targets };
}

type Schema = { $ref?: string; type?: string | string[]; enum?: unknown[]; const?: unknown; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] } & Record<string, unknown>;
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
export type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** Which record a path parameter names, by the route it is in. */
function pathValue(path: string, name: string, param: Parameter | undefined, x: Targets): string {
  const options = param?.schema?.enum;
  if (options?.length) return String(options[0]);
  if (name === 'org') return x.organizationKey;
  if (name === 'level') return '6';
  if (name === 'classifier') return 'field';
  if (name === 'code') return '06';
  if (name === 'v') return '1';
  if (name !== 'id') return NIL;
  const families: [RegExp, keyof Targets][] = [
    [/^\/api\/organizations\/\{id\}/, 'organization'],
    [/^\/api\/accreditation\/bodies\/\{id\}/, 'body'],
    [/^\/api\/programmes\/\{id\}/, 'programme'],
    [/^\/api\/qualifications\/\{id\}/, 'qualification'],
    [/^\/api\/sqfs\/\{id\}/, 'sqf'],
    [/^\/api\/occupational-standards\/\{id\}/, 'standard'],
    [/^\/api\/accreditation\/cases\/\{id\}/, 'case'],
    [/^\/api\/accreditation\/council\/meetings\/\{id\}/, 'meeting'],
    [/^\/api\/credentials\/\{id\}/, 'credential'],
  ];
  const family = families.find(([pattern]) => pattern.test(path));
  return family ? x[family[1]] : NIL;
}

/** Ids in bodies and queries, by field name: the scope's records. */
function namedValue(name: string, x: Targets): string | undefined {
  const byName: Record<string, string> = {
    organizationId: x.organization,
    organization: x.organization,
    bodyId: x.body,
    body: x.body,
    caseId: x.case,
    programmeId: x.programme,
    toId: x.organization,
    credentialId: x.credential,
  };
  return byName[name];
}

/** Fields whose schema a plain instance cannot satisfy (patterns, refinements). */
const FIXED: Record<string, unknown> = { code: '6B06190', key: 'matrix', countryCode: 'KZ', criteria: { narrative: 'Matrix' } };

export class RequestMaker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, inlineRefs: false });
  private readonly doc: OpenApiDocument;
  constructor(doc: OpenApiDocument) {
    this.doc = doc;
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: 'openapi', components: doc.components ?? {} });
  }

  private resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').at(-1) as string;
    return this.resolve(this.doc.components?.schemas?.[name] ?? {});
  }

  /** A minimal instance of the schema (required properties only), ids taken from the scope. */
  example(raw: Schema, name: string, x: Targets, depth = 0): unknown {
    const schema = this.resolve(raw);
    if (depth > 8) return null;
    const named = namedValue(name, x);
    if (name in FIXED) return FIXED[name];
    if (schema.const !== undefined) return schema.const;
    if (schema.enum?.length) return schema.enum[0];
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return this.example(choices.find((c) => this.resolve(c).type !== 'null') ?? choices[0] ?? {}, name, x, depth + 1);
    if (schema.allOf?.[0]) return this.example(schema.allOf[0], name, x, depth + 1);
    const type = Array.isArray(schema.type) ? schema.type.find((k) => k !== 'null') : schema.type;
    if (type === 'object' || schema.properties) {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      // Optional fields that name the scope's records go in too: they decide whose record it is.
      const keys = Object.keys(properties).filter((key) => required.includes(key) || namedValue(key, x) !== undefined);
      return Object.fromEntries(keys.map((key) => [key, this.example(properties[key] ?? {}, key, x, depth + 1)]));
    }
    if (type === 'array') {
      const min = Number(schema.minItems ?? 0);
      return Array.from({ length: min }, () => this.example((schema.items ?? {}) as Schema, name, x, depth + 1));
    }
    if (type === 'integer' || type === 'number') return Number(schema.minimum ?? 1);
    if (type === 'boolean') return true;
    if (named) return named;
    const pattern = String(schema.pattern ?? '');
    if (pattern.includes('\\d{4}-')) return '2025-09-01';
    const format = schema.format;
    if (format === 'uuid') return NIL;
    if (format === 'date') return '2025-09-01';
    if (format === 'date-time') return '2025-09-01T00:00:00.000Z';
    if (format === 'email') return 'matrix@example.kz';
    if (format === 'uri' || format === 'url') return 'https://example.kz';
    const min = Number(schema.minLength ?? 1);
    return 'Matrix'.padEnd(min, 'x');
  }

  /** The request for one route in one scope, and whether its body is a valid instance of its schema. */
  request(path: string, op: Operation, x: Targets): { url: string; body?: unknown; bodyValid: boolean } {
    const params = op.parameters ?? [];
    const url = path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(pathValue(path, name, params.find((p) => p.in === 'path' && p.name === name), x)),
    );
    const query = params
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(this.example(p.schema ?? {}, p.name, x)))}`);
    const json = op.requestBody?.content?.['application/json']?.schema;
    if (!json) return { url: query.length ? `${url}?${query.join('&')}` : url, bodyValid: !op.requestBody };
    const body = this.example(json, '', x);
    const valid = this.ajv.validate({ $ref: this.refOf(json) }, body);
    return { url: query.length ? `${url}?${query.join('&')}` : url, body, bodyValid: valid };
  }

  private refOf(schema: Schema): string {
    if (schema.$ref) return `openapi${schema.$ref}`;
    const id = `inline-${this.inline.size}`;
    const known = this.inline.get(schema);
    if (known) return known;
    // Inline schemas name the document's components from inside: point those references at it.
    this.ajv.addSchema({ ...JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')), $id: id });
    this.inline.set(schema, id);
    return id;
  }
  private readonly inline = new Map<Schema, string>();
}

/** What a response says about access: allowed through the policy, refused, or not telling. */
export type Observed = 'allow' | 'deny' | 'unknown';

export function observe(status: number, bodyValid: boolean, problem: unknown): Observed {
  if (status === 401 || status === 403 || status === 404) return 'deny';
  if (status < 400 || status === 409 || status === 412) return 'allow';
  // A 422 for a body valid by the schema comes from the service, which checks its policy first;
  // one about the query or path parameters came from the route's own validation.
  const firstPath = (problem as { errors?: { path: string }[] } | null)?.errors?.[0]?.path ?? '';
  if (status === 422 && bodyValid && !/^(query|param)\./.test(firstPath)) return 'allow';
  return 'unknown';
}

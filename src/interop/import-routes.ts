// API of the importer and the exports: templates, preview or commit of an upload, and streamed
// downloads of a register as CSV, XLSX or JSON-LD.
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { attachmentDisposition } from '../platform/files/files.ts';
import type { Api, AppEnv } from '../platform/http/env.ts';
import { binary, errorResponses, registerDownload, idParam, jsonContent, problemSchema, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import { LANGUAGES } from '../platform/i18n/i18n.ts';
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, exportFileName, exportStream } from './export-register.ts';
import { templateBytes } from './import-template.ts';
import { REGISTER_NAMES } from './import-registers.ts';
import { getImportJob, importJobPath, startImportCommit } from './import-jobs.ts';
import { commitImport, previewImport, problemOfOutcome, registerDescriptor } from './import-service.ts';

const registerParam = z.object({ register: z.enum(REGISTER_NAMES as [string, ...string[]]).openapi({ param: { name: 'register', in: 'path' } }) });
const langQuery = z.enum(LANGUAGES).optional().openapi({ description: 'Language of the headers and names (default: the request language)' });

export const importOutcomeSchema = z
  .object({
    register: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    committed: z.boolean().openapi({ description: 'true when every row was stored; a preview or a file with any problem stores nothing' }),
    total: z.number().int(),
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    ignoredColumns: z.array(z.string()),
    rows: z.array(z.object({ row: z.number().int(), action: z.enum(['create', 'update', 'unchanged', 'invalid']), key: z.string() })),
    problems: z.array(z.object({ row: z.number().int(), column: z.string().nullable(), key: z.string(), message: z.string() })),
  })
  .openapi('ImportOutcome');

export const importJobSchema = z
  .object({
    id: z.string().uuid(),
    register: z.string(),
    state: z.enum(['queued', 'running', 'completed', 'failed']).openapi({ description: 'failed: nothing was stored (see problem)' }),
    done: z.number().int().openapi({ description: 'Rows checked and written so far' }),
    total: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    outcome: z.union([importOutcomeSchema, z.null()]),
    problem: z.union([problemSchema, z.null()]).openapi({ description: 'Why nothing was stored, in the reader\'s language' }),
  })
  .openapi('ImportJob');

const uploadBody = {
  // Not required in the schema: the form validator would then demand a form body of every
  // upload; an empty body is refused by the importer with a localized problem instead.
  required: false,
  content: {
    'text/csv': { schema: z.string().openapi({ description: 'The CSV file' }) },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
    'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) },
  },
};
const encodingQuery = z.string().max(40).optional().openapi({ description: 'The text encoding when detection should be overridden, e.g. windows-1251' });

async function uploadOf(c: Context<AppEnv>): Promise<Uint8Array> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('multipart/form-data')) {
    const file = (await c.req.parseBody()).file;
    return file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  }
  return new Uint8Array(await c.req.arrayBuffer());
}

export function registerImportExportRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/{register}/template',
      tags: ['Import and export'],
      summary: 'A template to fill in: the header row in the chosen language and an example row (CSV in UTF-8 with BOM, or XLSX)',
      request: { params: registerParam, query: z.object({ lang: langQuery, format: z.enum(['csv', 'xlsx']).optional() }) },
      responses: { 200: binary('text/csv', 'The template (XLSX when format=xlsx)'), ...errorResponses },
    }),
    async (c) => {
      const { register } = c.req.valid('param');
      const query = c.req.valid('query');
      const format = query.format ?? 'csv';
      const bytes = await templateBytes(registerDescriptor(register), query.lang ?? c.get('ctx').lang, format);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': EXPORT_MEDIA_TYPES[format],
        'content-disposition': attachmentDisposition(`sapa-${register}-template.${format}`),
      });
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports/{register}',
      tags: ['Import and export'],
      summary:
        'Import a CSV (UTF-8, UTF-16 or Windows-1251, detected or given as ?encoding=; comma, semicolon or tab) or XLSX file. Without commit=true only a preview: rows to create, update or leave unchanged and every problem with its row and column. With commit=true the whole file is stored in one transaction, or nothing when any row has a problem (422 listing them). The same file again changes nothing.',
      security: [{ bearer: [] }],
      request: {
        params: registerParam,
        query: z.object({
          commit: z.enum(['true', 'false']).optional(),
          encoding: encodingQuery,
        }),
        body: uploadBody,
      },
      responses: { 200: jsonContent(importOutcomeSchema, 'The preview, or the committed import'), ...writeErrorResponses },
    }),
    async (c) => {
      const { register } = c.req.valid('param');
      const query = c.req.valid('query');
      const bytes = await uploadOf(c);
      const ctx = c.get('ctx');
      const options = { encoding: query.encoding };
      if (query.commit !== 'true') return c.json(await previewImport(ctx, register, bytes, options), 200);
      const outcome = await commitImport(ctx, register, bytes, options);
      if (!outcome.committed) throw problemOfOutcome(outcome);
      return c.json(outcome, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports/{register}/commit',
      tags: ['Import and export'],
      summary:
        'Commit an import as a job: the file is checked for who may import and whether it reads, then queued (202 with the job and its Location). The job stores every row in one transaction, or nothing when any row has a problem; follow GET /api/imports/jobs/{id} for its progress and outcome.',
      security: [{ bearer: [] }],
      request: { params: registerParam, query: z.object({ encoding: encodingQuery }), body: uploadBody },
      responses: { 202: jsonContent(importJobSchema, 'Queued: follow the Location'), ...writeErrorResponses },
    }),
    async (c) => {
      const { register } = c.req.valid('param');
      const query = c.req.valid('query');
      const bytes = await uploadOf(c);
      const job = await writeTx(c, (ctx) => startImportCommit(ctx, register, bytes, { encoding: query.encoding }));
      return c.json(job, 202, { location: importJobPath(job.id) });
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/imports/jobs/{id}',
      tags: ['Import and export'],
      summary: 'An import job started by the caller: its state, progress (rows done of total), and the outcome or the localized problem',
      security: [{ bearer: [] }],
      request: { params: idParam },
      responses: { 200: jsonContent(importJobSchema, 'The job'), ...errorResponses, 401: writeErrorResponses[401] },
    }),
    async (c) => c.json(await getImportJob(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/exports/{register}',
      tags: ['Import and export'],
      summary:
        'The whole register as CSV, XLSX or JSON-LD, streamed; headers and names in the chosen language, codes kept; formula-looking cells written as text. Without a role that reads unpublished records, only public ones.',
      request: { params: registerParam, query: z.object({ format: z.enum(EXPORT_FORMATS).optional(), lang: langQuery }) },
      responses: { 200: registerDownload('The register (XLSX or JSON-LD by format)'), ...errorResponses },
    }),
    async (c) => {
      const { register } = c.req.valid('param');
      const query = c.req.valid('query');
      const format = query.format ?? 'csv';
      const ctx = c.get('ctx');
      const descriptor = registerDescriptor(register);
      const stream = exportStream(ctx, descriptor, format, { lang: query.lang ?? ctx.lang, baseUrl: new URL(c.req.url).origin });
      return c.body(Readable.toWeb(stream) as ReadableStream<Uint8Array<ArrayBuffer>>, 200, {
        'content-type': EXPORT_MEDIA_TYPES[format],
        'content-disposition': attachmentDisposition(exportFileName(descriptor, format, todayInAlmaty())),
      });
    },
  );
}

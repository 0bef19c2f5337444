// Stored files leave the API only as private downloads: under the uploader's name, never sniffed
// into another type by the browser and never kept by a shared cache. privateFileRoutes is the one
// shape of a module's upload (multipart, refused from its length before it is read), download and
// detach routes.
import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { Ctx } from '../context.ts';
import { validationFailed } from '../errors.ts';
import { attachmentDisposition, type FileBatch, maxUploadBytes, withFileBatch } from '../files/files.ts';
import type { Api, AppEnv } from './env.ts';
import { binary, jsonContent, writeErrorResponses, writeTx } from './openapi-common.ts';

export type DownloadableFile = { bytes: Uint8Array; mediaType: string; fileName: string };

/** The 200 response that hands one stored file to the reader allowed to see it. */
export function privateFileResponse(c: Context, file: DownloadableFile) {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': file.mediaType,
    'content-disposition': attachmentDisposition(file.fileName),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  });
}

/** The bytes and name of a multipart upload, as the services take them. */
export async function uploadedFile(file: File): Promise<{ bytes: Uint8Array; fileName: string }> {
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
}

/** Multipart overhead allowed on top of the file itself. */
const FORM_OVERHEAD = 64 * 1024;

/** Refuses an oversized upload from its length, before the body is read into memory. */
export const uploadLimit = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: maxUploadBytes() + FORM_OVERHEAD,
    onError: () => {
      throw validationFailed([{ path: 'file', messageKey: 'errors.documents.fileTooLarge', params: { maxMb: Math.round((maxUploadBytes() / 1048576) * 10) / 10 } }]);
    },
  })(c, next),
);

type Params = z.ZodObject<z.ZodRawShape>;
type Upload = { bytes: Uint8Array; fileName: string };

export type PrivateFileRoutes<UP extends Params, F extends z.ZodObject<{ file: z.ZodType<File> } & z.ZodRawShape>, DP extends Params> = {
  tags: string[];
  upload?: {
    /** OpenAPI path, e.g. /api/x/{id}/documents. */
    path: string;
    params: UP;
    /** The multipart form: `file` and the fields the service takes with it. */
    form: F;
    summary: string;
    response: z.ZodType;
    description: string;
    run: (ctx: Ctx, params: z.output<UP>, upload: Upload & Omit<z.output<F>, 'file'>, batch: FileBatch) => Promise<unknown>;
  };
  /** Download (GET) and, with `remove`, detach (DELETE) on the same path. */
  file?: {
    path: string;
    params: DP;
    summary: string;
    read: (ctx: Ctx, params: z.output<DP>) => Promise<DownloadableFile>;
    remove?: { summary: string; run: (ctx: Ctx, params: z.output<DP>) => Promise<unknown> };
  };
};

/** The request's params (or form), parsed by the route's own schema: the generic route loses their type. */
const valid = <T>(c: Context<AppEnv>, target: 'param' | 'form'): T => (c.req.valid.bind(c.req) as unknown as (t: 'param' | 'form') => T)(target);

/** Registers a module's upload, download and detach routes of private files. */
export function privateFileRoutes<UP extends Params, F extends z.ZodObject<{ file: z.ZodType<File> } & z.ZodRawShape>, DP extends Params>(
  app: Api,
  spec: PrivateFileRoutes<UP, F, DP>,
): void {
  const security = [{ bearer: [] }];
  const { tags, upload, file } = spec;
  if (upload) {
    app.use(upload.path.replace(/\{(\w+)\}/g, ':$1'), uploadLimit);
    app.openapi(
      createRoute({
        method: 'post',
        path: upload.path,
        tags,
        summary: upload.summary,
        security,
        request: { params: upload.params, body: { content: { 'multipart/form-data': { schema: upload.form } }, required: true } },
        responses: { 201: jsonContent(upload.response, upload.description), ...writeErrorResponses },
      }),
      async (c) => {
        const params = valid<z.output<UP>>(c, 'param');
        const { file: f, ...fields } = valid<z.output<F>>(c, 'form');
        const input = { ...fields, ...(await uploadedFile(f as File)) } as Upload & Omit<z.output<F>, 'file'>;
        return c.json((await withFileBatch((batch) => writeTx(c, (ctx) => upload.run(ctx, params, input, batch)))) as object, 201);
      },
    );
  }
  if (file) {
    app.openapi(
      createRoute({
        method: 'get',
        path: file.path,
        tags,
        summary: file.summary,
        security,
        request: { params: file.params },
        responses: { 200: binary('application/octet-stream', 'The file, with its detected media type'), ...writeErrorResponses },
      }),
      async (c) => privateFileResponse(c, await file.read(c.get('ctx'), valid<z.output<DP>>(c, 'param'))),
    );
    const { remove } = file;
    if (remove) {
      app.openapi(
        createRoute({
          method: 'delete',
          path: file.path,
          tags,
          summary: remove.summary,
          security,
          request: { params: file.params },
          responses: { 204: { description: 'Detached' }, ...writeErrorResponses },
        }),
        async (c) => {
          const params = valid<z.output<DP>>(c, 'param');
          await writeTx(c, (ctx) => remove.run(ctx, params));
          return c.body(null, 204);
        },
      );
    }
  }
}

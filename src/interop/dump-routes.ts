// API of the open-data dumps: the list (dates, sizes, checksums) and each file.
import { createRoute, z } from '@hono/zod-openapi';
import { attachmentDisposition } from '../platform/files/files.ts';
import type { Api } from '../platform/http/env.ts';
import { errorResponses, jsonContent } from '../platform/http/openapi-common.ts';
import { dumpFile, listDumps } from './dump-service.ts';

const dumpFileSchema = z.object({
  name: z.string(),
  dataset: z.string(),
  format: z.enum(['csv', 'jsonld', 'csvw', 'dcat']),
  mediaType: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  records: z.number().int().nullable(),
});

export const dumpSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    label: z.enum(['real', 'demonstration']).openapi({ description: 'real: no synthetic record in it; demonstration: only the synthetic demonstration data set' }),
    files: z.array(dumpFileSchema),
  })
  .openapi('OpenDataDump');

export function registerDumpRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/open-data',
      tags: ['Import and export'],
      summary: 'The open-data dumps, newest first: each file with its size and SHA-256 checksum',
      responses: { 200: jsonContent(z.object({ items: z.array(dumpSchema) }).openapi('OpenDataDumps'), 'The dumps') },
    }),
    async (c) => c.json({ items: await listDumps(c.get('ctx').db) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/open-data/{id}/{name}',
      tags: ['Import and export'],
      summary: 'One file of a dump (CSV, CSVW metadata, JSON-LD or the DCAT-AP catalogue)',
      request: {
        params: z.object({
          id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }),
          name: z.string().regex(/^[a-z0-9.-]+$/).openapi({ param: { name: 'name', in: 'path' } }),
        }),
      },
      responses: {
        200: {
          description: 'The file, in the media type its listing names',
          content: {
            'text/csv': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
            'application/csvm+json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'CSVW metadata of a CSV file' }) },
            'application/ld+json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'A JSON-LD document: a register or the DCAT-AP catalogue' }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id, name } = c.req.valid('param');
      const { file, bytes } = await dumpFile(c.get('ctx').db, id, name);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.mediaType,
        'content-disposition': attachmentDisposition(file.name),
        etag: `"${file.sha256}"`,
        'cache-control': 'public, max-age=86400, immutable',
      });
    },
  );
}

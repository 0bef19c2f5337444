// Stored files leave the API only as private downloads: under the uploader's name, never sniffed
// into another type by the browser and never kept by a shared cache.
import type { Context } from 'hono';
import { attachmentDisposition } from '../files/files.ts';

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

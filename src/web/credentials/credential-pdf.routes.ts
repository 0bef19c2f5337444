// GET /api/credentials/{id}/pdf: the trilingual PDF certificate of a credential, with its live
// status printed on it; the JSON is /api/credentials/{id}.
import { createRoute, z } from '@hono/zod-openapi';
import { credentialWithLiveStatus, renderCredentialPdf } from '../../credentials/credential-pdf.ts';
import type { Api } from '../../platform/http/env.ts';
import { binary, errorResponses, idParam } from '../../platform/http/openapi-common.ts';

export function registerCredentialPdfRoute(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/credentials/{id}/pdf',
      tags: ['Credentials'],
      summary: 'The credential as an A4 PDF certificate in kk, ru and en, with its current status and a QR code to its page',
      request: {
        params: idParam,
        query: z.object({ lang: z.enum(['kk', 'ru', 'en']).optional().openapi({ description: 'Language of the page the QR code opens (default kk)' }) }),
      },
      responses: { 200: binary('application/pdf', 'The certificate'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { details, status } = await credentialWithLiveStatus(c.get('ctx'), id);
      const bytes = await renderCredentialPdf(details, status, { lang: c.req.valid('query').lang ?? 'kk' });
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="credential-${id}.pdf"`,
        // The status printed on it changes with revocation and suspension.
        'cache-control': 'no-cache',
      });
    },
  );
}

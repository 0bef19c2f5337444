// GET /api/credentials/{id}/pdf: the trilingual PDF certificate of a credential. Served like a
// page (outside the OpenAPI document): a download for people, the JSON API is /api/credentials/{id}.
import { credentialDetails, liveStatusOf, renderCredentialPdf } from '../../credentials/credential-pdf.ts';
import { verifyCredential } from '../../credentials/verify.service.ts';
import type { Api } from '../../platform/http/env.ts';
import { idParam } from '../../platform/http/openapi-common.ts';

export function registerCredentialPdfRoute(app: Api): void {
  app.get('/api/credentials/:id/pdf', async (c) => {
    const { id } = idParam.parse({ id: c.req.param('id') });
    const { db } = c.get('ctx');
    const details = await credentialDetails(db, id);
    const report = await verifyCredential(db, details.credential);
    const bytes = await renderCredentialPdf(details, liveStatusOf(report));
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="credential-${id}.pdf"`,
      // The status printed on it changes with revocation and suspension.
      'cache-control': 'no-cache',
    });
  });
}

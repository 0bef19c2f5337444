// API of a self-assessment's evidence files: upload to a standard (multipart), download, detach.
import { z } from '@hono/zod-openapi';
import { privateFileRoutes } from '../platform/http/private-file.ts';
import type { Api } from '../platform/http/env.ts';
import { idParam } from '../platform/http/openapi-common.ts';
import { addEvidence, evidenceFile, removeEvidence } from './internal-qa-evidence.service.ts';
import { evidenceFormSchema, evidenceSchema } from './internal-qa.schema.ts';

const tags = ['Oversight'];
const base = '/api/oversight/internal-qa-assessments/{id}/evidence';
const evidenceParams = idParam.extend({ evidenceId: z.string().uuid().openapi({ param: { name: 'evidenceId', in: 'path' } }) });

export function registerInternalQaEvidenceRoutes(app: Api): void {
  privateFileRoutes(app, {
    tags,
    upload: {
      path: base,
      params: idParam,
      form: evidenceFormSchema,
      summary: 'Attach an evidence file to a standard of a draft or returned self-assessment (multipart: file, standardCode); PDF, DOCX, XLSX, PNG or JPEG judged by content',
      response: evidenceSchema,
      description: 'The attached evidence',
      run: (ctx, { id }, upload, batch) => addEvidence(ctx, id, upload, batch),
    },
    file: {
      path: `${base}/{evidenceId}`,
      params: evidenceParams,
      summary: "Download an evidence file (the self-assessment's readers: the organization's staff and the authority)",
      read: (ctx, { id, evidenceId }) => evidenceFile(ctx, id, evidenceId),
      remove: { summary: 'Detach an evidence file from a draft or returned self-assessment', run: (ctx, { id, evidenceId }) => removeEvidence(ctx, id, evidenceId) },
    },
  });
}

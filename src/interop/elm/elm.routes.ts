// Europass ELM 3 JSON-LD of public records.
import { createRoute, z } from '@hono/zod-openapi';
import type { Ctx } from '../../platform/context.ts';
import type { Api } from '../../platform/http/env.ts';
import { errorResponses, idParam } from '../../platform/http/openapi-common.ts';
import { elmOfDecision, elmOfProgramme, elmOfQualification } from './elm.service.ts';

const DOCUMENTS: Array<{ path: string; summary: string; what: string; read: (ctx: Ctx, id: string) => Promise<Record<string, unknown>> }> = [
  { path: '/api/accreditation/decisions/{id}/elm', summary: 'The decision as a Europass ELM 3 Accreditation (JSON-LD)', what: 'The Accreditation', read: elmOfDecision },
  {
    path: '/api/programmes/{id}/elm',
    summary: 'An included programme as a Europass ELM 3 LearningOpportunity with its Qualification (JSON-LD)',
    what: 'The LearningOpportunity',
    read: elmOfProgramme,
  },
  {
    path: '/api/qualifications/{id}/elm',
    summary: 'A qualification as a Europass ELM 3 Qualification with its EQF level, ISCED-F field and awarding body (JSON-LD)',
    what: 'The Qualification',
    read: elmOfQualification,
  },
];

export function registerElmRoutes(app: Api): void {
  for (const d of DOCUMENTS) {
    const content = { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'JSON-LD with the EDC application profile context (docs/interop.md)' }) } };
    app.openapi(
      createRoute({ method: 'get', path: d.path, tags: ['Europass ELM'], summary: d.summary, request: { params: idParam }, responses: { 200: { description: d.what, content }, ...errorResponses } }),
      async (c) => c.json(await d.read(c.get('ctx'), c.req.valid('param').id), 200),
    );
  }
}

// Europass ELM 3 JSON-LD of public records.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../../platform/http/env.ts';
import { errorResponses, idParam } from '../../platform/http/openapi-common.ts';
import { elmOfDecision, elmOfProgramme, elmOfQualification } from './elm.service.ts';

const jsonLd = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'JSON-LD with the EDC application profile context (docs/interop.md)' }) } },
});

export function registerElmRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/accreditation/decisions/{id}/elm',
      tags: ['Europass ELM'],
      summary: 'The decision as a Europass ELM 3 Accreditation (JSON-LD)',
      request: { params: idParam },
      responses: { 200: jsonLd('The Accreditation'), ...errorResponses },
    }),
    async (c) => {
      const doc = await elmOfDecision(c.get('ctx'), c.req.valid('param').id);
      return c.json(doc, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/programmes/{id}/elm',
      tags: ['Europass ELM'],
      summary: 'An included programme as a Europass ELM 3 LearningOpportunity with its Qualification (JSON-LD)',
      request: { params: idParam },
      responses: { 200: jsonLd('The LearningOpportunity'), ...errorResponses },
    }),
    async (c) => {
      const doc = await elmOfProgramme(c.get('ctx'), c.req.valid('param').id);
      return c.json(doc, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/qualifications/{id}/elm',
      tags: ['Europass ELM'],
      summary: 'A qualification as a Europass ELM 3 Qualification with its EQF level, ISCED-F field and awarding body (JSON-LD)',
      request: { params: idParam },
      responses: { 200: jsonLd('The Qualification'), ...errorResponses },
    }),
    async (c) => c.json(await elmOfQualification(c.get('ctx'), c.req.valid('param').id), 200),
  );
}

// Credential Engine CTDL JSON-LD of public records.
import { createRoute, z } from '@hono/zod-openapi';
import type { Ctx } from '../../platform/context.ts';
import type { Api } from '../../platform/http/env.ts';
import { errorResponses, idParam, jsonContent } from '../../platform/http/openapi-common.ts';
import { ctdlOfDecision, ctdlOfOrganization, ctdlOfProgramme, ctdlOfQualification } from './ctdl.service.ts';

const graphSchema = z
  .object({ '@context': z.string(), '@id': z.string(), '@graph': z.array(z.record(z.string(), z.any())) })
  .openapi('CtdlGraph', { description: 'CTDL JSON-LD graph (docs/interop.md)' });

const GRAPHS: Array<{ path: string; summary: string; read: (ctx: Ctx, id: string) => Promise<z.infer<typeof graphSchema>> }> = [
  {
    path: '/api/accreditation/decisions/{id}/ctdl',
    summary: 'The decision as a CTDL AccreditAction with its body, organization and programmes (JSON-LD graph); a refusal or withdrawal said explicitly',
    read: ctdlOfDecision,
  },
  {
    path: '/api/qualifications/{id}/ctdl',
    summary: "A qualification as the CTDL credential class of its type (BachelorDegree, MasterDegree, Certificate, …) with its awarding body (JSON-LD graph)",
    read: ctdlOfQualification,
  },
  {
    path: '/api/organizations/{id}/ctdl',
    summary: 'An organization as a CTDL CredentialOrganization, an accreditation body as a QACredentialOrganization (JSON-LD graph)',
    read: ctdlOfOrganization,
  },
  { path: '/api/programmes/{id}/ctdl', summary: 'An included programme as a CTDL LearningProgram with its provider (JSON-LD graph)', read: ctdlOfProgramme },
];

export function registerCtdlRoutes(app: Api): void {
  for (const g of GRAPHS) {
    app.openapi(
      createRoute({ method: 'get', path: g.path, tags: ['Credential Engine CTDL'], summary: g.summary, request: { params: idParam }, responses: { 200: jsonContent(graphSchema, 'The graph'), ...errorResponses } }),
      async (c) => c.json(await g.read(c.get('ctx'), c.req.valid('param').id), 200),
    );
  }
}

// API of Registers 2 and 3 (public, computed from decisions).
import { createRoute } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { errorResponses, jsonContent, listOf } from '../platform/http/openapi-common.ts';
import { registerEntrySchema, registerQuerySchema } from './registers.schema.ts';
import { listRegister } from './registers.service.ts';

const tags = ['Registers'];
const list = listOf(registerEntrySchema, 'RegisterEntryList');

export function registerRegisterRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registers/2',
      tags,
      summary: 'Register 2: accredited organizations (institutional decisions), computed from decisions; filters, asOf, paging',
      request: { query: registerQuerySchema },
      responses: { 200: jsonContent(list, 'Entries'), ...errorResponses },
    }),
    async (c) => c.json(await listRegister(c.get('ctx'), 2, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/registers/3',
      tags,
      summary: 'Register 3: accredited programmes (one entry per programme of a programme decision); filters, asOf, paging',
      request: { query: registerQuerySchema },
      responses: { 200: jsonContent(list, 'Entries'), ...errorResponses },
    }),
    async (c) => c.json(await listRegister(c.get('ctx'), 3, c.req.valid('query')), 200),
  );
}

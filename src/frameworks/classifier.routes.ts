// API of versioned classifiers: public reads, publishing a version for the ministry.
import { createRoute, z } from '@hono/zod-openapi';
import type { Api } from '../platform/http/env.ts';
import { errorResponses, jsonContent, listOf, writeErrorResponses, writeTx } from '../platform/http/openapi-common.ts';
import {
  classifierEntriesSchema,
  classifierEntrySchema,
  classifierParam,
  classifierSummarySchema,
  classifierVersionInputSchema,
  classifierVersionSchema,
} from './classifier.schema.ts';
import * as service from './classifier.service.ts';
import { classifierVersionIssues } from './framework-rules.ts';
import { withRules } from './validation-hook.ts';

const tags = ['Classifiers'];
const versionQuery = z.object({
  version: z.string().max(30).optional().openapi({ description: 'A published version; default: the version in force today' }),
});

export function registerClassifierRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/classifiers',
      tags,
      summary: 'Every classifier with its versions (validity dates and titles)',
      responses: { 200: jsonContent(listOf(classifierSummarySchema, 'ClassifierList'), 'Classifiers') },
    }),
    async (c) => c.json(await service.listClassifiers(c.get('ctx')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/classifiers/{classifier}',
      tags,
      summary: 'Entries of the version in force, or of ?version=; ?parent= gives the children of a code',
      request: {
        params: z.object({ classifier: classifierParam }),
        query: versionQuery.extend({ parent: z.string().max(50).optional() }),
      },
      responses: { 200: jsonContent(classifierEntriesSchema, 'Entries'), ...errorResponses },
    }),
    async (c) => c.json(await service.getClassifierEntries(c.get('ctx'), c.req.valid('param').classifier, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/classifiers/{classifier}/{code}',
      tags,
      summary: 'One entry of the version in force (or of ?version=)',
      request: {
        params: z.object({ classifier: classifierParam, code: z.string().min(1).max(50).openapi({ param: { name: 'code', in: 'path' } }) }),
        query: versionQuery,
      },
      responses: { 200: jsonContent(classifierEntrySchema, 'Entry'), ...errorResponses },
    }),
    async (c) => {
      const { classifier, code } = c.req.valid('param');
      return c.json(await service.getClassifierEntry(c.get('ctx'), classifier, code, c.req.valid('query').version), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/classifiers/{classifier}/versions',
      tags,
      summary: 'Publish a new version with all its entries; the version in force ends the day it starts (ministry)',
      security: [{ bearer: [] }],
      request: {
        params: z.object({ classifier: classifierParam }),
        body: { content: { 'application/json': { schema: classifierVersionInputSchema } }, required: true },
      },
      responses: {
        201: jsonContent(classifierVersionSchema.extend({ classifier: z.string(), entries: z.number().int() }).openapi('PublishedClassifierVersion'), 'Published'),
        ...writeErrorResponses,
      },
    }),
    async (c) => c.json(await writeTx(c, (ctx) => service.publishClassifierVersion(ctx, c.req.valid('param').classifier, c.req.valid('json'))), 201),
    withRules(classifierVersionIssues),
  );
}

// The published audit checkpoints (anyone may read and check them with the public key), and a
// checkpoint on demand for the ministry.
import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../context.ts';
import type { Api } from '../http/env.ts';
import { errorResponses, jsonContent, writeErrorResponses } from '../http/openapi-common.ts';
import { makeAuditCheckpoint, publishedAuditCheckpoints } from './checkpoints.ts';

const checkpointSchema = z
  .object({
    seq: z.number().int().openapi({ description: 'The last audit entry signed.' }),
    count: z.number().int().openapi({ description: 'How many entries the chain had up to and including it.' }),
    hash: z.string().openapi({ description: "That entry's chain hash (SHA-256, hex)." }),
    signedAt: z.string(),
    keyId: z.string(),
    signature: z.string().openapi({ description: 'Ed25519 over the canonical JSON of type "sapa-audit-checkpoint", seq, count, hash, signedAt, keyId (base64url).' }),
  })
  .openapi('AuditCheckpoint');

const publishedSchema = z
  .object({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKey: z.string().openapi({ description: 'SPKI PEM' }), checkpoints: z.array(checkpointSchema) })
  .openapi('AuditCheckpoints');

export function registerAuditCheckpointRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/checkpoints',
      tags: ['Access'],
      summary: 'Signed checkpoints of the audit chain head (newest first) and the public key that checks them',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
      responses: { 200: jsonContent(publishedSchema, 'Checkpoints'), ...errorResponses },
    }),
    async (c) => c.json(await publishedAuditCheckpoints(c.get('ctx').db, c.req.valid('query').limit), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/audit/checkpoints',
      tags: ['Access'],
      summary: 'Sign a checkpoint of the audit chain head now (ministry)',
      responses: { 201: jsonContent(checkpointSchema, 'Signed and stored'), 204: { description: 'The chain is empty' }, ...writeErrorResponses },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      requirePermission(ctx, 'audit.read');
      const checkpoint = await makeAuditCheckpoint(ctx.db);
      return checkpoint ? c.json(checkpoint, 201) : c.body(null, 204);
    },
  );
}

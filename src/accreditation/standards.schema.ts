// Zod shapes of versioned standard sets (a tree: standards → criteria).
import { z } from '@hono/zod-openapi';
import { dateSchema, langMapSchema, sourceSchema } from '../platform/http/openapi-common.ts';

const titleSchema = z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string().nullable() });

export const standardSetSummarySchema = z
  .object({
    id: z.string().uuid(),
    key: z.string(),
    version: z.string(),
    ownerOrganizationId: z.string().uuid().nullable(),
    ownerLabel: z.string(),
    scope: z.string(),
    title: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    source: sourceSchema,
  })
  .openapi('StandardSetSummary');

const criterionSchema = z.object({
  code: z.string(),
  title: titleSchema,
  attributes: z.record(z.string(), z.unknown()).openapi({ description: '`interpreted: true` when the wording was read through a machine translation (the source note says how)' }),
  source: sourceSchema,
});
export const standardSetSchema = standardSetSummarySchema
  .extend({ standards: z.array(criterionSchema.extend({ criteria: z.array(criterionSchema) })) })
  .openapi('StandardSet');

export const standardSetInputSchema = z
  .strictObject({
    key: z.string().trim().regex(/^[a-z0-9-]+$/).max(80),
    version: z.string().trim().min(1).max(20),
    ownerOrganizationId: z.string().uuid().nullable().openapi({ description: 'The owning body; null = the ministry' }),
    scope: z.string().trim().min(1).max(40).openapi({ description: "'institutional', 'programme' or a level of the Guidelines" }),
    title: langMapSchema,
    validFrom: dateSchema,
    standards: z
      .array(
        z.strictObject({
          code: z.string().trim().min(1).max(20),
          title: langMapSchema,
          criteria: z.array(z.strictObject({ code: z.string().trim().min(1).max(20), title: langMapSchema })).default([]),
        }),
      )
      .min(1),
  })
  .openapi('StandardSetInput');
export type StandardSetInput = z.infer<typeof standardSetInputSchema>;

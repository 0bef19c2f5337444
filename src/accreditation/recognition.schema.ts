// Zod shapes of Register 1: recognized accreditation bodies and their recognitions.
import { z } from '@hono/zod-openapi';
import { dateSchema, sourceSchema } from '../platform/http/openapi-common.ts';

export const RECOGNITION_STATUSES = ['active', 'suspended', 'revoked', 'expired'] as const;
export const SCOPE_TYPES = ['institutional', 'programme'] as const;

const nameSchema = z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() });

export const recognitionSchema = z
  .object({
    id: z.string().uuid(),
    bodyId: z.string().uuid(),
    national: z.boolean(),
    orderNumber: z.string(),
    orderDate: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    status: z.enum(RECOGNITION_STATUSES).openapi({ description: "Stored status; 'expired' also when validTo has passed" }),
    scopeTypes: z.array(z.string()),
    scopeLevels: z.array(z.number().int()).openapi({ description: 'NQF levels; empty = every level' }),
    scopeFields: z.array(z.string()).openapi({ description: 'Field of education codes; empty = every field' }),
    networks: z.array(z.string()).openapi({ description: 'Full memberships: ENQA, EQAR, ENAEE, WFME, …' }),
    legalDetails: z.record(z.string(), z.unknown()),
    source: sourceSchema,
  })
  .openapi('Recognition');

export const bodySummarySchema = z
  .object({ id: z.string().uuid(), key: z.string().nullable(), name: nameSchema, shortName: z.string().nullable(), country: z.string().nullable(), status: z.string() })
  .openapi('AccreditationBodySummary');

export const registerOneEntrySchema = recognitionSchema.extend({ body: bodySummarySchema }).openapi('RegisterOneEntry');

export const bodyDetailSchema = bodySummarySchema
  .extend({
    recognitions: z.array(recognitionSchema),
    standardSets: z.array(z.object({ id: z.string().uuid(), key: z.string(), version: z.string(), scope: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
  })
  .openapi('AccreditationBody');

export const recognitionInputSchema = z
  .strictObject({
    national: z.boolean().default(true),
    orderNumber: z.string().trim().min(1).max(100),
    orderDate: dateSchema,
    validFrom: dateSchema,
    validTo: dateSchema.nullable().optional(),
    status: z.enum(RECOGNITION_STATUSES).default('active'),
    scopeTypes: z.array(z.enum(SCOPE_TYPES)).min(1),
    scopeLevels: z.array(z.number().int().min(1).max(8)).default([]),
    scopeFields: z.array(z.string().regex(/^\d{2,4}$/)).default([]),
    networks: z.array(z.string().trim().min(2).max(20)).default([]),
    legalDetails: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi('RecognitionInput');
export type RecognitionInput = z.infer<typeof recognitionInputSchema>;

export const recognitionPatchSchema = z
  .strictObject({
    orderNumber: z.string().trim().min(1).max(100),
    orderDate: dateSchema,
    validFrom: dateSchema,
    validTo: dateSchema.nullable(),
    status: z.enum(RECOGNITION_STATUSES),
    scopeTypes: z.array(z.enum(SCOPE_TYPES)).min(1),
    scopeLevels: z.array(z.number().int().min(1).max(8)),
    scopeFields: z.array(z.string().regex(/^\d{2,4}$/)),
    networks: z.array(z.string().trim().min(2).max(20)),
    legalDetails: z.record(z.string(), z.unknown()),
  })
  .partial()
  .openapi('RecognitionPatch');
export type RecognitionPatch = z.infer<typeof recognitionPatchSchema>;

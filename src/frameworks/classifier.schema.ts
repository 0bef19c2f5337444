// Zod (OpenAPI) shapes of versioned classifiers and their entries.
import { z } from '@hono/zod-openapi';
import { dateSchema, langMapSchema, sourceSchema } from '../platform/http/openapi-common.ts';
import { valueProvenanceSchema } from './provenance.ts';

export const classifierParam = z
  .string()
  .regex(/^[a-z0-9-]{1,60}$/)
  .openapi({ param: { name: 'classifier', in: 'path' }, example: 'region' });

export const classifierEntryInputSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(50),
    parentCode: z.string().trim().min(1).max(50).nullable().default(null),
    name: langMapSchema,
    attributes: z.record(z.string(), z.unknown()).default({}),
    source: sourceSchema.default(null),
  })
  .openapi('ClassifierEntryInput');

export const classifierVersionInputSchema = z
  .strictObject({
    version: z.string().trim().min(1).max(30).openapi({ example: '2025' }),
    validFrom: dateSchema.openapi({ description: 'The day it takes effect; the version in force until then ends that day' }),
    title: z.string().trim().min(1).max(300),
    source: sourceSchema.default(null),
    entries: z.array(classifierEntryInputSchema).min(1).max(20000),
  })
  .openapi('ClassifierVersionInput');

export const classifierVersionSchema = z
  .object({ version: z.string(), validFrom: z.string(), validTo: z.string().nullable(), title: z.string() })
  .openapi('ClassifierVersion');

export const classifierSummarySchema = z
  .object({
    classifier: z.string(),
    current: z.string().nullable().openapi({ description: 'The version in force today' }),
    versions: z.array(classifierVersionSchema),
  })
  .openapi('ClassifierSummary');

export const classifierEntrySchema = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    name: langMapSchema,
    attributes: z.record(z.string(), z.unknown()),
    source: sourceSchema,
    provenance: valueProvenanceSchema,
    version: z.string(),
  })
  .openapi('ClassifierEntry');

export const classifierEntriesSchema = z
  .object({
    classifier: z.string(),
    version: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    title: z.string().nullable(),
    items: z.array(classifierEntrySchema),
    total: z.number().int(),
  })
  .openapi('ClassifierEntries');

export type ClassifierVersionInput = z.infer<typeof classifierVersionInputSchema>;
export type ClassifierEntry = z.infer<typeof classifierEntrySchema>;

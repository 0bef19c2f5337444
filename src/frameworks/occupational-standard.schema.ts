// Zod (OpenAPI) shapes of occupational (professional) standards: occupations, labour functions,
// their skills and knowledge.
import { z } from '@hono/zod-openapi';
import { dateSchema, langMapSchema, sourceSchema } from '../platform/http/openapi-common.ts';
import { recordProvenanceField } from './provenance.ts';
import { FRAMEWORK_STATUSES, iscoCodeSchema, nkzCodeSchema, nqfLevelNumber, sublevelSchema } from './sqf.schema.ts';

export const labourFunctionSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(50),
    name: langMapSchema,
    skills: z.array(langMapSchema).default([]),
    knowledge: z.array(langMapSchema).default([]),
  })
  .openapi('LabourFunction');

export const occupationSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(50),
    name: langMapSchema,
    nqfLevel: nqfLevelNumber,
    sqfSublevel: sublevelSchema.nullable().default(null),
    iscoCode: iscoCodeSchema.nullable().default(null),
    nkzCode: nkzCodeSchema.nullable().default(null),
    labourFunctions: z.array(labourFunctionSchema).default([]),
  })
  .openapi('Occupation');

const writable = {
  code: z.string().trim().min(1).max(50).openapi({ example: 'PS-IT-001' }),
  name: langMapSchema,
  sector: langMapSchema,
  developer: z.string().trim().min(1).max(300).openapi({ description: 'Who developed it: sector council, association, employer' }),
  approvedOn: dateSchema.nullable(),
  edition: z.string().trim().min(1).max(30).openapi({ description: 'Edition of the approved document (not the record version)' }),
  status: z.enum(FRAMEWORK_STATUSES),
  sqfId: z.string().uuid().nullable().openapi({ description: 'The sectoral qualification framework it belongs to' }),
  occupations: z.array(occupationSchema).openapi({ description: 'A PATCH that sends occupations replaces them all' }),
};

export const occupationalStandardInputSchema = z
  .strictObject({
    ...writable,
    approvedOn: writable.approvedOn.default(null),
    edition: writable.edition.default('1'),
    status: writable.status.default('active'),
    sqfId: writable.sqfId.default(null),
    occupations: writable.occupations.min(1),
  })
  .openapi('OccupationalStandardInput');

// Without defaults, so a PATCH never overwrites what it does not mention.
export const occupationalStandardPatchSchema = z
  .strictObject({ ...writable, occupations: writable.occupations.min(1) })
  .partial()
  .extend({ version: z.number().int().positive().optional().openapi({ description: 'The version you read; a stale one gives 409.' }) })
  .openapi('OccupationalStandardPatch');

const occupationOut = z.object({
  code: z.string(),
  name: langMapSchema,
  nqfLevel: z.number().int(),
  sqfSublevel: z.string().nullable(),
  iscoCode: z.string().nullable(),
  nkzCode: z.string().nullable(),
  labourFunctions: z.array(z.object({ code: z.string(), name: langMapSchema, skills: z.array(langMapSchema), knowledge: z.array(langMapSchema) })),
});

export const occupationalStandardSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: langMapSchema,
    sector: langMapSchema,
    developer: z.string(),
    approvedOn: z.string().nullable(),
    edition: z.string(),
    status: z.string(),
    sqfId: z.string().nullable(),
    nqfLevels: z.array(z.number().int()).openapi({ description: 'Derived from the occupations' }),
    occupations: z.array(occupationOut),
    isSynthetic: z.boolean(),
    source: sourceSchema,
    version: z.number().int().openapi({ description: 'Record version, for optimistic updates' }),
    updatedAt: z.string(),
  })
  .openapi('OccupationalStandard');

export const occupationalStandardDetailSchema = occupationalStandardSchema.extend(recordProvenanceField).openapi('OccupationalStandardDetail');

export type OccupationalStandardInput = z.infer<typeof occupationalStandardInputSchema>;
export type OccupationalStandardPatch = z.infer<typeof occupationalStandardPatchSchema>;
export type OccupationalStandard = z.infer<typeof occupationalStandardSchema>;

// Zod (OpenAPI) shapes of sectoral qualification frameworks (SQF) and their qualification maps.
import { z } from '@hono/zod-openapi';
import { dateSchema, langMapSchema, sourceSchema } from '../platform/http/openapi-common.ts';
import { ISCO_CODE, NKZ_CODE, OKED_CODE, SUBLEVEL } from './framework-rules.ts';

export const FRAMEWORK_STATUSES = ['draft', 'active', 'superseded', 'withdrawn'] as const;

// Code formats are checked by framework-rules.ts (one localized message per code); the patterns
// here only document them.
export const okedCodeSchema = z.string().trim().min(1).max(20).openapi({ pattern: OKED_CODE.source, example: '85.42.1' });
export const iscoCodeSchema = z.string().trim().min(1).max(10).openapi({ pattern: ISCO_CODE.source, example: '2512' });
export const nkzCodeSchema = z.string().trim().min(1).max(20).openapi({ pattern: NKZ_CODE.source, example: '2512-1' });
export const sublevelSchema = z.string().trim().min(1).max(10).openapi({ pattern: SUBLEVEL.source, example: '4.1' });
export const nqfLevelNumber = z.number().int().min(1).max(8);

export const sqfLevelSchema = z
  .strictObject({ level: nqfLevelNumber, sublevel: sublevelSchema.nullable().default(null), descriptor: langMapSchema })
  .openapi('SqfLevel');

export const sqfQualificationSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(50),
    name: langMapSchema,
    nqfLevel: nqfLevelNumber,
    sublevel: sublevelSchema.nullable().default(null),
    iscoCodes: z.array(iscoCodeSchema).default([]),
    nkzCodes: z.array(nkzCodeSchema).default([]),
    okedCodes: z.array(okedCodeSchema).default([]),
  })
  .openapi('SqfQualification');

const sqfWritable = {
  code: z.string().trim().min(1).max(50).openapi({ example: 'SQF-IT' }),
  name: langMapSchema,
  sector: langMapSchema,
  okedCodes: z.array(okedCodeSchema),
  developer: z.string().trim().min(1).max(300).openapi({ description: 'Who drafted it: sector council, ministry, association' }),
  approvedOn: dateSchema.nullable(),
  edition: z.string().trim().min(1).max(30).openapi({ description: 'Edition of the approved document (not the record version)' }),
  status: z.enum(FRAMEWORK_STATUSES),
  levels: z.array(sqfLevelSchema),
  qualifications: z.array(sqfQualificationSchema).openapi({ description: 'The qualification map; a PATCH that sends it replaces the whole map' }),
};

export const sqfInputSchema = z
  .strictObject({
    ...sqfWritable,
    okedCodes: sqfWritable.okedCodes.default([]),
    approvedOn: sqfWritable.approvedOn.default(null),
    edition: sqfWritable.edition.default('1'),
    status: sqfWritable.status.default('active'),
    levels: sqfWritable.levels.default([]),
    qualifications: sqfWritable.qualifications.default([]),
  })
  .openapi('SqfInput');

// Built from the fields without defaults: Zod's .partial() would still fill defaults in and
// silently overwrite stored values with them.
export const sqfPatchSchema = z
  .strictObject(sqfWritable)
  .partial()
  .extend({ version: z.number().int().positive().optional().openapi({ description: 'The version you read; a stale one gives 409.' }) })
  .openapi('SqfPatch');

const sqfFields = {
  id: z.string(),
  code: z.string(),
  name: langMapSchema,
  sector: langMapSchema,
  okedCodes: z.array(z.string()),
  developer: z.string(),
  approvedOn: z.string().nullable(),
  edition: z.string(),
  status: z.string(),
  levels: z.array(z.object({ level: z.number().int(), sublevel: z.string().nullable(), descriptor: langMapSchema })),
  isSynthetic: z.boolean(),
  source: sourceSchema,
  version: z.number().int().openapi({ description: 'Record version, for optimistic updates' }),
  updatedAt: z.string(),
};

export const sqfSchema = z.object(sqfFields).openapi('Sqf');

export const sqfDetailSchema = z
  .object({
    ...sqfFields,
    qualifications: z.array(
      z.object({
        code: z.string(),
        name: langMapSchema,
        nqfLevel: z.number().int(),
        sublevel: z.string().nullable(),
        iscoCodes: z.array(z.string()),
        nkzCodes: z.array(z.string()),
        okedCodes: z.array(z.string()),
      }),
    ),
  })
  .openapi('SqfDetail');

export type SqfInput = z.infer<typeof sqfInputSchema>;
export type SqfPatch = z.infer<typeof sqfPatchSchema>;
export type Sqf = z.infer<typeof sqfSchema>;
export type SqfDetail = z.infer<typeof sqfDetailSchema>;

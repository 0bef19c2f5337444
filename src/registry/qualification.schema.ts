// Zod (OpenAPI) shapes of qualifications and certification centres.
import { z } from '@hono/zod-openapi';
import { dateSchema, langMapSchema, officialNameSchema, patchSchemaOf, sourceSchema } from '../platform/http/openapi-common.ts';
import { recordProvenanceField, standingFields } from './record-standing.schema.ts';

export const QUALIFICATION_KINDS = ['higher-education', 'vet', 'professional', 'micro-qualification'] as const;

const occupationSchema = z.strictObject({ code: z.string().min(1).max(20), name: langMapSchema });

export const qualificationInputSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(40),
    name: officialNameSchema,
    kind: z.enum(QUALIFICATION_KINDS),
    qualificationType: z.string().optional(),
    nqfLevel: z.number().int().min(1).max(8),
    awardingBodyId: z.string().uuid().optional(),
    fieldCode: z.string().optional(),
    occupations: z.array(occupationSchema).default([]),
    programmeIds: z.array(z.string().uuid()).default([]),
  })
  .openapi('QualificationInput');

export const qualificationPatchSchema = patchSchemaOf(qualificationInputSchema).openapi('QualificationPatch');

const nameOut = z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() });

export const qualificationSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: nameOut,
    kind: z.string(),
    qualificationType: z.string().nullable(),
    nqfLevel: z.number().int(),
    awardingBodyId: z.string().nullable(),
    fieldCode: z.string().nullable(),
    occupations: z.array(occupationSchema),
    programmeIds: z.array(z.string()),
    isSynthetic: z.boolean(),
    source: sourceSchema,
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Qualification');

export const qualificationDetailSchema = qualificationSchema.extend({ ...standingFields, ...recordProvenanceField }).openapi('QualificationDetail');

export const certificationCentreInputSchema = z
  .strictObject({
    organizationId: z.string().uuid(),
    sector: z.string().trim().min(1).max(200),
    occupationalStandardIds: z.array(z.string().uuid()).default([]),
    accreditedOn: dateSchema.optional(),
    validUntil: dateSchema.optional(),
  })
  .openapi('CertificationCentreInput');

export const certificationCentreSchema = z
  .object({
    organizationId: z.string(),
    name: nameOut,
    regionCode: z.string().nullable(),
    sector: z.string(),
    occupationalStandardIds: z.array(z.string()),
    accreditedOn: z.string().nullable(),
    validUntil: z.string().nullable(),
    isSynthetic: z.boolean(),
    version: z.number().int().openapi({ description: 'Row version: the ETag of the centre, for If-Match on the next write' }),
    updatedAt: z.string(),
  })
  .openapi('CertificationCentre');

export type QualificationInput = z.infer<typeof qualificationInputSchema>;
export type QualificationPatch = z.infer<typeof qualificationPatchSchema>;
export type Qualification = z.infer<typeof qualificationSchema>;
export type CertificationCentreInput = z.infer<typeof certificationCentreInputSchema>;

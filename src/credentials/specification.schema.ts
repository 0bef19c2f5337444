// Zod (OpenAPI) shapes of a micro-credential specification. Every mandatory element of the EU
// Council Recommendation of 16 June 2022 (2022/C 243/02) is a required field; the date of issue is
// set on each credential at issuance.
import { z } from '@hono/zod-openapi';
import { langMapSchema, orNull, patchSchemaOf } from '../platform/http/openapi-common.ts';

export const LEARNER_IDENTIFICATIONS = ['iin', 'email', 'student-id', 'passport'] as const;
export const ASSESSMENT_TYPES = ['exam', 'online-test', 'project', 'portfolio', 'practical', 'oral', 'mixed'] as const;
export const PARTICIPATION_FORMS = ['online', 'onsite', 'blended'] as const;
export const QUALITY_ASSURANCE_TYPES = [
  'institutional-accreditation',
  'programme-accreditation',
  'licensing',
  'certification-centre-registration',
  'internal',
] as const;
export const SUPERVISION_TYPES = ['unsupervised-no-id', 'supervised-no-id', 'supervised-online-id', 'supervised-onsite-id'] as const;
export const STACKABILITY = ['standalone', 'stackable'] as const;

export const specificationInputSchema = z
  .strictObject({
    organizationId: z.string().uuid().openapi({ description: 'The issuing organization' }),
    code: z.string().trim().min(1).max(40).optional().openapi({ description: "The issuer's own code, unique per organization" }),
    // Mandatory elements (EU 2022/C 243/02, Annex I, part I).
    title: langMapSchema,
    learnerIdentification: z.enum(LEARNER_IDENTIFICATIONS).openapi({ description: 'How each learner is identified on the credential' }),
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2').openapi({ example: 'KZ' }),
    regionCode: z.string().min(1).optional().openapi({ description: 'Region of the issuer (classifier region)', example: 'KZ-71' }),
    awardingBodyId: z.string().uuid(),
    learningOutcomes: z.array(langMapSchema).min(1),
    workloadEcts: z.number().positive().max(60).openapi({ description: 'Notional workload in ECTS credits' }),
    nqfLevel: z.number().int().min(1).max(8),
    eqfLevel: z.number().int().min(1).max(8).optional().openapi({ description: 'Derived from the NQF level; if given it must match' }),
    assessmentType: z.enum(ASSESSMENT_TYPES),
    participationForm: z.enum(PARTICIPATION_FORMS),
    qualityAssurance: z.enum(QUALITY_ASSURANCE_TYPES),
    fieldCode: z.string().regex(/^\d{3,4}$/, 'ISCED-F 2013 narrow (3-digit) or detailed (4-digit) field').openapi({ example: '0613' }),
    // Optional elements (Annex I, part II) and Sapa's links.
    prerequisites: langMapSchema.optional(),
    supervision: z.enum(SUPERVISION_TYPES).optional(),
    gradingScheme: langMapSchema.optional().openapi({ description: 'How the grade achieved is expressed' }),
    stackability: z.enum(STACKABILITY).optional(),
    furtherInformation: langMapSchema.optional(),
    occupationalStandardIds: z.array(z.string().uuid()).default([]),
    programmeId: z.string().uuid().optional().openapi({ description: 'The programme this micro-credential stacks toward' }),
    programmeCredits: z.number().positive().max(60).optional().openapi({ description: 'Credits it counts toward that programme (default: the workload)' }),
  })
  .openapi('CredentialSpecificationInput');

export const specificationPatchSchema = patchSchemaOf(specificationInputSchema.omit({ organizationId: true })).openapi('CredentialSpecificationPatch');

export type SpecificationInput = z.infer<typeof specificationInputSchema>;
export type SpecificationPatch = z.infer<typeof specificationPatchSchema>;

export const specificationSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    code: z.string().nullable(),
    title: langMapSchema,
    learnerIdentification: z.string(),
    countryCode: z.string(),
    regionCode: z.string().nullable(),
    awardingBodyId: z.string(),
    learningOutcomes: z.array(langMapSchema),
    workloadEcts: z.number(),
    nqfLevel: z.number().int(),
    eqfLevel: z.number().int(),
    assessmentType: z.string(),
    participationForm: z.string(),
    qualityAssurance: z.string(),
    fieldCode: z.string(),
    prerequisites: orNull(langMapSchema),
    supervision: z.string().nullable(),
    gradingScheme: orNull(langMapSchema),
    stackability: z.string().nullable(),
    furtherInformation: orNull(langMapSchema),
    occupationalStandardIds: z.array(z.string()),
    programmeId: z.string().nullable(),
    programmeCredits: z.number().nullable(),
    entitlement: z.record(z.string(), z.unknown()).openapi({ description: 'The licence, accreditation or registration that entitles the issuer' }),
    status: z.string(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('CredentialSpecification');

export type Specification = z.infer<typeof specificationSchema>;

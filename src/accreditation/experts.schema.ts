// Zod (OpenAPI) shapes of the experts database.
import { z } from '@hono/zod-openapi';
import { dateSchema } from '../platform/http/openapi-common.ts';
import { DEGREES, EXPERT_CATEGORIES } from './panel-rules.ts';

const declarationsSchema = z
  .strictObject({
    conflictOfInterest: dateSchema.nullable().optional(),
    confidentiality: dateSchema.nullable().optional(),
    codeOfEthics: dateSchema.nullable().optional(),
  })
  .openapi('ExpertDeclarations', { description: 'The date each declaration was signed; missing = not signed.' });

const affiliationSchema = z.strictObject({
  organizationId: z.string().uuid(),
  kind: z.enum(['employment', 'study']),
  from: dateSchema.nullable().optional(),
  to: dateSchema.nullable().optional(),
  note: z.string().max(500).optional(),
});

const trainingSchema = z.strictObject({ title: z.string().trim().min(1).max(300), on: dateSchema, hours: z.number().int().min(1).max(1000).optional() });
const declaredConflictSchema = z.strictObject({ organizationId: z.string().uuid(), reason: z.string().trim().min(3).max(2000) });

const fields = {
  userId: z.string().uuid().nullable().optional().openapi({ description: "Linked user account (needs the 'expert' role)" }),
  fullName: z.string().trim().min(1).max(200),
  email: z.string().email().nullable().optional(),
  country: z.string().length(2).nullable().optional().openapi({ description: 'ISO 3166-1 alpha-2' }),
  category: z.enum(EXPERT_CATEGORIES),
  degree: z.enum(DEGREES).default('none'),
  academicTitle: z.string().max(100).nullable().optional(),
  fields: z.array(z.string().trim().min(1).max(20)).default([]).openapi({ description: 'Field-of-education codes' }),
  languages: z.array(z.string().min(2).max(3)).default([]),
  certificateNumber: z.string().max(50).nullable().optional(),
  certifiedOn: dateSchema.nullable().optional(),
  certificationExpiresOn: dateSchema.nullable().optional(),
  training: z.array(trainingSchema).default([]),
  declarations: declarationsSchema.default({}),
  priorPanels: z.number().int().min(0).max(500).default(0).openapi({ description: 'Panels served before the platform kept records' }),
  affiliations: z.array(affiliationSchema).default([]).openapi({ description: 'Employment and study history (feeds the conflict check)' }),
  declaredConflicts: z.array(declaredConflictSchema).default([]),
};

export const expertInputSchema = z.strictObject({ bodyId: z.string().uuid(), ...fields }).openapi('ExpertInput');

export const expertPatchSchema = z
  .strictObject({
    userId: fields.userId,
    fullName: fields.fullName.optional(),
    email: fields.email,
    country: fields.country,
    category: z.enum(EXPERT_CATEGORIES).optional(),
    degree: z.enum(DEGREES).optional(),
    academicTitle: fields.academicTitle,
    fields: z.array(z.string().trim().min(1).max(20)).optional(),
    languages: z.array(z.string().min(2).max(3)).optional(),
    certificateNumber: fields.certificateNumber,
    certifiedOn: fields.certifiedOn,
    certificationExpiresOn: fields.certificationExpiresOn,
    training: z.array(trainingSchema).optional(),
    declarations: declarationsSchema.optional(),
    priorPanels: z.number().int().min(0).max(500).optional(),
    affiliations: z.array(affiliationSchema).optional(),
    declaredConflicts: z.array(declaredConflictSchema).optional(),
    version: z.number().int().positive().optional().openapi({ description: 'The version you read; a stale one gives 409.' }),
  })
  .openapi('ExpertPatch');

export const exclusionInputSchema = z.strictObject({ reason: z.string().trim().min(3).max(2000) }).openapi('ExpertExclusion');

export const ratingInputSchema = z
  .strictObject({
    caseId: z.string().uuid().optional(),
    score: z.number().int().min(1).max(5),
    criteria: z.record(z.string(), z.number().int().min(1).max(5)).default({}).openapi({
      description: 'Per criterion: guidelines, deadlines, codeOfConduct, impartiality, teamwork (1–5)',
    }),
    comment: z.string().max(2000).optional(),
  })
  .openapi('ExpertRatingInput');

export const expertSchema = z
  .object({
    id: z.string(),
    bodyId: z.string(),
    userId: z.string().nullable(),
    fullName: z.string(),
    email: z.string().nullable(),
    country: z.string().nullable(),
    category: z.string(),
    degree: z.string(),
    academicTitle: z.string().nullable(),
    fields: z.array(z.string()),
    languages: z.array(z.string()),
    certificateNumber: z.string().nullable(),
    certifiedOn: z.string().nullable(),
    certificationExpiresOn: z.string().nullable(),
    certificationValid: z.boolean(),
    training: z.array(z.object({ title: z.string(), on: z.string(), hours: z.number().optional() })),
    declarations: z.object({
      conflictOfInterest: z.string().nullable().optional(),
      confidentiality: z.string().nullable().optional(),
      codeOfEthics: z.string().nullable().optional(),
    }),
    priorPanels: z.number(),
    excluded: z.boolean(),
    exclusionReason: z.string().nullable(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .openapi('Expert');

export const expertDetailSchema = expertSchema
  .extend({
    affiliations: z.array(
      z.object({
        organizationId: z.string(),
        organizationName: z.string(),
        kind: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    declaredConflicts: z.array(z.object({ organizationId: z.string(), reason: z.string(), declaredAt: z.string() })),
    panelHistory: z.array(
      z.object({ caseId: z.string(), caseNumber: z.string(), organizationId: z.string(), role: z.string(), status: z.string(), since: z.string() }),
    ),
    ratings: z.array(
      z.object({
        caseId: z.string().nullable(),
        score: z.number(),
        criteria: z.record(z.string(), z.number()),
        comment: z.string().nullable(),
        by: z.string(),
        at: z.string(),
      }),
    ),
    averageRating: z.number().nullable(),
  })
  .openapi('ExpertDetail');

export type ExpertInput = z.infer<typeof expertInputSchema>;
export type ExpertPatch = z.infer<typeof expertPatchSchema>;
export type RatingInput = z.infer<typeof ratingInputSchema>;
export type Expert = z.infer<typeof expertSchema>;

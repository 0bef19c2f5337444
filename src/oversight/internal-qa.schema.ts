// Zod (OpenAPI) shapes of internal QA self-assessments.
import { z } from '@hono/zod-openapi';
import { dateSchema, historySchema, sourceSchema } from '../platform/http/openapi-common.ts';
import { RATINGS } from './internal-qa.rules.ts';

export const assessmentCreateSchema = z
  .strictObject({ organizationId: z.string().uuid().openapi({ description: "The organization assessing its own internal QA system (the caller's)" }) })
  .openapi('InternalQaAssessmentCreate');

export const assessmentSaveSchema = z
  .strictObject({
    summary: z.string().trim().max(20000).optional(),
    ratings: z
      .array(
        z.strictObject({
          standardCode: z.string().trim().min(1).max(20),
          rating: z.enum(RATINGS),
          narrative: z.string().trim().max(20000).openapi({ description: 'How the standard is met, with the evidence named' }),
        }),
      )
      .max(50),
    actions: z
      .array(
        z.strictObject({
          standardCode: z.string().trim().min(1).max(20),
          action: z.string().trim().min(1).max(2000),
          owner: z.string().trim().min(1).max(300).openapi({ description: 'Who is responsible (a post or a person)' }),
          dueOn: dateSchema,
        }),
      )
      .max(200)
      .default([]),
  })
  .openapi('InternalQaAssessmentSave');
export type AssessmentSave = z.infer<typeof assessmentSaveSchema>;

export const assessmentReviewSchema = z
  .strictObject({
    result: z.enum(['accepted', 'returned']),
    comment: z.string().trim().max(20000).optional().openapi({ description: 'Required when returning' }),
  })
  .openapi('InternalQaAssessmentReview');
export type AssessmentReview = z.infer<typeof assessmentReviewSchema>;

const text = z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string().nullable() });

export const assessmentSummarySchema = z
  .object({
    id: z.string().uuid(),
    organizationId: z.string().uuid(),
    level: z.string(),
    state: z.enum(['draft', 'submitted', 'returned', 'accepted']),
    standardSet: z.object({ id: z.string().uuid(), key: z.string(), version: z.string() }),
    submittedOn: z.string().nullable(),
    reviewedOn: z.string().nullable(),
    reviewComment: z.string().nullable(),
    working: z.boolean().nullable().openapi({ description: 'Set on acceptance: every standard rated and none "not met"' }),
  })
  .openapi('InternalQaAssessmentSummary');

export const evidenceSchema = z
  .object({ id: z.string().uuid(), standardCode: z.string(), fileName: z.string(), mediaType: z.string(), size: z.number().int(), uploadedAt: z.string() })
  .openapi('InternalQaEvidence');

export const evidenceFormSchema = z
  .object({
    file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'PDF, DOCX, XLSX, PNG or JPEG' }),
    standardCode: z.string().trim().min(1).max(20).openapi({ description: 'The standard the file is evidence for' }),
  })
  .openapi('InternalQaEvidenceUpload');

export const assessmentSchema = assessmentSummarySchema
  .extend({
    summary: z.string().nullable(),
    standards: z.array(
      z.object({
        code: z.string(),
        title: text,
        source: sourceSchema,
        criteria: z.array(z.object({ code: z.string(), title: text, source: sourceSchema })),
        rating: z.enum(RATINGS).nullable(),
        narrative: z.string().nullable(),
        actions: z.array(z.object({ action: z.string(), owner: z.string(), dueOn: z.string() })),
        evidence: z.array(evidenceSchema),
      }),
    ),
    history: historySchema,
  })
  .openapi('InternalQaAssessment');

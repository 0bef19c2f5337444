// Zod (OpenAPI) shapes of prior-learning requests, their evidence and the organization's assessment.
import { z } from '@hono/zod-openapi';
import { historySchema } from '../platform/http/openapi-common.ts';
import { EVIDENCE_KINDS, OUTCOME_KINDS, STAGES } from './prior-learning.rules.ts';

export const requestCreateSchema = z
  .strictObject({
    organizationId: z.string().uuid().openapi({ description: 'The organization asked to assess (it runs the programme, or certifies against the standard)' }),
    programmeId: z.string().uuid().optional().openapi({ description: "Assess against this programme's learning outcomes" }),
    occupationalStandardId: z.string().uuid().optional().openapi({ description: "Assess against this occupational standard's labour functions" }),
    claimedCodes: z.array(z.string().trim().min(1).max(50)).max(100).openapi({ description: 'The outcome or labour-function codes the learner claims (identification)' }),
    statement: z.string().trim().min(1).max(20000).openapi({ description: 'What the learner learned, where and how' }),
  })
  .openapi('PriorLearningCreate');
export type RequestCreate = z.infer<typeof requestCreateSchema>;

export const evidenceInputSchema = z
  .strictObject({
    kind: z.enum(['credential', 'work-experience']),
    description: z.string().trim().min(1).max(5000),
    credentialId: z.string().uuid().optional().openapi({ description: 'One of my credentials in Sapa (kind credential)' }),
    months: z.number().int().min(1).max(600).optional().openapi({ description: 'Months of work experience (kind work-experience)' }),
  })
  .openapi('PriorLearningEvidence');
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

export const certificateFormSchema = z
  .object({
    file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'A certificate: PDF, PNG or JPEG' }),
    description: z.string().trim().min(1).max(5000),
  })
  .openapi('PriorLearningCertificateUpload');

export const assessmentSchema = z
  .strictObject({
    results: z.array(z.strictObject({ code: z.string().trim().min(1).max(50), met: z.boolean(), note: z.string().trim().max(5000).default('') })).max(100),
    outcomeKind: z.enum(OUTCOME_KINDS).nullish().openapi({ description: 'credits or qualification; absent = refused' }),
    credits: z.number().min(0.5).max(600).nullish(),
    title: z.string().trim().max(500).nullish().openapi({ description: "What is recognised: the credential's name" }),
    refusalReason: z.string().trim().max(5000).nullish(),
  })
  .openapi('PriorLearningAssessment');
export type AssessmentInput = z.infer<typeof assessmentSchema>;

const target = z.object({ kind: z.enum(['programme', 'occupational-standard']), id: z.string().uuid(), code: z.string(), name: z.object({ kk: z.string(), ru: z.string(), en: z.string() }) });

export const requestSummarySchema = z
  .object({
    id: z.string().uuid(),
    learnerName: z.string(),
    organizationId: z.string().uuid(),
    target,
    stage: z.enum(STAGES),
    submittedOn: z.string().nullable(),
    assessedOn: z.string().nullable(),
    isSynthetic: z.boolean(),
  })
  .openapi('PriorLearningSummary');

export const requestSchema = requestSummarySchema
  .extend({
    statement: z.string(),
    claims: z.array(z.object({ code: z.string(), text: z.object({ kk: z.string(), ru: z.string(), en: z.string() }), met: z.boolean().nullable(), note: z.string().nullable() })),
    evidence: z.array(
      z.object({ id: z.string().uuid(), kind: z.enum(EVIDENCE_KINDS), description: z.string(), credentialId: z.string().nullable(), months: z.number().int().nullable(), fileName: z.string().nullable() }),
    ),
    outcome: z
      .object({ kind: z.enum(OUTCOME_KINDS).nullable(), credits: z.number().nullable(), title: z.string().nullable(), refusalReason: z.string().nullable(), credentialId: z.string().nullable(), certifiedOn: z.string().nullable() })
      .nullable(),
    can: z.object({ edit: z.boolean(), advance: z.boolean(), assess: z.boolean() }),
    history: historySchema,
  })
  .openapi('PriorLearning');
export type RequestView = z.infer<typeof requestSchema>;

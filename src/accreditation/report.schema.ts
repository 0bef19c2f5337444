// Zod (OpenAPI) shapes of the panel's report: versions, grades per standard, dissents, the
// coordinator's template check and the organization's factual comments.
import { z } from '@hono/zod-openapi';

export const GRADES = ['compliant', 'with-recommendations', 'with-remarks', 'non-compliant'] as const;
export type StandardGrade = (typeof GRADES)[number];

const gradeInput = z.strictObject({
  standardCode: z.string().trim().min(1).max(30),
  grade: z.enum(GRADES),
  findings: z.string().max(20000).optional(),
  recommendations: z.string().max(20000).optional(),
  goodPractice: z.string().max(20000).optional(),
});

export const reportVersionInputSchema = z
  .strictObject({
    summary: z.string().max(50000).optional(),
    recommendedOutcome: z.enum(['accredited', 'refused']).optional(),
    recommendedTermYears: z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)]).optional(),
    grades: z.array(gradeInput).max(100).default([]),
  })
  .openapi('ReportVersionInput');

export const templateCheckInputSchema = z
  .strictObject({ result: z.enum(['pass', 'return']), comments: z.string().trim().max(20000).optional() })
  .refine((x) => x.result === 'pass' || (x.comments ?? '').length >= 3, { message: 'comments are required to return a report', path: ['comments'] })
  .openapi('TemplateCheckInput');

export const dissentInputSchema = z
  .strictObject({ standardCode: z.string().trim().min(1).max(30).optional(), text: z.string().trim().min(10).max(20000) })
  .openapi('DissentInput');

export const factualCommentsInputSchema = z.strictObject({ text: z.string().trim().min(3).max(50000) }).openapi('FactualCommentsInput');

const gradeOut = z.object({
  standardId: z.string(),
  standardCode: z.string(),
  title: z.string().nullable(),
  grade: z.string(),
  findings: z.string().nullable(),
  recommendations: z.string().nullable(),
  goodPractice: z.string().nullable(),
});

export const reportVersionSchema = z
  .object({
    id: z.string(),
    version: z.number(),
    status: z.string(),
    summary: z.string().nullable(),
    recommendedOutcome: z.string().nullable(),
    recommendedTermYears: z.number().nullable(),
    grades: z.array(gradeOut),
    missingStandards: z.array(z.string()),
    dissents: z.array(z.object({ memberId: z.string(), name: z.string(), standardCode: z.string().nullable(), text: z.string(), at: z.string() })),
    templateCheck: z.string().nullable(),
    templateComments: z.string().nullable(),
    templateCheckedAt: z.string().nullable(),
    sentToOrganizationAt: z.string().nullable(),
    finalizedAt: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('PanelReportVersion');

export const reportSchema = z
  .object({
    caseId: z.string(),
    current: reportVersionSchema.nullable(),
    versions: z.array(z.object({ version: z.number(), status: z.string(), createdAt: z.string() })),
    factualComments: z.array(z.object({ reportVersion: z.number(), text: z.string(), by: z.string(), at: z.string() })),
  })
  .openapi('PanelReport');

export type ReportVersionInput = z.infer<typeof reportVersionInputSchema>;

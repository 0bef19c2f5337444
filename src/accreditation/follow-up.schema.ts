// Zod (OpenAPI) shapes of follow-up items, term changes and expiry reminders.
import { z } from '@hono/zod-openapi';
import { dateSchema } from '../platform/http/openapi-common.ts';

export const FOLLOW_UP_KINDS = ['condition', 'recommendation', 'corrective-action-plan', 'interim-report', 'monitoring-visit'] as const;
export const FOLLOW_UP_STATUSES = ['open', 'submitted', 'accepted', 'returned'] as const;
export const TERM_CHANGE_KINDS = ['extension', 'postponement'] as const;

export const followUpInputSchema = z
  .strictObject({
    kind: z.enum(FOLLOW_UP_KINDS),
    title: z.string().trim().min(1).max(500),
    description: z.string().trim().max(20000).optional(),
    standardCode: z.string().trim().max(50).optional(),
    dueOn: dateSchema,
  })
  .openapi('FollowUpInput');
export type FollowUpInput = z.infer<typeof followUpInputSchema>;

export const submissionInputSchema = z
  .strictObject({
    text: z.string().trim().min(1).max(50000),
    documentRef: z.string().trim().max(500).optional(),
    submittedOn: dateSchema.optional(),
  })
  .openapi('FollowUpSubmissionInput');

export const reviewInputSchema = z
  .strictObject({ result: z.enum(['accepted', 'returned']), comment: z.string().trim().max(20000).optional(), reviewedOn: dateSchema.optional() })
  .openapi('FollowUpReviewInput');

export const followUpSchema = z
  .object({
    id: z.string(),
    decisionId: z.string(),
    kind: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    standardCode: z.string().nullable(),
    dueOn: z.string(),
    status: z.string(),
    overdue: z.boolean(),
    submissions: z.array(z.object({ text: z.string(), documentRef: z.string().nullable(), submittedOn: z.string(), by: z.string() })),
    reviewComment: z.string().nullable(),
    reviewedOn: z.string().nullable(),
  })
  .openapi('FollowUp');

export const termChangeInputSchema = z
  .strictObject({
    kind: z.enum(TERM_CHANGE_KINDS),
    newValidTo: dateSchema,
    reason: z.string().trim().min(1).max(5000).openapi({ description: 'e.g. the state of emergency and its decree' }),
    legalBasis: z.string().trim().max(1000).optional(),
    effectiveOn: dateSchema.optional().openapi({ description: 'Defaults to today.' }),
  })
  .openapi('TermChangeInput');
export type TermChangeInput = z.infer<typeof termChangeInputSchema>;

export const statusChangeInputSchema = z
  .strictObject({
    status: z.enum(['suspended', 'withdrawn', 'reinstated']),
    reason: z.string().trim().min(1).max(5000),
    effectiveOn: dateSchema.optional().openapi({ description: 'Defaults to today.' }),
  })
  .openapi('DecisionStatusChangeInput');
export type StatusChangeInput = z.infer<typeof statusChangeInputSchema>;

export const expiryReminderSchema = z
  .object({
    decisionId: z.string(),
    caseId: z.string(),
    kind: z.string(),
    organization: z.object({ id: z.string(), name: z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() }) }),
    bodyId: z.string(),
    bodyShortName: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    validTo: z.string(),
    daysLeft: z.number().int(),
  })
  .openapi('ExpiryReminder');

// Zod (OpenAPI) shapes of appeals and complaints.
import { z } from '@hono/zod-openapi';
import { dateSchema } from '../platform/http/openapi-common.ts';

export const APPEAL_KINDS = ['appeal', 'complaint'] as const;
/** What an appeal is against (digest 004 §3.12) and what a complaint is about (§3.13). */
export const APPEAL_SUBJECTS = ['initial-review-rejection', 'council-decision'] as const;
export const COMPLAINT_SUBJECTS = ['service', 'coordinator', 'panel', 'report'] as const;
export const APPEAL_OUTCOMES = ['upheld', 'partially-upheld', 'rejected'] as const;
export const APPEAL_STATUSES = ['logged', 'under-review', 'decided'] as const;

export const appealInputSchema = z
  .strictObject({
    caseId: z.string().uuid(),
    decisionId: z.string().uuid().optional().openapi({ description: 'Defaults to the case’s latest decision for a council-decision appeal.' }),
    kind: z.enum(APPEAL_KINDS).default('appeal'),
    subject: z.enum([...APPEAL_SUBJECTS, ...COMPLAINT_SUBJECTS]),
    form: z.enum(['written', 'oral']).openapi({ description: 'Only written, signed appeals are accepted; an oral one is refused (422).' }),
    signedBy: z.string().trim().max(300).optional().openapi({ description: 'The head of the organization who signed the letter.' }),
    signatoryPosition: z.string().trim().max(300).optional(),
    documentRef: z.string().trim().max(500).optional().openapi({ description: 'Reference of the signed letter (outgoing number, stored file id).' }),
    grounds: z.string().trim().max(20000).optional(),
    receivedOn: dateSchema.optional().openapi({ description: 'Defaults to today.' }),
  })
  .openapi('AppealInput');
export type AppealInput = z.infer<typeof appealInputSchema>;

export const commissionInputSchema = z
  .strictObject({ members: z.array(z.strictObject({ name: z.string().trim().min(1).max(300), role: z.string().trim().min(1).max(100) })).min(1) })
  .openapi('AppealCommission');

export const appealDecisionInputSchema = z
  .strictObject({
    outcome: z.enum(APPEAL_OUTCOMES),
    reason: z.string().trim().min(1).max(20000),
    decidedOn: dateSchema.optional(),
    newOutcome: z
      .enum(['accredited', 'refused'])
      .optional()
      .openapi({ description: 'What the accreditation becomes when the appeal is upheld; absent: the decision is withdrawn for a new council vote.' }),
    newTermYears: z.number().int().optional(),
  })
  .openapi('AppealDecisionInput');
export type AppealDecisionInput = z.infer<typeof appealDecisionInputSchema>;

export const appealSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    kind: z.string(),
    subject: z.string(),
    caseId: z.string(),
    decisionId: z.string().nullable(),
    organizationId: z.string(),
    bodyId: z.string(),
    signedBy: z.string(),
    signatoryPosition: z.string().nullable(),
    documentRef: z.string(),
    grounds: z.string(),
    receivedOn: z.string(),
    status: z.string(),
    commission: z.array(z.object({ name: z.string(), role: z.string() })),
    outcome: z.string().nullable(),
    outcomeReason: z.string().nullable(),
    effect: z.record(z.string(), z.unknown()),
    decidedOn: z.string().nullable(),
  })
  .openapi('Appeal');

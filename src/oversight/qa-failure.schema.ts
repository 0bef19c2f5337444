// Zod (OpenAPI) shapes of QA-system failures ("bankruptcy") and their recovery.
import { z } from '@hono/zod-openapi';
import { dateSchema, historySchema } from '../platform/http/openapi-common.ts';
import { CLOSING_OUTCOMES, FAILURE_LEVELS, FAILURE_STATES, MEASURE_KINDS, MEASURE_STATUSES } from './qa-failure.rules.ts';

const DECLARANTS = ['authority', 'organization', 'founders'] as const;

export const failureDeclareSchema = z
  .strictObject({
    organizationId: z.string().uuid(),
    declarant: z.enum(DECLARANTS).openapi({
      description: 'authority: the ministry, only on a high latest risk score; organization: its admin declares it; founders: its admin records the founders\' declaration',
    }),
    foundersName: z.string().trim().max(500).optional().openapi({ description: 'Who the founders are (required when they declare)' }),
    grounds: z.string().trim().min(1).max(20000).openapi({ description: 'Why the internal QA system failed (internal: not shown on the public page)' }),
  })
  .openapi('QaFailureDeclare');
export type FailureDeclare = z.infer<typeof failureDeclareSchema>;

export const measureSchema = z.strictObject({
  kind: z.enum(MEASURE_KINDS),
  description: z.string().trim().min(1).max(5000),
  owner: z.string().trim().min(1).max(300).openapi({ description: 'Who is responsible (a body, a post or a person)' }),
  dueOn: dateSchema,
  status: z.enum(MEASURE_STATUSES),
});

export const planSaveSchema = z.strictObject({ measures: z.array(measureSchema).max(50) }).openapi('QaFailurePlan');
export type PlanSave = z.infer<typeof planSaveSchema>;

export const reportSchema = z.strictObject({ text: z.string().trim().min(1).max(20000).openapi({ description: 'What was done since the last report' }) }).openapi('QaFailureReportCreate');
export type ReportInput = z.infer<typeof reportSchema>;

export const closeSchema = z
  .strictObject({
    outcome: z.enum(CLOSING_OUTCOMES).openapi({ description: 'recovered: every measure done or dropped; closed: otherwise, with the reason' }),
    reason: z.string().trim().max(20000).optional(),
  })
  .openapi('QaFailureClose');
export type CloseInput = z.infer<typeof closeSchema>;

export const failureSummarySchema = z
  .object({
    id: z.string().uuid(),
    organizationId: z.string().uuid(),
    level: z.enum(FAILURE_LEVELS),
    declarant: z.enum(DECLARANTS),
    foundersName: z.string().nullable(),
    declaredOn: z.string(),
    state: z.enum(FAILURE_STATES),
    closedOn: z.string().nullable(),
    planDeadline: z.string().nullable().openapi({ description: "The last deadline of the plan's measures not dropped" }),
  })
  .openapi('QaFailureSummary');

export const failureSchema = failureSummarySchema
  .extend({
    grounds: z.string(),
    risk: z.object({ assessedOn: z.string(), score: z.number().int() }).nullable().openapi({ description: 'The high risk score the authority declared on' }),
    closingReason: z.string().nullable(),
    measures: z.array(measureSchema.extend({ dueOn: z.string() })),
    reports: z.array(z.object({ id: z.string().uuid(), reportedOn: z.string(), author: z.enum(['authority', 'organization']), text: z.string() })),
    source: z.object({ document: z.string(), lines: z.string() }),
    history: historySchema,
  })
  .openapi('QaFailure');

export const publicFailureSchema = z
  .object({
    declaredOn: z.string(),
    level: z.enum(FAILURE_LEVELS),
    declarant: z.enum(DECLARANTS),
    planDeadline: z.string().nullable(),
    measures: z.array(z.object({ kind: z.enum(MEASURE_KINDS), dueOn: z.string() })),
  })
  .openapi('QaFailurePublic');

// Zod (OpenAPI) shapes of the state control calendar: a recorded result and the calendar's rows.
import { z } from '@hono/zod-openapi';
import { dateSchema } from '../platform/http/openapi-common.ts';
import { QA_LEVELS } from './internal-qa.rules.ts';
import { STATE_CONTROL_KINDS, STATE_CONTROL_OUTCOMES } from './state-control.rules.ts';

export const resultInputSchema = z
  .strictObject({
    kind: z.enum(STATE_CONTROL_KINDS),
    heldOn: dateSchema,
    outcome: z.enum(STATE_CONTROL_OUTCOMES),
    document: z.string().trim().max(500).optional().openapi({ description: "The act or order's number and date, or where the document is kept" }),
    notes: z.string().trim().max(4000).optional(),
    nextPlannedOn: dateSchema.optional().openapi({ description: 'Preventive control: the day the next one is planned (after heldOn)' }),
  })
  .openapi('StateControlResultInput');
export type ResultInput = z.infer<typeof resultInputSchema>;

export const resultSchema = z
  .object({
    id: z.string().uuid(),
    organizationId: z.string().uuid(),
    kind: z.enum(STATE_CONTROL_KINDS),
    heldOn: z.string(),
    outcome: z.enum(STATE_CONTROL_OUTCOMES),
    document: z.string().nullable(),
    notes: z.string().nullable(),
    nextPlannedOn: z.string().nullable(),
  })
  .openapi('StateControlResult');

export const DUE_STATUSES = ['overdue', 'due-soon', 'upcoming', 'not-due'] as const;

export const calendarRowSchema = z
  .object({
    organizationId: z.string().uuid(),
    regionCode: z.string().nullable(),
    level: z.string().nullable(),
    kind: z.enum(STATE_CONTROL_KINDS),
    lastOn: z.string().nullable(),
    dueOn: z.string().nullable(),
    basis: z.string().openapi({ description: 'What the due day is computed from: last-result, start (licensing), self-assessment, yearly, planned; or why there is none' }),
    status: z.enum(DUE_STATUSES),
    daysLeft: z.number().int().nullable().openapi({ description: 'Calendar days to the due day; negative when overdue' }),
  })
  .openapi('StateControlDue');

export const calendarQuerySchema = z.object({
  kind: z.enum(STATE_CONTROL_KINDS).optional(),
  regionCode: z.string().max(20).optional(),
  level: z.enum(QA_LEVELS).optional(),
  status: z.enum(DUE_STATUSES).optional(),
});
export type CalendarFilter = z.infer<typeof calendarQuerySchema>;

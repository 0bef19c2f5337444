// Zod (OpenAPI) shapes of the site visit: plan, interview groups, opinions and the protocol.
import { z } from '@hono/zod-openapi';
import { dateSchema } from '../platform/http/openapi-common.ts';

export const VISIT_MODES = ['on-site', 'online', 'hybrid'] as const;
export const INTERVIEW_GROUPS = ['leadership', 'faculty-leadership', 'teaching-staff', 'students', 'graduates', 'employers', 'support-staff', 'other'] as const;

export const visitInputSchema = z
  .strictObject({
    mode: z.enum(VISIT_MODES),
    startsOn: dateSchema,
    endsOn: dateSchema,
    schedule: z
      .array(
        z.strictObject({
          day: dateSchema,
          time: z
            .string()
            .regex(/^\d{2}:\d{2}$/)
            .optional(),
          activity: z.string().trim().min(1).max(500),
        }),
      )
      .max(200)
      .default([]),
    interviewGroups: z
      .array(
        z.strictObject({
          group: z.enum(INTERVIEW_GROUPS),
          day: dateSchema,
          time: z
            .string()
            .regex(/^\d{2}:\d{2}$/)
            .optional(),
          participants: z.number().int().min(0).max(1000).optional(),
          note: z.string().max(1000).optional(),
        }),
      )
      .max(100)
      .default([]),
  })
  .openapi('VisitPlanInput');

export const signedTextSchema = z.strictObject({ text: z.string().trim().min(10).max(50000) }).openapi('SignedText');

export const visitSchema = z
  .object({
    caseId: z.string(),
    planned: z.boolean(),
    mode: z.string().nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    days: z.number(),
    schedule: z.array(z.object({ day: z.string(), time: z.string().optional(), activity: z.string() })),
    interviewGroups: z.array(
      z.object({ group: z.string(), day: z.string(), time: z.string().optional(), participants: z.number().optional(), note: z.string().optional() }),
    ),
    protocol: z.string().nullable(),
    protocolSignedAt: z.string().nullable(),
    protocolSignedBy: z.string().nullable(),
    opinions: z.array(z.object({ memberId: z.string(), name: z.string(), text: z.string(), signedAt: z.string() })).optional(),
    opinionsSigned: z.number(),
    version: z.number(),
  })
  .openapi('Visit');

export type VisitInput = z.infer<typeof visitInputSchema>;

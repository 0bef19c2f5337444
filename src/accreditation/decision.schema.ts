// Zod (OpenAPI) shapes of accreditation decisions, their status history and publication deadlines.
import { z } from '@hono/zod-openapi';
import { dateSchema, orNull } from '../platform/http/openapi-common.ts';

export const DECISION_STATUSES = ['pending-approval', 'active', 'extended', 'expired', 'refused', 'suspended', 'withdrawn'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const PUBLICATION_CHANNELS = ['ueis', 'ministry', 'website'] as const;

export const nameOut = z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() }).openapi('NameOut');

export const orgRefSchema = z
  .object({ id: z.string(), name: nameOut, shortName: z.string().nullable(), regionCode: z.string().nullable() })
  .openapi('DecisionOrganization');

export const programmeRefSchema = z
  .object({ id: z.string(), code: z.string(), name: nameOut, fieldCode: z.string(), nqfLevel: z.number().int(), degree: z.string().nullable() })
  .openapi('DecisionProgramme');

export const statusPeriodSchema = z
  .object({
    status: z.string(),
    outcome: z.string(),
    termYears: z.number().int().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    source: z.string().openapi({ description: 'approval, appeal, extension, postponement, withdrawal or suspension' }),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('DecisionStatusPeriod');

const gradeSchema = z.object({
  standardCode: z.string().nullable(),
  title: orNull(nameOut),
  grade: z.string(),
  findings: z.string().nullable(),
  recommendations: z.string().nullable(),
  goodPractice: z.string().nullable(),
});

export const decisionSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    caseNumber: z.string().nullable(),
    kind: z.string(),
    eurAce: z.boolean(),
    enaeeStatus: z.string().nullable(),
    crossBorder: z.boolean(),
    organization: orgRefSchema,
    body: orgRefSchema,
    programmes: z.array(programmeRefSchema),
    outcome: z.string(),
    termYears: z.number().int().nullable(),
    proposal: z.object({ outcome: z.string(), termYears: z.number().int().nullable(), reasons: z.array(z.string()) }),
    departureReason: z.string().nullable(),
    decidedOn: z.string(),
    approvedOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    status: z.enum(DECISION_STATUSES).openapi({ description: 'As of today: an active decision past its validity is expired.' }),
    statusReason: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    votes: z.record(z.string(), z.number()).nullable(),
    grades: z.array(gradeSchema),
    report: z
      .object({
        id: z.string(),
        version: z.number().int(),
        status: z.string(),
        summary: z.string().nullable(),
        recommendedOutcome: z.string().nullable(),
        recommendedTermYears: z.number().int().nullable(),
        dissents: z.array(z.object({ standardCode: z.string().nullable(), text: z.string() })),
      })
      .nullable(),
    appeals: z.array(
      z.object({ id: z.string(), number: z.string(), kind: z.string(), status: z.string(), outcome: z.string().nullable(), decidedOn: z.string().nullable() }),
    ),
    history: z.array(statusPeriodSchema),
  })
  .openapi('AccreditationDecision');

export const publicationSchema = z
  .object({
    channel: z.enum(PUBLICATION_CHANNELS),
    startsOn: z.string(),
    dueOn: z.string(),
    doneAt: z.string().nullable(),
    overdue: z.boolean(),
  })
  .openapi('PublicationDeadline');

export const publicationDoneSchema = z
  .strictObject({ doneOn: dateSchema.optional().openapi({ description: 'Defaults to today.' }) })
  .openapi('PublicationDone');

export const enaeeInputSchema = z.strictObject({ status: z.enum(['approved', 'rejected']), on: dateSchema.optional() }).openapi('EnaeeDecision');

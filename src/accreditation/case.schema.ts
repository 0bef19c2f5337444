// Zod shapes of accreditation cases, their actions, deadlines and events.
import { z } from '@hono/zod-openapi';
import { dateSchema } from '../platform/http/openapi-common.ts';
import { CASE_ACTIONS, CASE_ROLES, CASE_STATES, PRECONDITIONS, REJECT_REASONS } from './case-states.ts';

const nameSchema = z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() });

export const caseInputSchema = z
  .strictObject({
    bodyId: z.string().uuid().openapi({ description: 'The accreditation body (must be recognized in Register 1 for the scope)' }),
    organizationId: z.string().uuid().optional().openapi({ description: "The applicant; defaults to the caller's organization" }),
    kind: z.enum(['institutional', 'programme']),
    programmeIds: z.array(z.string().uuid()).max(200).default([]).openapi({ description: 'Programme cases: programmes of the applicant included in the register' }),
    eurAce: z.boolean().default(false).openapi({ description: 'Also apply for the EUR-ACE® label (needs the body in ENAEE)' }),
    crossBorder: z.boolean().default(false),
    hasStudents: z.boolean().default(true),
    hasGraduates: z.boolean().default(true),
    previousDecisionId: z.string().uuid().nullable().optional().openapi({ description: 'The decision this re-accreditation follows' }),
  })
  .openapi('CaseInput');
export type CaseInput = z.infer<typeof caseInputSchema>;

export const actionPayloadSchema = z
  .strictObject({
    comment: z.string().trim().max(10000).optional(),
    rejectReason: z.enum(REJECT_REASONS).optional(),
    writtenOpinion: z.string().trim().max(20000).optional(),
    coordinatorUserId: z.string().uuid().optional(),
    contractNumber: z.string().trim().max(100).optional(),
    signedOn: dateSchema.optional(),
    visitStart: dateSchema.optional(),
    visitEnd: dateSchema.optional(),
    visitFormat: z.enum(['on-site', 'online', 'hybrid']).optional(),
    outcome: z.enum(['accredited', 'refused']).optional(),
    termYears: z.number().int().refine((n) => [1, 3, 5, 7].includes(n), { message: '1, 3, 5 or 7' }).nullable().optional(),
    departureReason: z.string().trim().max(10000).nullable().optional(),
  })
  .openapi('CaseActionPayload');
export type ActionPayload = z.infer<typeof actionPayloadSchema>;

export const deadlineSchema = z
  .object({ step: z.string(), startsOn: z.string(), dueOn: z.string(), met: z.boolean(), overdue: z.boolean(), workingDaysLeft: z.number().int().nullable() })
  .openapi('CaseDeadline');

export const caseEventSchema = z
  .object({
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string(),
    actor: z.string(),
    at: z.string(),
    comment: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('CaseEvent');

export const caseSummarySchema = z
  .object({
    id: z.string().uuid(),
    number: z.string(),
    bodyId: z.string().uuid(),
    organizationId: z.string().uuid(),
    kind: z.string(),
    eurAce: z.boolean(),
    crossBorder: z.boolean(),
    standardSetId: z.string().uuid().nullable(),
    state: z.enum(CASE_STATES),
    stateSince: z.string(),
    coordinatorUserId: z.string().uuid().nullable(),
    rejectReason: z.string().nullable(),
    appliedOn: z.string().nullable(),
    startedOn: z.string().nullable(),
    programmeIds: z.array(z.string().uuid()),
    isSynthetic: z.boolean(),
    version: z.number().int().openapi({ description: 'Row version: the ETag of the case, for If-Match on the next step' }),
    overdueSteps: z.array(z.string()).optional().openapi({ description: 'In lists: the steps whose deadline has passed unmet' }),
  })
  .openapi('CaseSummary');

export const caseDetailSchema = caseSummarySchema
  .extend({
    body: z.object({ id: z.string().uuid(), name: nameSchema }),
    organization: z.object({ id: z.string().uuid(), name: nameSchema }),
    programmes: z.array(z.object({ id: z.string().uuid(), code: z.string(), name: nameSchema, nqfLevel: z.number().int() })),
    details: z.record(z.string(), z.unknown()),
    yourRoles: z.array(z.enum(CASE_ROLES)),
    allowedActions: z.array(z.enum(CASE_ACTIONS as [string, ...string[]])).openapi({ description: 'Next actions this caller may take' }),
    deadlines: z.array(deadlineSchema),
    events: z.array(caseEventSchema),
    decision: z
      .object({ id: z.string().uuid(), outcome: z.string(), status: z.string() })
      .nullable()
      .openapi({ description: "The case's latest decision, once the council has decided (GET /api/accreditation/decisions/{id})" }),
  })
  .openapi('Case');

export const workflowSchema = z
  .object({
    states: z.array(z.string()),
    rejectReasons: z.array(z.string()),
    preconditions: z.array(z.string()),
    actions: z.array(
      z.object({ action: z.string(), from: z.array(z.string()), to: z.string(), by: z.array(z.string()), payload: z.array(z.string()), requires: z.array(z.string()), eurAce: z.boolean().nullable() }),
    ),
  })
  .openapi('CaseWorkflow');

export { PRECONDITIONS };

// Zod (OpenAPI) shapes of council meetings, agendas and votes.
import { z } from '@hono/zod-openapi';
import { dateSchema } from '../platform/http/openapi-common.ts';

const agendaItemInput = z
  .strictObject({
    caseId: z.string().uuid(),
    proposedOutcome: z.enum(['accredited', 'refused']),
    proposedTermYears: z
      .union([z.literal(1), z.literal(3), z.literal(5), z.literal(7)])
      .nullable()
      .optional(),
  })
  .openapi('CouncilAgendaItemInput');

export const meetingInputSchema = z
  .strictObject({
    bodyId: z.string().uuid(),
    meetsOn: dateSchema,
    location: z.string().max(500).optional(),
    agenda: z.array(agendaItemInput).max(100).default([]),
  })
  .openapi('CouncilMeetingInput');

export const agendaItemInputSchema = agendaItemInput;

export const meetingStatusInputSchema = z.strictObject({ status: z.enum(['held', 'cancelled']) }).openapi('CouncilMeetingStatus');

export const voteInputSchema = z.strictObject({ caseId: z.string().uuid(), choice: z.enum(['for', 'against', 'abstain']) }).openapi('CouncilVoteInput');

export const declarationInputSchema = z
  .strictObject({ organizationId: z.string().uuid(), reason: z.string().trim().min(3).max(2000) })
  .openapi('CouncilConflictDeclaration');

export const affiliationInputSchema = z
  .strictObject({
    organizationId: z.string().uuid(),
    kind: z.enum(['employment', 'study']),
    from: dateSchema.nullable().optional(),
    to: dateSchema.nullable().optional(),
  })
  .openapi('CouncilMemberAffiliation');

export const agendaItemSchema = z
  .object({
    caseId: z.string(),
    caseNumber: z.string(),
    organizationId: z.string(),
    position: z.number(),
    proposedOutcome: z.string(),
    proposedTermYears: z.number().nullable(),
    recused: z.boolean().optional().openapi({ description: 'For a council member: conflicted on this case (cannot vote or see the tally)' }),
    myVote: z.string().nullable().optional(),
    votePending: z.boolean().optional().openapi({ description: 'For a council member: the vote is open and waits for theirs' }),
  })
  .openapi('CouncilAgendaItem');

export const meetingSchema = z
  .object({ id: z.string(), bodyId: z.string(), meetsOn: z.string(), location: z.string().nullable(), status: z.string(), agenda: z.array(agendaItemSchema) })
  .openapi('CouncilMeeting');

export const tallySchema = z
  .object({
    caseId: z.string(),
    proposedOutcome: z.string(),
    proposedTermYears: z.number().nullable(),
    for: z.number(),
    against: z.number(),
    abstain: z.number(),
    recused: z.number(),
    eligible: z.number(),
    votes: z.array(z.object({ userId: z.string(), name: z.string(), choice: z.string(), at: z.string() })).optional(),
  })
  .openapi('CouncilTally');

export type MeetingInput = z.infer<typeof meetingInputSchema>;

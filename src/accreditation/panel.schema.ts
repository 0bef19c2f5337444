// Zod (OpenAPI) shapes of panels, challenges and acceptance.
import { z } from '@hono/zod-openapi';
import { PANEL_ROLES } from './panel-rules.ts';
import { dateSchema } from '../platform/http/openapi-common.ts';

const justification = z.string().trim().min(10).max(4000);

export const panelMemberInputSchema = z
  .strictObject({
    expertId: z.string().uuid().optional().openapi({ description: 'An expert of the body (every role but coordinator)' }),
    userId: z.string().uuid().optional().openapi({ description: 'The coordinator: a staff user of the body' }),
    role: z.enum(PANEL_ROLES),
    overrideJustification: justification.optional().openapi({ description: 'Written justification to seat a member despite a conflict of interest (audited)' }),
  })
  .refine((m) => (m.role === 'coordinator' ? !!m.userId : !!m.expertId), {
    message: 'expertId (or userId for the coordinator) is required',
    path: ['expertId'],
  });

export const panelInputSchema = z.strictObject({ members: z.array(panelMemberInputSchema).max(40) }).openapi('PanelInput');

export const conflictSchema = z
  .object({ code: z.string(), relation: z.string(), organizationId: z.string(), detail: z.string().optional() })
  .openapi('Conflict');

export const panelMemberSchema = z
  .object({
    id: z.string(),
    expertId: z.string().nullable(),
    userId: z.string().nullable(),
    name: z.string(),
    role: z.string(),
    voting: z.boolean(),
    status: z.string(),
    category: z.string().nullable(),
    degree: z.string().nullable(),
    since: z.string(),
    conflicts: z.array(conflictSchema).optional().openapi({ description: 'Shown to the body only' }),
    overrideJustification: z.string().nullable().optional(),
  })
  .openapi('PanelMember');

export const challengeSchema = z
  .object({
    id: z.string(),
    memberId: z.string(),
    reason: z.string(),
    filedBy: z.string(),
    filedAt: z.string(),
    status: z.string(),
    resolution: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    replacementMemberId: z.string().nullable(),
  })
  .openapi('PanelChallenge');

export const panelSchema = z
  .object({
    caseId: z.string(),
    exists: z.boolean(),
    version: z.number(),
    members: z.array(panelMemberSchema),
    ruleViolations: z.array(z.object({ code: z.string(), message: z.string() })),
    acceptedAt: z.string().nullable(),
    acceptedBy: z.string().nullable(),
    acceptanceLetter: z.string().nullable(),
    challenges: z.array(challengeSchema),
  })
  .openapi('Panel');

export const challengeInputSchema = z
  .strictObject({ memberId: z.string().uuid(), reason: z.string().trim().min(10).max(4000).openapi({ description: 'The written reason (required)' }) })
  .openapi('ChallengeInput');

export const resolutionInputSchema = z
  .discriminatedUnion('decision', [
    z.strictObject({
      decision: z.literal('replace'),
      replacement: z.strictObject({ expertId: z.string().uuid(), overrideJustification: justification.optional() }),
      comment: z.string().trim().max(4000).optional(),
    }),
    z.strictObject({
      decision: z.literal('reject'),
      comment: z.string().trim().min(10).max(4000).openapi({ description: 'Reasons for rejecting the challenge' }),
    }),
  ])
  .openapi('ChallengeResolution');

export const acceptanceInputSchema = z
  .strictObject({ letter: z.string().trim().min(3).max(8000).openapi({ description: "The organization's written consent" }) })
  .openapi('PanelAcceptance');

export const seminarInputSchema = z
  .strictObject({
    heldOn: dateSchema,
    expertIds: z.array(z.string().uuid()).default([]),
    userIds: z.array(z.string().uuid()).default([]),
    note: z.string().max(2000).optional(),
  })
  .openapi('SeminarInput');

export type PanelInput = z.infer<typeof panelInputSchema>;
export type ResolutionInput = z.infer<typeof resolutionInputSchema>;
export type SeminarInput = z.infer<typeof seminarInputSchema>;

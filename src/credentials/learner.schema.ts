// Zod (OpenAPI) shapes of the learner's credentials, share links, credits and recognition requests.
import { z } from '@hono/zod-openapi';

const names = z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() });
const title = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
/** The fields both the learner's own and a shared view of a credential open with. */
const credentialHead = {
  id: z.string(),
  organizationId: z.string(),
  learnerName: z.string(),
  achievementName: z.string(),
  specificationId: z.string().nullable(),
};

export const learnerCredentialSchema = z
  .object({
    ...credentialHead,
    specificationTitle: title.nullable(),
    workloadEcts: z.number().nullable(),
    programmeId: z.string().nullable(),
    programmeCredits: z.number().nullable(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    issuedAt: z.string(),
    status: z.string(),
    statusReason: z.string().nullable(),
  })
  .openapi('LearnerCredential');

export const shareLinkCreatedSchema = z
  .object({ id: z.string(), token: z.string(), url: z.string(), createdAt: z.string() })
  .openapi('ShareLinkCreated', { description: 'The token is shown only now; Sapa keeps its hash' });

export const shareLinkSchema = z
  .object({ id: z.string(), credentialId: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })
  .openapi('ShareLink');

export const sharedCredentialSchema = z
  .object({
    ...credentialHead,
    status: z.string(),
    statusReason: z.string().nullable(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    credential: z.record(z.string(), z.unknown()),
  })
  .openapi('SharedCredential');

export const programmeProgressSchema = z
  .object({
    programmeId: z.string(),
    organizationId: z.string(),
    code: z.string(),
    name: names,
    programmeCredits: z.number(),
    earnedCredits: z.number(),
    remainingCredits: z.number(),
    credentialIds: z.array(z.string()),
  })
  .openapi('ProgrammeCredits');

export const recognitionRequestInputSchema = z
  .strictObject({ programmeId: z.string().uuid(), note: z.string().trim().max(2000).optional() })
  .openapi('RecognitionRequestInput');

export const recognitionDecisionInputSchema = z
  .strictObject({
    decision: z.enum(['recognised', 'refused']),
    recognisedCredits: z.number().positive().optional().openapi({ description: 'Defaults to every credit requested' }),
    note: z.string().trim().max(2000).optional(),
  })
  .openapi('RecognitionDecisionInput');

export const recognitionRequestSchema = z
  .object({
    id: z.string(),
    learner: z.object({ userId: z.string(), name: z.string(), email: z.string() }),
    programme: z.object({ id: z.string(), code: z.string(), name: names, credits: z.number() }),
    organizationId: z.string(),
    credentialIds: z.array(z.string()),
    credits: z.number(),
    note: z.string().nullable(),
    status: z.string(),
    recognisedCredits: z.number().nullable(),
    decisionNote: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('RecognitionRequest');

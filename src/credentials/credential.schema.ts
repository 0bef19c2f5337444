// Zod schemas of the credentials API (issuance, status changes, verification reports, keys).
import { z } from '@hono/zod-openapi';
import { dateOrDateTimeSchema, webUrlSchema } from '../platform/http/openapi-common.ts';
import { OB_ACHIEVEMENT_TYPES } from './credential.build.ts';
import { STATUS_ACTIONS } from './status-list.rules.ts';
import { CHECKS } from './verify.service.ts';

const dateOrDateTime = dateOrDateTimeSchema;

export const jsonObjectSchema = z.record(z.string(), z.unknown()).openapi('JsonObject', { description: 'A JSON-LD document' });

export const alignmentSchema = z.strictObject({
  targetName: z.string().trim().min(1),
  targetUrl: webUrlSchema,
  targetCode: z.string().optional(),
  targetDescription: z.string().optional(),
  targetFramework: z.string().optional(),
  targetType: z.string().optional(),
});

export const achievementInputSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'a URL or URN')
      .optional(),
    name: z.string().trim().min(1).max(500),
    description: z.string().trim().min(1).max(5000),
    criteria: z
      .strictObject({ narrative: z.string().trim().min(1).optional(), id: webUrlSchema.optional() })
      .refine((c) => c.narrative || c.id, { message: 'narrative or id' }),
    achievementType: z.enum(OB_ACHIEVEMENT_TYPES).optional(),
    creditsAvailable: z.number().min(0).max(600).optional().openapi({ description: 'ECTS credits' }),
    fieldOfStudy: z.string().optional(),
    humanCode: z.string().optional(),
    inLanguage: z.string().optional(),
    alignment: z.array(alignmentSchema).optional(),
  })
  .openapi('AchievementInput');

export const learnerInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(300),
    email: z.string().email().nullish(),
    identifier: z.string().trim().min(1).max(100).nullish().openapi({ description: 'e.g. a student number; stored hashed in the credential' }),
  })
  .openapi('LearnerInput');

export const issueInputSchema = z
  .strictObject({
    organizationId: z.string().uuid(),
    learner: learnerInputSchema,
    achievement: achievementInputSchema,
    validFrom: dateOrDateTime.openapi({ description: 'Award date (YYYY-MM-DD) or date-time', example: '2025-06-01' }),
    validUntil: dateOrDateTime.nullish(),
    specificationId: z.string().uuid().nullish(),
    idempotencyKey: z.string().min(1).max(200).nullish(),
  })
  .openapi('IssueCredentialInput');

/** Validity, issuance and status fields of a credential's summary and public views. */
const issuedFields = {
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  issuedAt: z.string(),
  status: z.string(),
  statusReason: z.string().nullable(),
  isSynthetic: z.boolean(),
};

export const issuedSchema = z
  .object({ id: z.string().uuid(), organizationId: z.string().uuid(), status: z.string(), created: z.boolean(), credential: jsonObjectSchema })
  .openapi('IssuedCredential');

export const credentialSummarySchema = z
  .object({
    id: z.string().uuid(),
    organizationId: z.string().uuid(),
    learnerName: z.string(),
    learnerEmail: z.string().nullable(),
    learnerUserId: z.string().nullable(),
    achievementName: z.string(),
    specificationId: z.string().nullable(),
    ...issuedFields,
  })
  .openapi('CredentialSummary');

export const publicCredentialSchema = z
  .object({
    id: z.string().uuid(),
    organizationId: z.string().uuid(),
    learnerName: z.string(),
    achievementName: z.string(),
    ...issuedFields,
    credential: jsonObjectSchema,
  })
  .openapi('PublicCredential');

export const statusChangeInputSchema = z
  .strictObject({ action: z.enum(STATUS_ACTIONS), reason: z.string().trim().max(1000).nullish() })
  .openapi('CredentialStatusChange');

export const statusChangeSchema = z
  .object({ id: z.string().uuid(), status: z.string(), reason: z.string().nullable(), changedAt: z.string() })
  .openapi('CredentialStatusResult');

export const verificationReportSchema = z
  .object({
    verdict: z.enum(['valid', 'valid-with-warnings', 'invalid']),
    summary: z.string(),
    credentialId: z.string().nullable(),
    issuer: z.object({ id: z.string().nullable(), organizationId: z.string().nullable(), name: z.string().nullable() }),
    checks: z.array(
      z.object({
        check: z.enum(CHECKS),
        ok: z.boolean(),
        severity: z.enum(['error', 'warning']),
        checked: z.boolean(),
        message: z.string(),
        key: z.string(),
        params: z.record(z.string(), z.string()),
      }),
    ),
  })
  .openapi('VerificationReport');

export const issuerKeySchema = z
  .object({
    id: z.string().uuid(),
    verificationMethod: z.string(),
    publicKeyMultibase: z.string(),
    status: z.string(),
    createdAt: z.string(),
    rotatedAt: z.string().nullable(),
  })
  .openapi('IssuerKey');

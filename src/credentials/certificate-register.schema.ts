// Zod (OpenAPI) shapes of the certificates database: certificates that are not verifiable
// credentials (paper or PDF certificates of competence centres), each checkable by its QR code.
import { z } from '@hono/zod-openapi';
import { dateSchema } from '../platform/http/openapi-common.ts';

export const certificateInputSchema = z
  .strictObject({
    organizationId: z.string().uuid(),
    number: z.string().trim().min(1).max(60).openapi({ description: 'The number printed on the certificate; unique per organization' }),
    holderName: z.string().trim().min(1).max(300),
    title: z.string().trim().min(1).max(500).openapi({ description: 'Programme or qualification as printed' }),
    programmeId: z.string().uuid().optional(),
    qualificationId: z.string().uuid().optional(),
    occupationalStandardId: z.string().uuid().optional(),
    issuedOn: dateSchema,
    validUntil: dateSchema.optional(),
  })
  .openapi('CertificateInput');

export type CertificateInput = z.infer<typeof certificateInputSchema>;

export const certificateSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    organizationName: z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() }),
    number: z.string(),
    holderName: z.string(),
    title: z.string(),
    programmeId: z.string().nullable(),
    qualificationId: z.string().nullable(),
    occupationalStandardId: z.string().nullable(),
    issuedOn: z.string(),
    validUntil: z.string().nullable(),
    status: z.string().openapi({ description: 'valid or revoked' }),
    statusReason: z.string().nullable(),
    verificationUrl: z.string().openapi({ description: 'The public page the QR code points to' }),
    isSynthetic: z.boolean(),
  })
  .openapi('Certificate');

export type Certificate = z.infer<typeof certificateSchema>;

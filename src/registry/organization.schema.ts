// Zod (OpenAPI) shapes of organizations, licences and relationships.
import { z } from '@hono/zod-openapi';
import { NAME_MAX, dateSchema, officialNameSchema, patchSchemaOf, sourceSchema, webUrlSchema } from '../platform/http/openapi-common.ts';
import { organizationLicenceCoverageSchema, recordProvenanceField, standingFields } from './record-standing.schema.ts';
import { RELATIONSHIP_TYPES } from './relationship-rules.ts';

export const ORGANIZATION_KINDS = [
  'university',
  'college',
  'training-provider',
  'competence-centre',
  'certification-centre',
  'accreditation-body',
  'employer',
  'ministry',
] as const;
export const ORGANIZATION_STATUSES = ['active', 'reorganized', 'closed', 'suspended'] as const;
export { RELATIONSHIP_TYPES } from './relationship-rules.ts';

const attachmentSchema = z.object({ name: z.string().min(1).max(NAME_MAX), mediaType: z.string().min(1).max(200), url: webUrlSchema });

export const licenceInputSchema = z
  .strictObject({
    number: z.string().trim().min(1).max(100),
    issuedOn: dateSchema,
    validUntil: dateSchema.nullable().optional(),
    programmeGroups: z.array(z.string().min(1)).default([]),
    attachments: z.array(attachmentSchema).default([]),
    status: z.enum(['active', 'suspended', 'revoked', 'expired']).default('active'),
  })
  .openapi('LicenceInput');

export const organizationInputSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9-]+$/).max(100).optional(),
    bin: z.string().regex(/^\d{12}$/, '12 digits').optional(),
    identifiers: z.record(z.string().max(100), z.string().max(200)).default({}),
    name: officialNameSchema,
    shortName: z.string().trim().max(100).optional(),
    aliases: z.array(z.string().trim().min(1).max(NAME_MAX)).default([]),
    kind: z.enum(ORGANIZATION_KINDS),
    legalForm: z.string().max(100).optional(),
    regionCode: z.string().max(20).optional(),
    status: z.enum(ORGANIZATION_STATUSES).default('active'),
    website: webUrlSchema.optional(),
    licences: z.array(licenceInputSchema).default([]),
  })
  .openapi('OrganizationInput');

export const organizationPatchSchema = patchSchemaOf(organizationInputSchema.omit({ licences: true })).openapi('OrganizationPatch');

export const relationshipInputSchema = z
  .strictObject({
    type: z.enum(RELATIONSHIP_TYPES),
    toId: z.string().uuid(),
    effectiveOn: dateSchema,
    endedOn: dateSchema.nullable().optional(),
    note: z.string().max(2000).optional(),
  })
  .openapi('RelationshipInput');

const nameOut = z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() });

export const licenceSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    issuedOn: z.string(),
    validUntil: z.string().nullable(),
    programmeGroups: z.array(z.string()),
    attachments: z.array(attachmentSchema),
    status: z.string(),
  })
  .openapi('Licence');

export const relationshipSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    direction: z.enum(['outgoing', 'incoming']),
    otherId: z.string(),
    otherName: nameOut,
    effectiveOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('Relationship');

export const relationshipRecordedSchema = z
  .object({ id: z.string(), state: z.enum(['proposed', 'in-force', 'declined']) })
  .openapi('RelationshipRecorded');

export const relationshipProposalSchema = relationshipSchema
  .extend({ awaitsAnswer: z.boolean().openapi({ description: 'This organization is the side to confirm or decline it' }) })
  .openapi('RelationshipProposal');

export const organizationSchema = z
  .object({
    id: z.string(),
    key: z.string().nullable(),
    bin: z.string().nullable(),
    identifiers: z.record(z.string(), z.string()),
    name: nameOut,
    shortName: z.string().nullable(),
    aliases: z.array(z.string()),
    kind: z.string(),
    legalForm: z.string().nullable(),
    regionCode: z.string().nullable(),
    status: z.string(),
    website: z.string().nullable(),
    isSynthetic: z.boolean(),
    source: sourceSchema,
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Organization');

export const organizationDetailSchema = organizationSchema
  .extend({ licences: z.array(licenceSchema), relationships: z.array(relationshipSchema), ...standingFields, ...recordProvenanceField, licenceCoverage: organizationLicenceCoverageSchema })
  .openapi('OrganizationDetail');

export type OrganizationInput = z.infer<typeof organizationInputSchema>;
export type OrganizationPatch = z.infer<typeof organizationPatchSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type RelationshipInput = z.infer<typeof relationshipInputSchema>;

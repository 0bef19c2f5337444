// Zod (OpenAPI) shapes of Registers 2 (accredited organizations) and 3 (accredited programmes).
import { BADGES } from '../registry/registry.api.ts';
import { z } from '@hono/zod-openapi';
import { asOfQuery, orNull, paginationQuery } from '../platform/http/openapi-common.ts';
import { booleanQuery } from '../platform/http/query.ts';
import { DECISION_STATUSES, nameOut, programmeRefSchema } from './decision.schema.ts';

export const REGISTER_STATUSES = DECISION_STATUSES.filter((s) => s !== 'pending-approval') as Exclude<(typeof DECISION_STATUSES)[number], 'pending-approval'>[];

export const registerQuerySchema = z.object({
  body: z.string().uuid().optional().openapi({ description: 'Accreditation body (organization id)' }),
  organization: z.string().uuid().optional(),
  region: z.string().max(20).optional().openapi({ description: 'Region code of the organization, e.g. KZ-75' }),
  field: z
    .string()
    .max(10)
    .optional()
    .openapi({ description: 'Field of education code (Register 3: of the programme; Register 2: the organization runs a programme in it)' }),
  outcome: z.enum(['accredited', 'refused', 'any']).default('accredited').openapi({ description: 'Negative decisions are public too: outcome=refused or any' }),
  status: z
    .string()
    .optional()
    .openapi({
      description: `Comma-separated statuses on the day: ${['active', 'extended', 'expired', 'refused', 'suspended', 'withdrawn'].join(', ')}. Default: in force (active, extended) for accredited, refused for refused, every status for any.`,
    }),
  eurAce: booleanQuery.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
  q: z.string().max(200).optional().openapi({ description: 'Text in the organization or programme name, programme code or certificate number' }),
  ...paginationQuery,
  ...asOfQuery,
});

export const registerEntrySchema = z
  .object({
    decisionId: z.string(),
    caseId: z.string(),
    kind: z.string(),
    organization: z.object({ id: z.string(), name: nameOut, shortName: z.string().nullable(), regionCode: z.string().nullable() }),
    body: z.object({ id: z.string(), name: nameOut, shortName: z.string().nullable() }),
    programme: orNull(programmeRefSchema),
    outcome: z.string(),
    termYears: z.number().int().nullable(),
    status: z.string(),
    decidedOn: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    certificateNumber: z.string().nullable(),
    eurAce: z.boolean(),
    enaeeStatus: z.string().nullable(),
    crossBorder: z.boolean(),
    decisionUrl: z.string(),
    badges: z.array(z.enum(BADGES)).openapi({ description: 'accredited (in force on the day), eur-ace (ENAEE approved), excluded, under-update (the programme), synthetic (demonstration data)' }),
  })
  .openapi('RegisterEntry');

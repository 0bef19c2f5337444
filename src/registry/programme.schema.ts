// Zod (OpenAPI) shapes of the programme passport.
import { z } from '@hono/zod-openapi';
import { dateSchema, langMapSchema, officialNameSchema, orNull, patchSchemaOf, sourceSchema } from '../platform/http/openapi-common.ts';
import { programmeLicenceCoverageSchema, standingFields } from './record-standing.schema.ts';
import { PROGRAMME_ACTIONS, PROGRAMME_STATUSES } from './programme-lifecycle.ts';
import { PROGRAMME_CODE_GRAMMAR, programmeCodeProblem } from './programme-code.ts';

export const PROGRAMME_TYPES = ['existing', 'new', 'innovative'] as const;
export const COURSE_CYCLES = ['general', 'basic', 'major', 'research', 'practice', 'final-attestation'] as const;
export const COURSE_COMPONENTS = ['mandatory', 'university', 'core', 'elective'] as const;

const outcomeSchema = z.strictObject({ code: z.string().trim().min(1).max(20), text: langMapSchema });
const courseSchema = z.strictObject({
  code: z.string().trim().min(1).max(30),
  name: langMapSchema,
  cycle: z.enum(COURSE_CYCLES),
  component: z.enum(COURSE_COMPONENTS),
  credits: z.number().int().min(1).max(60),
  outcomes: z.array(z.string()).default([]),
});

/** The code grammar (programme-code.ts); a wrong code gets a message naming the wrong part. */
const programmeCodeSchema = z
  .string()
  .superRefine((code, ctx) => {
    const problem = programmeCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `programme code: wrong ${problem.part}`, params: { messageKey: `errors.programmeCode.${problem.part}`, ...problem.params } });
  })
  .openapi({ pattern: PROGRAMME_CODE_GRAMMAR.source, example: '6B06101', description: 'Level digit 6/7/8, its degree letter B/M/D, field 01–12, direction digit, sequence 01–99' });

export const programmeInputSchema = z
  .strictObject({
    organizationId: z.string().uuid(),
    code: programmeCodeSchema,
    edition: z.number().int().min(1).default(1),
    name: officialNameSchema,
    fieldCode: z.string().regex(/^\d{2}$/),
    directionCode: z.string().regex(/^\d{3}$/).optional(),
    groupCode: z.string().optional(),
    programmeType: z.enum(PROGRAMME_TYPES).default('existing'),
    nqfLevel: z.number().int().min(1).max(8),
    degree: z.string().optional(),
    creditsEcts: z.number().int().min(1).max(600),
    languages: z.array(z.string()).min(1),
    studyForms: z.array(z.string()).default(['full-time']),
    occupationalStandardIds: z.array(z.string().uuid()).default([]),
    atlasEntries: z.array(z.string().min(1)).default([]),
    partnerIds: z.array(z.string().uuid()).default([]),
    partnership: z.enum(['joint', 'double']).optional(),
    licenceId: z.string().uuid().optional(),
    councilApprovedOn: dateSchema.optional(),
    objective: langMapSchema.optional(),
    distinctiveFeatures: langMapSchema.optional(),
    outcomes: z.array(outcomeSchema).default([]),
    courses: z.array(courseSchema).default([]),
  })
  .openapi('ProgrammeInput');

export const programmePatchSchema = patchSchemaOf(programmeInputSchema.omit({ organizationId: true })).openapi('ProgrammePatch');

export const transitionInputSchema = z
  .strictObject({ action: z.enum(PROGRAMME_ACTIONS), comment: z.string().max(5000).optional() })
  .openapi('ProgrammeTransition');

const nameOut = z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() });
const ref = z.object({ id: z.string(), name: nameOut });

export const programmeSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    code: z.string(),
    edition: z.number().int(),
    name: nameOut,
    fieldCode: z.string(),
    directionCode: z.string().nullable(),
    groupCode: z.string().nullable(),
    programmeType: z.string(),
    nqfLevel: z.number().int(),
    degree: z.string().nullable(),
    creditsEcts: z.number().int(),
    languages: z.array(z.string()),
    studyForms: z.array(z.string()),
    occupationalStandardIds: z.array(z.string()),
    atlasEntries: z.array(z.string()),
    partnerIds: z.array(z.string()),
    partnership: z.string().nullable(),
    licenceId: z.string().nullable(),
    councilApprovedOn: z.string().nullable(),
    objective: orNull(langMapSchema),
    distinctiveFeatures: orNull(langMapSchema),
    outcomes: z.array(outcomeSchema),
    courses: z.array(courseSchema),
    status: z.enum(PROGRAMME_STATUSES),
    reviewComment: z.string().nullable(),
    public: z.boolean().openapi({ description: 'Has been included in the register (stays public through later updates and exclusion)' }),
    isSynthetic: z.boolean(),
    source: sourceSchema,
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Programme');

/** What lists return: the passport without its long parts (outcomes, courses, objective). */
export const programmeSummarySchema = programmeSchema
  .omit({ outcomes: true, courses: true, objective: true, distinctiveFeatures: true })
  .openapi('ProgrammeSummary');

export const programmeDetailSchema = programmeSchema
  .extend({
    organization: ref,
    partners: z.array(ref),
    occupationalStandards: z.array(z.object({ id: z.string(), code: z.string(), name: nameOut })),
    allowedActions: z.array(z.enum(PROGRAMME_ACTIONS)),
    ...standingFields,
    licenceCoverage: programmeLicenceCoverageSchema,
  })
  .openapi('ProgrammeDetail');

export type ProgrammeInput = z.infer<typeof programmeInputSchema>;
export type ProgrammePatch = z.infer<typeof programmePatchSchema>;
export type Programme = z.infer<typeof programmeSchema>;
export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

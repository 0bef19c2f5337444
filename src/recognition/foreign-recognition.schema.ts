// Zod (OpenAPI) shapes of foreign-qualification applications, their steps and the public certificate.
import { z } from '@hono/zod-openapi';
import { dateSchema, historySchema } from '../platform/http/openapi-common.ts';
import { DIFFERENCE_KINDS, DOCUMENT_KINDS, INSTITUTION_STATUSES, OUTCOMES, STATES, TRACKS } from './foreign-recognition.rules.ts';

const level = z.number().int().min(1).max(8);
const text = (max: number) => z.string().trim().min(1).max(max);

export const applicationCreateSchema = z
  .strictObject({
    holderName: text(300).openapi({ description: 'The name as written on the document' }),
    track: z.enum(TRACKS).openapi({ description: 'higher (and postgraduate): Order No. 268 of 12 June 2023; secondary-tvet: Order No. 230 of 28 July 2023' }),
    countryCode: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2')
      .openapi({ example: 'DE' }),
    qualificationTitle: text(500),
    documentLanguage: z
      .string()
      .trim()
      .regex(/^[a-z]{2}$/, 'ISO 639-1')
      .openapi({ example: 'de', description: 'A document in kk or ru needs no translation' }),
    awardedOn: dateSchema,
    foreignLevel: level.openapi({ description: "The qualification's level in its own framework, as an EQF (= NQF) level" }),
    requestedLevel: level.openapi({ description: 'The NQF level the applicant asks to be recognized' }),
    purpose: text(1000).openapi({ description: 'Further study, employment, …' }),
    institutionName: text(500),
    institutionDeqarId: z.string().trim().max(50).optional().openapi({ description: "The institution's DEQAR id (DEQARINST…), looked up in imported DEQAR data" }),
  })
  .openapi('ForeignRecognitionCreate');
export type ApplicationCreate = z.infer<typeof applicationCreateSchema>;

export const documentFormSchema = z
  .object({
    file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'PDF, PNG or JPEG; the type is read from the content' }),
    kind: z.enum(DOCUMENT_KINDS),
  })
  .openapi('ForeignRecognitionDocumentUpload');

export const fileCheckSchema = z
  .strictObject({
    complete: z.boolean(),
    note: z.string().trim().max(5000).optional().openapi({ description: 'Required when the file is incomplete: what is missing' }),
    apostilleExempt: z.boolean().optional().openapi({ description: 'No apostille needed (a treaty with the country)' }),
  })
  .openapi('ForeignRecognitionFileCheck');
export type FileCheck = z.infer<typeof fileCheckSchema>;

export const expertAssignSchema = z.strictObject({ email: z.string().trim().email() }).openapi('ForeignRecognitionExpert');

export const opinionSchema = z
  .strictObject({ opinion: text(20000), recommendation: z.enum(OUTCOMES) })
  .openapi('ForeignRecognitionOpinion');
export type Opinion = z.infer<typeof opinionSchema>;

export const decisionSchema = z
  .strictObject({
    outcome: z.enum(OUTCOMES),
    differenceKind: z.enum(DIFFERENCE_KINDS).nullish(),
    recognizedLevel: level.nullish(),
    reasons: z.string().trim().max(20000).nullish(),
    conditions: z.string().trim().max(5000).nullish(),
  })
  .openapi('ForeignRecognitionDecision');
export type Decision = z.infer<typeof decisionSchema>;

export const appealSchema = z.strictObject({ reason: text(20000) }).openapi('ForeignRecognitionAppeal');

export const appealDecisionSchema = z
  .strictObject({
    result: z.enum(['upheld', 'dismissed']),
    note: text(20000),
    decision: decisionSchema.optional().openapi({ description: 'The new decision when the appeal is upheld' }),
  })
  .openapi('ForeignRecognitionAppealDecision');
export type AppealDecision = z.infer<typeof appealDecisionSchema>;

const timelinessSchema = z.object({
  status: z.enum(['awaiting-complete-file', 'in-time', 'overdue', 'decided-in-time', 'decided-late']),
  dueOn: z.string().nullable(),
  daysLeft: z.number().int().optional(),
});

export const applicationSummarySchema = z
  .object({
    id: z.string().uuid(),
    holderName: z.string(),
    track: z.enum(TRACKS),
    legalBasis: z.string(),
    countryCode: z.string(),
    qualificationTitle: z.string(),
    institutionName: z.string(),
    state: z.enum(STATES),
    outcome: z.enum(OUTCOMES).nullable(),
    submittedOn: z.string().nullable(),
    completeOn: z.string().nullable(),
    decidedOn: z.string().nullable(),
    timeliness: timelinessSchema,
    isSynthetic: z.boolean(),
  })
  .openapi('ForeignRecognitionSummary');

export const applicationSchema = applicationSummarySchema
  .extend({
    documentLanguage: z.string(),
    awardedOn: z.string(),
    purpose: z.string(),
    institution: z.object({
      deqarId: z.string().nullable(),
      organizationId: z.string().uuid().nullable(),
      status: z.enum(INSTITUTION_STATUSES),
    }),
    levels: z.object({ foreign: z.number().int(), requested: z.number().int(), comparison: z.enum(['same', 'lower', 'higher']) }),
    expertNeeded: z.boolean(),
    apostilleExempt: z.boolean(),
    missingDocuments: z.array(z.enum(DOCUMENT_KINDS)),
    documents: z.array(z.object({ id: z.string().uuid(), kind: z.enum(DOCUMENT_KINDS), fileName: z.string(), mediaType: z.string().optional() })),
    fileNote: z.string().nullable(),
    expert: z.object({ assigned: z.boolean(), opinion: z.string().nullable(), recommendation: z.enum(OUTCOMES).nullable() }),
    decision: z
      .object({
        outcome: z.enum(OUTCOMES),
        differenceKind: z.enum(DIFFERENCE_KINDS).nullable(),
        recognizedLevel: z.number().int().nullable(),
        reasons: z.string().nullable(),
        conditions: z.string().nullable(),
        decidedOn: z.string(),
        certificateNumber: z.string().nullable(),
        appealUntil: z.string().nullable(),
      })
      .nullable(),
    appeal: z
      .object({ reason: z.string(), appealedOn: z.string(), result: z.enum(['upheld', 'dismissed']).nullable(), note: z.string().nullable(), decidedOn: z.string().nullable() })
      .nullable(),
    can: z.object({ edit: z.boolean(), submit: z.boolean(), check: z.boolean(), assignExpert: z.boolean(), giveOpinion: z.boolean(), decide: z.boolean(), appeal: z.boolean(), decideAppeal: z.boolean() }),
    history: historySchema,
  })
  .openapi('ForeignRecognition');
export type ApplicationView = z.infer<typeof applicationSchema>;

export const publicCertificateSchema = z
  .object({
    number: z.string(),
    holderName: z.string(),
    qualificationTitle: z.string(),
    institutionName: z.string(),
    countryCode: z.string(),
    track: z.enum(TRACKS),
    legalBasis: z.string(),
    outcome: z.enum(['recognized', 'substantial-difference']),
    differenceKind: z.enum(DIFFERENCE_KINDS).nullable(),
    recognizedLevel: z.number().int(),
    conditions: z.string().nullable(),
    decidedOn: z.string(),
    appealPending: z.boolean(),
    isSynthetic: z.boolean(),
  })
  .openapi('RecognitionCertificate');
export type PublicCertificate = z.infer<typeof publicCertificateSchema>;

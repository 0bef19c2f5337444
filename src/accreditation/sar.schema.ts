// Zod schemas (and OpenAPI components) of self-assessment reports and their evidence.
import { z } from '@hono/zod-openapi';

export const sarTextsSchema = z.object({ kk: z.string(), ru: z.string(), en: z.string() }).openapi('SarTexts');

export const sarEvidenceSchema = z
  .object({
    id: z.string().uuid(),
    version: z.number().int(),
    section: z.string().nullable().openapi({ description: 'Standard or criterion code; null for the report as a whole' }),
    title: z.string().nullable(),
    fileName: z.string(),
    sha256: z.string(),
    size: z.number().int(),
    mediaType: z.string(),
    uploadedAt: z.string(),
    downloadUrl: z.string(),
  })
  .openapi('SarEvidence');

export const sarSectionSchema = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    title: sarTextsSchema,
    text: sarTextsSchema,
    complete: z.boolean().openapi({ description: 'Text in kk, ru and en' }),
    evidenceCount: z.number().int(),
  })
  .openapi('SarSection');

export const sarVersionSummarySchema = z
  .object({
    version: z.number().int(),
    status: z.enum(['draft', 'submitted']),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    languagesComplete: z.boolean(),
    evidenceCount: z.number().int(),
  })
  .openapi('SarVersionSummary');

export const sarVersionSchema = sarVersionSummarySchema
  .extend({
    caseId: z.string().uuid(),
    missing: z.array(z.object({ section: z.string(), language: z.enum(['kk', 'ru', 'en']) })),
    sections: z.array(sarSectionSchema),
    evidence: z.array(sarEvidenceSchema),
  })
  .openapi('SarVersion');

export const sarOverviewSchema = z
  .object({
    caseId: z.string().uuid(),
    caseState: z.string(),
    mayEdit: z.boolean().openapi({ description: 'The caller may change the report now (applicant, case in preparation or revision)' }),
    versions: z.array(sarVersionSummarySchema),
  })
  .openapi('SarOverview');

export const sectionInputSchema = z
  .strictObject({
    kk: z.string().max(200_000).optional(),
    ru: z.string().max(200_000).optional(),
    en: z.string().max(200_000).optional(),
  })
  .openapi('SarSectionInput', { description: 'The languages given replace the stored text; an empty string clears it' });

export const evidenceFormSchema = z
  .object({
    file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'PDF, DOCX, XLSX, PNG or JPEG; the type is read from the content' }),
    section: z.string().trim().min(1).max(50).optional().openapi({ description: 'Standard or criterion code the file supports' }),
    title: z.string().trim().max(300).optional(),
  })
  .openapi('SarEvidenceUpload');

export type SarVersion = z.infer<typeof sarVersionSchema>;
export type SarEvidence = z.infer<typeof sarEvidenceSchema>;
export type SarSection = z.infer<typeof sarSectionSchema>;

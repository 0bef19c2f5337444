// Zod (OpenAPI) shapes of NQF levels and qualification types.
import { z } from '@hono/zod-openapi';
import { langMapSchema, orNull, sourceSchema } from '../platform/http/openapi-common.ts';
import { valueProvenanceSchema } from './provenance.ts';

export const nqfLevelSchema = z
  .object({
    level: z.number().int().min(1).max(8),
    eqfLevel: z.number().int(),
    qfEhea: z.string().nullable().openapi({ description: 'QF-EHEA cycle: short, first, second, third' }),
    isced: z.array(z.string()),
    descriptors: z.object({ knowledge: langMapSchema, skills: langMapSchema, competences: langMapSchema, achievement: langMapSchema }),
    education: langMapSchema,
    typicalQualification: orNull(langMapSchema),
    source: sourceSchema,
    provenance: z.record(z.string(), valueProvenanceSchema).openapi({
      description: 'Per value (knowledge, skills, competences, achievement, education, typicalQualification, eqfLevel, isced): quoted from a source document and line, or written by the team',
    }),
  })
  .openapi('NqfLevel');

export const qualificationTypeSchema = z
  .object({ key: z.string(), name: langMapSchema, nqfLevel: z.number().int().nullable(), source: sourceSchema, provenance: valueProvenanceSchema })
  .openapi('QualificationType');

// Where a reference value comes from: quoted from a source document (document and line), or written
// by the team. Classifier entries carry a `source` whose lines are null when the value is not in the
// documents (recalled from the official classifier, or supplied): those are the team's, not cited.
import { z } from '@hono/zod-openapi';
import type { Source } from '../platform/db/schema.ts';

export type ValueProvenance = { source: { document: string; lines: string } } | { authored: 'team'; note?: string };

export const valueProvenanceSchema = z
  .union([
    z.object({
      source: z
        .object({ document: z.string().openapi({ example: '003_a6b45dff19754c58.txt' }), lines: z.string().openapi({ example: 'L813' }) })
        .openapi({ description: 'Quoted from this source document, at these lines' }),
    }),
    z.object({
      authored: z.literal('team').openapi({ description: 'Written by the team: not in any source document' }),
      note: z.string().optional().openapi({ description: 'Why, or where the team took it from' }),
    }),
  ])
  .openapi('ValueProvenance', { description: 'Quoted from a source (document and line) or written by the team' });

export function provenanceOfSource(source: Source | undefined): ValueProvenance {
  if (source?.lines) return { source: { document: source.document, lines: source.lines } };
  return source?.note ? { authored: 'team', note: source.note } : { authored: 'team' };
}

/**
 * Where a record comes from: one loaded from reference data, its source (quoted, or the team's when
 * no line is cited); demonstration data, the team's; one entered in Sapa by its owner or the
 * ministry, none (null) — Sapa claims no provenance for what others wrote.
 */
export function recordProvenance(record: { source: Source | null | undefined; isSynthetic: boolean }): ValueProvenance | null {
  if (record.source) return provenanceOfSource(record.source);
  return record.isSynthetic ? { authored: 'team' } : null;
}

export const recordProvenanceField = {
  provenance: z.union([valueProvenanceSchema, z.null()]).openapi({
    description: 'Loaded from reference data: quoted from a source (document and line) or written by the team (so is demonstration data); null when entered in Sapa by its owner or the ministry',
  }),
};

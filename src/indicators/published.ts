// Figures the seeds publish (data/reference/indicator-figures.json), each with its document and
// line, shown beside what Sapa computes. Garbled tables the digests flag are left out of the file.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { referenceDir } from '../platform/reference/reference-files.ts';

const figureSchema = z.object({
  indicator: z.string(),
  year: z.number().int(),
  dims: z.record(z.string(), z.string()),
  value: z.number(),
  source: z.object({ document: z.string(), lines: z.string().regex(/^L\d+(-\d+)?$/) }),
  note: z.string().optional(),
});
export type PublishedFigure = z.infer<typeof figureSchema>;

let figures: PublishedFigure[] | undefined;

export function publishedFigures(): PublishedFigure[] {
  figures ??= z.array(figureSchema).parse(JSON.parse(readFileSync(`${referenceDir}indicator-figures.json`, 'utf8')));
  return figures;
}

export const figuresOf = (indicator: string): PublishedFigure[] => publishedFigures().filter((f) => f.indicator === indicator);

const sameDims = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/**
 * The published figures of an indicator for a view grouped by `by` and filtered by `filters`
 * (which do not name `by`): one per group that the document gives, and the total of the view.
 */
export function publishedFor(indicator: string, by: string | undefined, filters: Record<string, string>): { groups: PublishedFigure[]; total?: PublishedFigure } {
  const own = figuresOf(indicator);
  const groups = by
    ? own.filter((f) => {
        if (f.dims[by] === undefined) return false;
        const { [by]: _group, ...rest } = f.dims;
        return sameDims(rest, filters);
      })
    : [];
  return { groups, total: own.find((f) => sameDims(f.dims, filters)) };
}

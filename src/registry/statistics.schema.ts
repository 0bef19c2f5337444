// One observation of a national statistics dataset, as the service takes it: the dataset, its
// period (a calendar or academic year, "2023" or "2023-2024"), the dimensions that apply (a blank
// one is the total over it), the value and where it comes from.
import { z } from 'zod';

export const DATASETS = ['students', 'population', 'grants', 'faculty'] as const;
export type Dataset = (typeof DATASETS)[number];

export const GENDERS = ['female', 'male'] as const;
export const FUNDINGS = ['state', 'paid'] as const;
export const DEGREES = ['doctor-of-sciences', 'candidate-of-sciences', 'phd', 'none'] as const;
export const TITLES = ['professor', 'associate-professor', 'none'] as const;
export const LEVELS = ['5', '6', '7', '8'] as const;

const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional();

export const observationInputSchema = z
  .object({
    dataset: z.enum(DATASETS),
    period: z.string().regex(/^\d{4}(-\d{4})?$/),
    regionCode: optional(z.string().min(1).max(20)),
    level: optional(z.enum(LEVELS)),
    gender: optional(z.enum(GENDERS)),
    funding: optional(z.enum(FUNDINGS)),
    /** a single age ("18") or a band ("18-22") */
    age: optional(z.string().regex(/^\d{1,3}(-\d{1,3})?$/)),
    degree: optional(z.enum(DEGREES)),
    title: optional(z.enum(TITLES)),
    value: z.number().int().min(0),
    source: z.string().min(1).max(500),
  })
  .superRefine((o, ctx) => {
    // Each dataset has its own dimensions; a cell in another's column is a mistake in the file.
    const allowed: Record<Dataset, readonly string[]> = {
      students: ['regionCode', 'level', 'gender', 'funding'],
      population: ['regionCode', 'gender', 'age'],
      grants: ['regionCode', 'level'],
      faculty: ['regionCode', 'gender', 'degree', 'title'],
    };
    for (const dim of ['regionCode', 'level', 'gender', 'funding', 'age', 'degree', 'title'] as const) {
      if (o[dim] !== undefined && !allowed[o.dataset].includes(dim)) {
        ctx.addIssue({ code: 'custom', path: [dim], params: { messageKey: 'errors.statistics.dimension', dataset: o.dataset } });
      }
    }
    if (o.dataset === 'population' && o.age === undefined) ctx.addIssue({ code: 'custom', path: ['age'], params: { messageKey: 'errors.statistics.ageRequired' } });
  });

export type ObservationInput = z.infer<typeof observationInputSchema>;

/** An observation as the register shows it. */
export type Observation = {
  id: string;
  dataset: Dataset;
  period: string;
  regionCode: string | null;
  level: string | null;
  gender: string | null;
  funding: string | null;
  age: string | null;
  degree: string | null;
  title: string | null;
  value: number;
  source: string;
  isSynthetic: boolean;
};

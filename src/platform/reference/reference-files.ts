// Reads and checks the reference data files under data/reference/ (real data from the seeds). In
// platform because seeds of several modules and the CLI read them; it knows the files, no module.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const referenceDir = new URL('../../../data/reference/', import.meta.url).pathname;

const langMap = z.object({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
const source = z
  .object({ document: z.string(), lines: z.string().nullable(), translated: z.array(z.string()).optional(), note: z.string().optional() })
  .nullable()
  .default(null);

const coded = z.object({ code: z.string(), name: langMap, source }).loose();

export const referenceSchemas = {
  'nqf-levels': z.array(
    z.object({
      level: z.number().int().min(1).max(8),
      eqfLevel: z.number().int(),
      qfEhea: z.string().nullable(),
      isced: z.array(z.string()),
      descriptors: z.object({ knowledge: langMap, skills: langMap, competences: langMap, achievement: langMap }),
      education: langMap,
      typicalQualification: langMap.nullable(),
      source,
      /** The values the team wrote (not in the seeds), e.g. `descriptors.competences`. */
      supplied: z.array(z.string()).default([]),
    }),
  ),
  'fields-of-education': z.array(coded.extend({ narrowFields: z.array(coded.omit({ source: true }).extend({ source: source.optional() })).default([]) })),
  'programme-groups': z.array(
    coded.extend({ level: z.enum(['B', 'M', 'D']), fieldCode: z.string(), narrowFieldCode: z.string().nullable().optional() }),
  ),
  regions: z.array(coded.extend({ kind: z.enum(['region', 'city']), centre: langMap.optional() })),
  'legal-forms': z.array(z.object({ key: z.string(), name: langMap, source }).loose()),
  'organization-kinds': z.array(z.object({ key: z.string(), name: langMap, source }).loose()),
  languages: z.array(z.object({ code: z.string(), name: langMap, source }).loose()),
  'study-forms': z.array(coded),
  'qualification-types': z.array(
    z.object({ key: z.string(), name: langMap, nqfLevel: z.number().int().nullable(), nqfLevels: z.array(z.number().int()).optional(), source }).loose(),
  ),
  universities: z.array(
    z
      .object({
        key: z.string().regex(/^[a-z0-9-]+$/),
        name: langMap,
        aliases: z.array(z.string()).default([]),
        abbreviation: z.string().nullable().optional(),
        legalForm: z.string().nullable().optional(),
        region: z.string().nullable().optional(),
        status: z.enum(['active', 'reorganized', 'closed']).default('active'),
        source,
      })
      .loose(),
  ),
  'organization-relationships': z.array(
    z.object({ type: z.enum(['merger', 'split', 'branch', 'parent', 'host', 'successor']), from: z.string(), to: z.string(), effectiveDate: z.string().nullable(), source }).loose(),
  ),
  'accreditation-bodies': z.array(
    z
      .object({
        key: z.string(),
        abbreviation: z.string().nullable().optional(),
        name: langMap,
        country: z.string().nullable().optional(),
        national: z.boolean(),
        founded: z.number().int().min(1800).max(2100).nullable().optional(),
        networks: z.array(z.string()).default([]),
        recognition: z.object({ order: z.string(), date: z.string(), validTo: z.string().nullable().optional(), source }).nullable().optional(),
        scope: z.object({ accreditationTypes: z.array(z.string()), fields: z.array(z.string()).default([]), levels: z.array(z.number().int()).optional(), source }).nullable().optional(),
        source,
      })
      .loose(),
  ),
  'founding-dates': z.object({
    why: z.string(),
    undated: z.object({ validFrom: z.iso.date(), why: z.string() }),
    organizations: z.array(z.object({ key: z.string(), founded: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/), basis: z.string() })),
  }),
  'nqf-provenance': z.object({
    why: z.string(),
    levels: z.array(
      z.object({
        level: z.number().int().min(1).max(8),
        values: z.record(z.string(), z.union([z.object({ source: z.object({ document: z.string(), lines: z.string() }) }), z.object({ authored: z.literal('team'), note: z.string().optional() })])),
      }),
    ),
  }),
  'international-networks': z.array(z.object({ key: z.string(), name: langMap, kind: z.string(), fields: z.string().nullable().optional(), source }).loose()),
  standards: z.record(
    z.string(),
    z
      .object({
        owner: z.string(),
        version: z.string(),
        title: langMap,
        standards: z.array(
          z.object({
            code: z.string(),
            title: langMap,
            criteria: z
              .array(
                z.object({
                  code: z.string(),
                  title: langMap.nullable(),
                  esg: z.array(z.string()).optional(),
                  source: source.optional(),
                  /** The wording was read through the seed's machine translation (the source's note says how). */
                  interpreted: z.boolean().optional(),
                }),
              )
              .default([]),
            source: source.optional(),
          }).loose(),
        ),
        source,
      })
      .loose(),
  ),
} as const;

export type ReferenceName = keyof typeof referenceSchemas;
export type Reference<N extends ReferenceName> = z.infer<(typeof referenceSchemas)[N]>;

/** Parses one file; a malformed file stops the seed with every problem and its place listed. */
export function readReference<N extends ReferenceName>(name: N): Reference<N> {
  const file = join(referenceDir, `${name}.json`);
  const parsed = referenceSchemas[name].safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 20).map((i) => `  ${name}.json ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Reference data file ${file} is invalid:\n${problems.join('\n')}`);
  }
  return parsed.data as Reference<N>;
}

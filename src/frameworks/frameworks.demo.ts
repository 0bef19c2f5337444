// Demo sectoral frameworks and occupational standards (SYNTHETIC), from data/demo/frameworks.json.
// One occupation (the energy auditor at NQF 7) sits outside its framework's levels on purpose, so
// the consistency checker has something to show. Here, not in cli/, because page tests seed it too.
import { readFileSync } from 'node:fs';
import type { Ctx } from '../platform/context.ts';
import type { LangMap } from '../platform/db/schema.ts';
import { createOccupationalStandard } from './occupational-standard.service.ts';
import { createSqf } from './sqf.service.ts';

/** Reports a seeding step, as the CLI's seeders do (cli/seed-reference.ts). */
type Progress = (step: string, done: number, total: number) => void;

type Sector = {
  code: string;
  directions: string[];
  oked: string[];
  name: LangMap;
  sector: LangMap;
  developer: string;
  occupations: { name: LangMap; isco: string; level: number }[];
};
type Catalog = { sectors: Sector[]; labourFunctions: { name: LangMap; skills: LangMap[]; knowledge: LangMap[] }[] };

const catalog: Catalog = JSON.parse(readFileSync(new URL('../../data/demo/frameworks.json', import.meta.url), 'utf8'));

const named = (m: LangMap, name: LangMap): LangMap => ({ kk: m.kk.replace('{kk}', name.kk), ru: m.ru.replace('{ru}', name.ru), en: m.en.replace('{en}', name.en) });
const FRAMEWORK_LEVELS = [3, 4, 5, 6];
const LEVEL_WORDS: Record<number, LangMap> = {
  3: { kk: 'нұсқаулық бойынша дербес орындау', ru: 'самостоятельное выполнение по инструкции', en: 'independent work to instructions' },
  4: { kk: 'типтік міндеттерді таңдап шешу', ru: 'выбор способа решения типовых задач', en: 'choosing how to solve typical tasks' },
  5: { kk: 'учаскені басқару және жауапкершілік', ru: 'руководство участком и ответственность', en: 'running a unit and answering for it' },
  6: { kk: 'кәсіби саланы дамыту және инновация', ru: 'развитие профессиональной области и инновации', en: 'developing the field and innovating' },
};

/** Returns the demo standards by the programme directions they serve. */
export async function seedDemoFrameworks(ctx: Ctx, progress: Progress): Promise<Map<string, string[]>> {
  const byDirection = new Map<string, string[]>();
  let done = 0;
  const total = catalog.sectors.reduce((n, s) => n + s.occupations.length, 0);
  for (const [s, sector] of catalog.sectors.entries()) {
    const approvedOn = `20${21 + (s % 3)}-0${3 + s}-15`;
    const sqf = await createSqf(
      ctx,
      {
        code: sector.code,
        name: sector.name,
        sector: sector.sector,
        okedCodes: sector.oked,
        developer: sector.developer,
        approvedOn,
        edition: '1',
        status: 'active',
        levels: FRAMEWORK_LEVELS.map((level) => ({ level, sublevel: null, descriptor: LEVEL_WORDS[level] as LangMap })),
        qualifications: sector.occupations
          .filter((o) => FRAMEWORK_LEVELS.includes(o.level))
          .map((o, i) => ({ code: `${sector.code}-Q${i + 1}`, name: o.name, nqfLevel: o.level, sublevel: null, iscoCodes: [o.isco], nkzCodes: [`${o.isco}-${i + 1}`], okedCodes: sector.oked })),
      },
      { isSynthetic: true, at: new Date(`${approvedOn}T06:00:00Z`) },
    );
    for (const [i, occupation] of sector.occupations.entries()) {
      const standard = await createOccupationalStandard(
        ctx,
        {
          code: `DEMO-PS-${sector.code.slice(9)}-${String(i + 1).padStart(3, '0')}`,
          name: { kk: `«${occupation.name.kk}» кәсіби стандарты`, ru: `Профессиональный стандарт «${occupation.name.ru}»`, en: `Occupational standard: ${occupation.name.en}` },
          sector: sector.sector,
          developer: sector.developer,
          approvedOn,
          edition: '1',
          status: 'active',
          sqfId: sqf.id,
          occupations: [
            {
              code: `${occupation.isco}-${i + 1}`,
              name: occupation.name,
              nqfLevel: occupation.level,
              sqfSublevel: null,
              iscoCode: occupation.isco,
              nkzCode: `${occupation.isco}-${i + 1}`,
              labourFunctions: catalog.labourFunctions.map((f, k) => ({ code: `TF${k + 1}`, name: named(f.name, occupation.name), skills: f.skills, knowledge: f.knowledge })),
            },
          ],
        },
        { isSynthetic: true, at: new Date(`${approvedOn}T07:00:00Z`) },
      );
      for (const direction of sector.directions) byDirection.set(direction, [...(byDirection.get(direction) ?? []), standard.id]);
      progress('demo occupational standards', ++done, total);
    }
  }
  return byDirection;
}

// Runs the level-consistency rules over the register: programmes vs their degree and code,
// occupational standards vs their SQF, qualifications vs their type, micro-qualifications vs the
// levels PRODUCT §3.1 allows them. Public: it reads only public records (drafts never included
// in the Register stay with their organization). It lives in registry, the lowest module that
// sees both sides; the frameworks' side comes through frameworks.api.ts.
import type { Ctx } from '../platform/context.ts';
import { translator } from '../platform/i18n/i18n.ts';
import {
  type ConsistencyKind,
  type LevelFinding,
  UNIVERSITY_MICRO_QUALIFICATION_LEVELS,
  allOccupationLevels,
  allSqfLevels,
  checkDeclaredLevel,
  occupationSqfFindings,
  programmeLevelFindings,
  qualificationTypeFindings,
} from '../frameworks/frameworks.api.ts';
import * as repo from './consistency.repository.ts';

/** Qualification type whose levels are the PRODUCT §3.1 range rather than the type's own. */
const MICRO_QUALIFICATION_TYPE = 'micro-qualification';

type Check = { kinds: readonly ConsistencyKind[]; run: (ctx: Ctx) => Promise<LevelFinding[]> };

const CHECKS: Check[] = [
  {
    kinds: ['programme-degree-level', 'programme-code-level'],
    run: async (ctx) =>
      programmeLevelFindings(
        (await repo.programmeLevels(ctx.db)).map((p) => ({
          id: p.id,
          code: p.code,
          nqfLevel: p.nqf_level,
          degree: p.degree,
          degreeLevels: p.degree_levels,
        })),
      ),
  },
  {
    kinds: ['occupation-sqf-level', 'occupation-sqf-sublevel'],
    run: async (ctx) => {
      const [standards, sqfs] = await Promise.all([allOccupationLevels(ctx.db), allSqfLevels(ctx.db)]);
      return occupationSqfFindings(
        standards.map((s) => ({ id: s.id, code: s.code, sqfId: s.sqf_id, occupations: s.occupations })),
        new Map(sqfs.map((s) => [s.id, s])),
      );
    },
  },
  {
    kinds: ['qualification-type-level', 'declared-level-range'],
    run: async (ctx) => {
      const rows = await repo.qualificationLevels(ctx.db);
      const micro = rows.filter((q) => q.qualification_type === MICRO_QUALIFICATION_TYPE);
      const others = rows.filter((q) => q.qualification_type !== MICRO_QUALIFICATION_TYPE);
      return [
        ...qualificationTypeFindings(
          others.map((q) => ({ id: q.id, code: q.code, nqfLevel: q.nqf_level, qualificationType: q.qualification_type, typeLevels: q.type_levels })),
        ),
        ...micro.flatMap((q) =>
          checkDeclaredLevel({ entityType: 'qualification', entityId: q.id, code: q.code, level: q.nqf_level }, UNIVERSITY_MICRO_QUALIFICATION_LEVELS),
        ),
      ];
    },
  },
];

export async function checkConsistency(ctx: Ctx, q: { kind?: ConsistencyKind; limit: number; offset: number }) {
  const checks = q.kind ? CHECKS.filter((c) => c.kinds.includes(q.kind as ConsistencyKind)) : CHECKS;
  const findings = (await Promise.all(checks.map((c) => c.run(ctx)))).flat().filter((f) => !q.kind || f.kind === q.kind);
  const t = translator(ctx.lang);
  const counts: Partial<Record<ConsistencyKind, number>> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return {
    items: findings
      .slice(q.offset, q.offset + q.limit)
      .map((f) => ({ ...f, message: t(f.messageKey, { code: f.code, expected: f.expected, actual: f.actual }) })),
    total: findings.length,
    counts,
  };
}

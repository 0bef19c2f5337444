// The National Qualifications Framework: 8 levels with descriptors and their EQF/QF-EHEA/ISCED mapping.
import type { Ctx } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import { atDataVersion } from '../platform/db/version-memo.ts';
import * as repo from './nqf.repository.ts';
import { provenanceOfSource } from './provenance.ts';

type NqfRow = Awaited<ReturnType<typeof repo.listNqfLevels>>[number];

const present = (r: NqfRow) => ({
  level: r.level,
  eqfLevel: r.eqf_level,
  qfEhea: r.qf_ehea,
  isced: r.isced,
  descriptors: r.descriptors,
  education: r.education,
  typicalQualification: r.typical_qualification,
  source: r.source,
  provenance: r.provenance,
});

export async function listNqfLevels(ctx: Ctx) {
  const items = (await repo.listNqfLevels(ctx.db)).map(present);
  return { items, total: items.length };
}

export async function getNqfLevel(ctx: Ctx, level: number) {
  const row = await repo.findNqfLevel(ctx.db, level);
  if (!row) throw notFound('nqf-level', String(level));
  return present(row);
}

export async function listQualificationTypes(ctx: Ctx) {
  const rows = await atDataVersion(ctx, 'listQualificationTypes', () => repo.listQualificationTypes(ctx.db));
  const items = rows.map((r) => ({
    key: r.key,
    name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
    nqfLevel: r.nqf_level,
    source: r.source,
    // Reference data only: a type without a quoted line is the team's.
    provenance: provenanceOfSource(r.source ?? undefined),
  }));
  return { items, total: items.length };
}

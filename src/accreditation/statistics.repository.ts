// SQL of the yearly activity statistics of accreditation bodies (KAZSEE's Table 1, digest 004 §6.1).
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { organizationSortKey, organizationsByIds } from '../registry/registry.api.ts';
import { eurAceLabelledSql } from './decision-status.ts';

/** `realOnly`: leave demonstration (synthetic) decisions out, as national indicators of real data do. */
export type StatisticsFilters = { bodyId?: string; from?: string; to?: string; realOnly?: boolean };

export type StatisticsRow = {
  body_id: string;
  name_kk: string;
  name_ru: string;
  name_en: string | null;
  short_name: string | null;
  year: number;
  institutional: number;
  programme: number;
  cross_border: number;
  eur_ace: number;
  refused: number;
};

/**
 * Positive decisions count once per institution and once per programme they cover, as the body's
 * own table counts accredited programmes; cross-border ones are a row of their own; EUR-ACE® counts
 * labels ENAEE approved and overlaps the programme row. Refusals are counted as decisions.
 */
export async function yearlyCounts(db: Db, f: StatisticsFilters): Promise<StatisticsRow[]> {
  const programmes = sql<number>`greatest((select count(*) from accreditation_decision_programmes dp where dp.decision_id = d.id), 1)`;
  let q = db
    .selectFrom('accreditation_decisions as d')
    .select([
      'd.body_id',
      sql<number>`extract(year from d.decided_on)::int`.as('year'),
      sql<number>`count(*) filter (where d.outcome = 'accredited' and d.kind = 'institutional' and not d.cross_border)`.as('institutional'),
      sql<number>`coalesce(sum(${programmes}) filter (where d.outcome = 'accredited' and d.kind = 'programme' and not d.cross_border), 0)`.as('programme'),
      sql<number>`coalesce(sum(case when d.kind = 'programme' then ${programmes} else 1 end) filter (where d.outcome = 'accredited' and d.cross_border), 0)`.as(
        'cross_border',
      ),
      sql<number>`coalesce(sum(${programmes}) filter (where ${eurAceLabelledSql('d')}), 0)`.as('eur_ace'),
      sql<number>`count(*) filter (where d.outcome = 'refused')`.as('refused'),
    ])
    .where('d.status', '!=', 'pending-approval')
    .where('d.status', '!=', 'withdrawn');
  if (f.bodyId) q = q.where('d.body_id', '=', f.bodyId);
  if (f.realOnly) q = q.where('d.is_synthetic', '=', false);
  if (f.from) q = q.where('d.decided_on', '>=', f.from);
  if (f.to) q = q.where('d.decided_on', '<=', f.to);
  const rows = await q
    .groupBy(['d.body_id', sql`extract(year from d.decided_on)`])
    .orderBy(organizationSortKey('d.body_id', 'short_name'))
    .orderBy('d.body_id')
    .orderBy('year')
    .execute();
  const bodies = new Map((await organizationsByIds(db, rows.map((r) => r.body_id))).map((o) => [o.id, o]));
  // As the inner join this replaced: decisions of a body that is gone are left out.
  return rows.flatMap((r) => {
    const b = bodies.get(r.body_id);
    return b ? [{ ...r, name_kk: b.name_kk, name_ru: b.name_ru, name_en: b.name_en, short_name: b.short_name }] : [];
  }).map((r) => ({
    ...r,
    year: Number(r.year),
    institutional: Number(r.institutional),
    programme: Number(r.programme),
    cross_border: Number(r.cross_border),
    eur_ace: Number(r.eur_ace),
    refused: Number(r.refused),
  }));
}

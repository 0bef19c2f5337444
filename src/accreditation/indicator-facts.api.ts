// Accreditation's read API for national indicators (src/indicators): who is accredited on a day
// (the register's own rule, accreditedOnQuery), decisions in force whose validity ends within a
// window, and the bodies' yearly activity. Plain rows; the indicators module does the arithmetic.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { decisionInForceOn } from './decision-status.ts';
import { accreditedOnQuery } from './registers.repository.ts';
import { type StatisticsRow, yearlyCounts } from './statistics.repository.ts';

export type AccreditedFact = { entityType: 'organization' | 'programme'; entityId: string; bodyId: string; eurAce: boolean };

/** One row per (record, body) accredited on `day`: Registers 2 and 3 in force. */
export async function accreditedFactsOn(db: Db, day: string): Promise<AccreditedFact[]> {
  const rows = await db.selectFrom(accreditedOnQuery(db, day).as('a')).select(['a.entity_type', 'a.entity_id', 'a.body_id', 'a.eur_ace']).execute();
  return rows.map((r) => ({ entityType: r.entity_type as AccreditedFact['entityType'], entityId: String(r.entity_id), bodyId: r.body_id, eurAce: !!r.eur_ace }));
}

export type ExpiringFact = { decisionId: string; bodyId: string; organizationId: string; kind: string; validTo: string; programmes: number; isSynthetic: boolean };

/** Positive decisions in force on `day` whose validity ends on or before `until`. */
export async function accreditationsExpiring(db: Db, day: string, until: string): Promise<ExpiringFact[]> {
  const rows = await db
    .selectFrom('accreditation_decisions as d')
    .select([
      'd.id',
      'd.body_id',
      'd.organization_id',
      'd.kind',
      'd.outcome',
      'd.status',
      'd.valid_from',
      'd.valid_to',
      'd.is_synthetic',
      sql<number>`(select count(*)::int from accreditation_decision_programmes dp where dp.decision_id = d.id)`.as('programmes'),
    ])
    .where('d.outcome', '=', 'accredited')
    .where('d.valid_to', '>=', day)
    .where('d.valid_to', '<=', until)
    .execute();
  return rows
    .filter((d) => decisionInForceOn({ outcome: d.outcome, status: d.status, validFrom: d.valid_from, validTo: d.valid_to }, day))
    .map((d) => ({
      decisionId: d.id,
      bodyId: d.body_id,
      organizationId: d.organization_id,
      kind: d.kind,
      validTo: String(d.valid_to),
      programmes: Number(d.programmes),
      isSynthetic: d.is_synthetic,
    }));
}

export type ActivityFact = StatisticsRow;

/** Per body and year of decision: institutional, programme, cross-border, EUR-ACE® and refusals (KAZSEE's Table 1 way of counting). */
export function agencyActivity(db: Db, options: { realOnly?: boolean } = {}): Promise<ActivityFact[]> {
  return yearlyCounts(db, { realOnly: options.realOnly });
}

// How many programmes of the register a decision in force covers on a day. SQL only.
import type { Db } from '../platform/db/database.ts';
import { IN_FORCE_STATUSES, decisionStatusOnSql } from './decision-status.ts';

export async function programmesAccreditedOn(db: Db, day: string): Promise<number> {
  const row = await db
    .selectFrom('accreditation_decision_programmes as dp')
    .innerJoin('accreditation_decisions as d', 'd.id', 'dp.decision_id')
    .select((eb) => eb.fn.count<string>('dp.programme_id').distinct().as('n'))
    .where('d.outcome', '=', 'accredited')
    .where('d.valid_from', '<=', day)
    .where(({ ref }) => decisionStatusOnSql(ref('d.status'), ref('d.valid_to'), day), 'in', [...IN_FORCE_STATUSES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

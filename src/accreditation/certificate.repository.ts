// SQL of what an accreditation certificate prints: the decision, the body, the organization and
// (for programme accreditation) the programmes.
import type { Db } from '../platform/db/database.ts';

export async function certificateData(db: Db, decisionId: string) {
  const decision = await db
    .selectFrom('accreditation_decisions as d')
    .innerJoin('organizations as b', 'b.id', 'd.body_id')
    .innerJoin('organizations as o', 'o.id', 'd.organization_id')
    .select([
      'd.id',
      'd.kind',
      'd.eur_ace',
      'd.outcome',
      'd.term_years',
      'd.decided_on',
      'd.approved_on',
      'd.valid_from',
      'd.valid_to',
      'd.status',
      'd.certificate_number',
      'd.enaee_status',
      'b.name_kk as body_kk',
      'b.name_ru as body_ru',
      'b.name_en as body_en',
      'o.name_kk as org_kk',
      'o.name_ru as org_ru',
      'o.name_en as org_en',
    ])
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
  if (!decision) return undefined;
  const programmes = await db
    .selectFrom('accreditation_decision_programmes as dp')
    .innerJoin('programmes as p', 'p.id', 'dp.programme_id')
    .select(['p.code', 'p.name_kk', 'p.name_ru', 'p.name_en'])
    .where('dp.decision_id', '=', decisionId)
    .orderBy('p.code')
    .execute();
  return { decision, programmes };
}

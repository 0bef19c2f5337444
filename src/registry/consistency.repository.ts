// The levels the level-consistency checker compares on the registry's side; the levels of
// qualification types come through the frameworks' read API. Nothing is decided here.
import type { Db } from '../platform/db/database.ts';
import { qualificationTypeLevels } from '../frameworks/frameworks.api.ts';

/**
 * Public programmes (once included in the Register, the registry's own rule), with the level(s)
 * of their degree's qualification type.
 */
export async function programmeLevels(db: Db) {
  const [rows, types] = await Promise.all([
    db
      .selectFrom('programmes as p')
      .select(['p.id', 'p.code', 'p.nqf_level', 'p.degree'])
      .where('p.first_included_at', 'is not', null)
      .orderBy('p.code')
      .orderBy('p.id')
      .execute(),
    qualificationTypeLevels(db),
  ]);
  return rows.map((p) => ({ ...p, degree_levels: (p.degree !== null && types.get(p.degree)) || [] }));
}

export async function qualificationLevels(db: Db) {
  const [rows, types] = await Promise.all([
    db.selectFrom('qualifications as q').select(['q.id', 'q.code', 'q.nqf_level', 'q.qualification_type']).orderBy('q.code').execute(),
    qualificationTypeLevels(db),
  ]);
  return rows.map((q) => ({ ...q, type_levels: (q.qualification_type !== null && types.get(q.qualification_type)) || [] }));
}

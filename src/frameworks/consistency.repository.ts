// SQL behind the level-consistency checker: the levels each side states, nothing decided here.
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';

/**
 * Public programmes (once included in the Register, the registry's own rule), with the level(s)
 * of their degree's qualification type.
 */
export function programmeLevels(db: Db) {
  return db
    .selectFrom('programmes as p')
    .leftJoin('qualification_types as t', 't.key', 'p.degree')
    .select([
      'p.id',
      'p.code',
      'p.nqf_level',
      'p.degree',
      sql<number[]>`coalesce(t.nqf_levels, case when t.nqf_level is null then '{}'::int[] else array[t.nqf_level] end)`.as('degree_levels'),
    ])
    .where('p.first_included_at', 'is not', null)
    .orderBy('p.code')
    .orderBy('p.id')
    .execute();
}

export function qualificationLevels(db: Db) {
  return db
    .selectFrom('qualifications as q')
    .leftJoin('qualification_types as t', 't.key', 'q.qualification_type')
    .select([
      'q.id',
      'q.code',
      'q.nqf_level',
      'q.qualification_type',
      sql<number[]>`coalesce(t.nqf_levels, case when t.nqf_level is null then '{}'::int[] else array[t.nqf_level] end)`.as('type_levels'),
    ])
    .orderBy('q.code')
    .execute();
}

// SQL of NQF levels and qualification types.
import type { Db } from '../platform/db/database.ts';

export async function listNqfLevels(db: Db) {
  return db.selectFrom('nqf_levels').selectAll().orderBy('level').execute();
}

export async function findNqfLevel(db: Db, level: number) {
  return db.selectFrom('nqf_levels').selectAll().where('level', '=', level).executeTakeFirst();
}

export async function listQualificationTypes(db: Db) {
  return db.selectFrom('qualification_types').selectAll().orderBy('nqf_level').orderBy('key').execute();
}

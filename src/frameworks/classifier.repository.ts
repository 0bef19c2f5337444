// SQL of versioned classifiers (fields, groups, regions, legal forms, languages…).
import type { Db } from '../platform/db/database.ts';

/** The entries of the version in force today (valid_to empty). */
export function currentEntries(db: Db, classifier: string) {
  return db
    .selectFrom('classifier_entries as e')
    .innerJoin('classifier_versions as v', (j) => j.onRef('v.classifier', '=', 'e.classifier').onRef('v.version', '=', 'e.version'))
    .where('e.classifier', '=', classifier)
    .where('v.valid_to', 'is', null);
}

/** Codes among `codes` that the classifier in force does not know. */
export async function unknownCodes(db: Db, classifier: string, codes: (string | null | undefined)[]): Promise<string[]> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return [];
  const found = await currentEntries(db, classifier).select('e.code').where('e.code', 'in', wanted).execute();
  const known = new Set(found.map((f) => f.code));
  return wanted.filter((c) => !known.has(c));
}

export async function entryByCode(db: Db, classifier: string, code: string) {
  return currentEntries(db, classifier)
    .select(['e.code', 'e.parent_code', 'e.name_kk', 'e.name_ru', 'e.name_en', 'e.attributes', 'e.version', 'e.source'])
    .where('e.code', '=', code)
    .executeTakeFirst();
}

export async function listEntries(db: Db, classifier: string, version?: string) {
  const base = db
    .selectFrom('classifier_entries')
    .select(['classifier', 'version', 'code', 'parent_code', 'name_kk', 'name_ru', 'name_en', 'attributes', 'source'])
    .where('classifier', '=', classifier)
    .orderBy('code');
  if (version) return base.where('version', '=', version).execute();
  return currentEntries(db, classifier)
    .select(['e.classifier', 'e.version', 'e.code', 'e.parent_code', 'e.name_kk', 'e.name_ru', 'e.name_en', 'e.attributes', 'e.source'])
    .orderBy('e.code')
    .execute();
}

export async function listClassifierVersions(db: Db) {
  return db.selectFrom('classifier_versions').selectAll().orderBy('classifier').orderBy('valid_from').execute();
}

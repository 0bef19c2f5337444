// SQL of versioned classifiers (fields, groups, regions, legal forms, languages…).
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { rememberedReference } from '../platform/db/bulk-session.ts';
import type { Db } from '../platform/db/database.ts';
import { toJson } from '../platform/db/schema.ts';

/** Today in Kazakhstan (UTC+5, as endOfDayAlmaty): a version published for tomorrow is not yet in force. */
export { todayInAlmaty };

/** The entries of the version in force on `on` (valid_from ≤ on < valid_to), of one or several classifiers. */
export function currentEntries(db: Db, classifier: string | string[], on: string = todayInAlmaty()) {
  return db
    .selectFrom('classifier_entries as e')
    .innerJoin('classifier_versions as v', (j) => j.onRef('v.classifier', '=', 'e.classifier').onRef('v.version', '=', 'e.version'))
    .where('e.classifier', 'in', Array.isArray(classifier) ? classifier : [classifier])
    .where('v.valid_from', '<=', on)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', on)]));
}

/** Codes among `codes` that the classifier in force does not know. */
export async function unknownCodes(db: Db, classifier: string, codes: (string | null | undefined)[]): Promise<string[]> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))].sort();
  if (!wanted.length) return [];
  return rememberedReference(db, `unknownCodes|${classifier}|${wanted.join('|')}`, async () => {
    const found = await currentEntries(db, classifier).select('e.code').where('e.code', 'in', wanted).execute();
    const known = new Set(found.map((f) => f.code));
    return wanted.filter((c) => !known.has(c));
  });
}

const ENTRY_COLUMNS = ['e.code', 'e.parent_code', 'e.name_kk', 'e.name_ru', 'e.name_en', 'e.attributes', 'e.version', 'e.source'] as const;

export async function entryByCode(db: Db, classifier: string, code: string, version?: string) {
  if (version) {
    return db
      .selectFrom('classifier_entries as e')
      .select(ENTRY_COLUMNS)
      .where('e.classifier', '=', classifier)
      .where('e.version', '=', version)
      .where('e.code', '=', code)
      .executeTakeFirst();
  }
  return rememberedReference(db, `entryByCode|${classifier}|${code}`, () =>
    currentEntries(db, classifier).select(ENTRY_COLUMNS).where('e.code', '=', code).executeTakeFirst(),
  );
}

export async function listEntries(db: Db, classifier: string, version?: string, parentCode?: string) {
  let base = db.selectFrom('classifier_entries as e').select(ENTRY_COLUMNS).where('e.classifier', '=', classifier);
  if (parentCode) base = base.where('e.parent_code', '=', parentCode);
  if (version) return base.where('e.version', '=', version).orderBy('e.code').execute();
  let current = currentEntries(db, classifier).select(ENTRY_COLUMNS);
  if (parentCode) current = current.where('e.parent_code', '=', parentCode);
  return current.orderBy('e.code').execute();
}

export async function listClassifierVersions(db: Db, classifier?: string) {
  let q = db.selectFrom('classifier_versions').selectAll();
  if (classifier) q = q.where('classifier', '=', classifier);
  return q.orderBy('classifier').orderBy('valid_from').execute();
}

/** The version with no end date yet: the one a newly published version follows. */
export function latestOpenVersion(db: Db, classifier: string) {
  return db
    .selectFrom('classifier_versions')
    .selectAll()
    .where('classifier', '=', classifier)
    .where('valid_to', 'is', null)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

export async function closeVersion(db: Db, classifier: string, version: string, validTo: string): Promise<void> {
  await db.updateTable('classifier_versions').set({ valid_to: validTo }).where('classifier', '=', classifier).where('version', '=', version).execute();
}

export async function insertVersion(
  db: Db,
  v: { classifier: string; version: string; validFrom: string; title: string; source: unknown },
  entries: { code: string; parentCode: string | null; name: { kk: string; ru: string; en: string }; attributes: Record<string, unknown>; source: unknown }[],
): Promise<void> {
  await db
    .insertInto('classifier_versions')
    .values({
      classifier: v.classifier,
      version: v.version,
      valid_from: v.validFrom,
      valid_to: null,
      title: v.title,
      source: v.source ? toJson(v.source) : null,
    })
    .execute();
  // Batches keep each statement under PostgreSQL's 65 535 bind parameters.
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto('classifier_entries')
      .values(
        entries.slice(i, i + 1000).map((e) => ({
          classifier: v.classifier,
          version: v.version,
          code: e.code,
          parent_code: e.parentCode,
          name_kk: e.name.kk,
          name_ru: e.name.ru,
          name_en: e.name.en,
          attributes: toJson(e.attributes),
          source: e.source ? toJson(e.source) : null,
        })),
      )
      .execute();
  }
}

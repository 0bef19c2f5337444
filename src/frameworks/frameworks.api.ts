// The read API of the frameworks module: what other modules may ask about the NQF, qualification
// types, classifiers, SQFs and occupational standards. Frameworks owns the tables declared in
// frameworks.table.ts; no other module names them in SQL, it calls these functions instead.
//
// - todayInAlmaty(): the day classifier versions are in force on.
// - unknownCodeIssues(db, refs): every classifier code of a write checked at once (422 issues).
// - entryByCode(db, classifier, code, version?): one classifier entry, in force or of a version.
// - knownCode(db, classifier, code): whether the classifier in force knows a code.
// - currentEntriesOf(db, classifier): code and attributes of the entries in force.
// - eqfLevelOf(db, nqfLevel): the EQF level an NQF level corresponds to, or null.
// - qualificationTypeLevels(db): every NQF level each qualification type may take, by key.
// - qualificationType(db, key): one qualification type's levels.
// - levelsOfQualificationType(type): the levels a type may take (the one rule for it).
// - existingOccupationalStandardIds(db, ids) / occupationalStandardsByIds(db, ids): batched look-ups.
// - occupationalStandardLevels(db, ids): the NQF levels each standard covers.
// - occupationalStandardByCode(db, code) / occupationalStandardsPage(db, page): whole standards, as
//   the API shows them (interop's importer and exports).
// - allOccupationLevels(db) / allSqfLevels(db): the levels the consistency checker compares.
// - level-consistency rules (pure): programmeLevelFindings, qualificationTypeFindings, …
// - provenanceOfSource(source) / valueProvenanceSchema: quoted (document and line) or team-written;
//   recordProvenance(source) / recordProvenanceField: the same for a record, null when it has no source.
import { rememberedReference } from '../platform/db/bulk-session.ts';
import type { Db } from '../platform/db/database.ts';
import { currentEntries } from './classifier.repository.ts';
import { findOccupationalStandardRowByCode, occupationalStandardsPage as standardsPage } from './occupational-standard.repository.ts';
import type { OccupationalStandard } from './occupational-standard.schema.ts';
import { presentOccupationalStandard } from './occupational-standard.service.ts';

export { entryByCode, todayInAlmaty } from './classifier.repository.ts';
export {
  CONSISTENCY_KINDS,
  type ConsistencyKind,
  checkDeclaredLevel,
  type LevelFinding,
  occupationSqfFindings,
  programmeLevelFindings,
  qualificationTypeFindings,
  UNIVERSITY_MICRO_QUALIFICATION_LEVELS,
} from './level-consistency.ts';
export { allOccupationLevels } from './occupational-standard.repository.ts';
export { provenanceOfSource, recordProvenance, recordProvenanceField, type ValueProvenance, valueProvenanceSchema } from './provenance.ts';
export { unknownCodeIssues } from './references.ts';
export { allSqfLevels } from './sqf.repository.ts';

export async function knownCode(db: Db, classifier: string, code: string): Promise<boolean> {
  return !!(await currentEntries(db, classifier).select('e.code').where('e.code', '=', code).executeTakeFirst());
}

export function currentEntriesOf(db: Db, classifier: string): Promise<{ code: string; attributes: Record<string, unknown> }[]> {
  return currentEntries(db, classifier).select(['e.code', 'e.attributes']).execute();
}

export async function eqfLevelOf(db: Db, nqfLevel: number): Promise<number | null> {
  const row = await db.selectFrom('nqf_levels').select('eqf_level').where('level', '=', nqfLevel).executeTakeFirst();
  return row?.eqf_level ?? null;
}

/** Every level a qualification type may take: all of a type spanning several, else its one level, else none. */
export const levelsOfQualificationType = (t: { nqf_level: number | null; nqf_levels: number[] | null }): number[] =>
  t.nqf_levels ?? (t.nqf_level === null ? [] : [t.nqf_level]);

/** Every qualification type's levels by key (a handful of rows, read whole). */
export async function qualificationTypeLevels(db: Db): Promise<Map<string, number[]>> {
  const rows = await db.selectFrom('qualification_types').select(['key', 'nqf_level', 'nqf_levels']).execute();
  return new Map(rows.map((t) => [t.key, levelsOfQualificationType(t)]));
}

export function qualificationType(db: Db, key: string) {
  return rememberedReference(db, `qualificationType|${key}`, () =>
    db.selectFrom('qualification_types').select(['key', 'nqf_level', 'nqf_levels']).where('key', '=', key).executeTakeFirst(),
  );
}

export async function existingOccupationalStandardIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('occupational_standards').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function occupationalStandardsByIds(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('occupational_standards').select(['id', 'code', 'name_kk', 'name_ru', 'name_en']).where('id', 'in', ids).execute();
}

export function occupationalStandardLevels(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('occupational_standards').select(['id', 'nqf_levels']).where('id', 'in', ids).execute();
}

export async function occupationalStandardByCode(db: Db, code: string): Promise<OccupationalStandard | null> {
  const row = await findOccupationalStandardRowByCode(db, code);
  return row ? presentOccupationalStandard(row) : null;
}

export async function occupationalStandardsPage(db: Db, page: { after?: string; limit: number; synthetic?: boolean }): Promise<OccupationalStandard[]> {
  return (await standardsPage(db, page)).map(presentOccupationalStandard);
}

/** An occupational standard's code, names and labour functions (every occupation's, in order), for assessing prior learning against it. */
export async function occupationalStandardFunctions(db: Db, id: string) {
  const row = await db.selectFrom('occupational_standards').select(['id', 'code', 'name_kk', 'name_ru', 'name_en', 'occupations']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const functions = row.occupations.flatMap((o) => o.labourFunctions.map((f) => ({ code: f.code, text: f.name })));
  return { id: row.id, code: row.code, name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en }, functions };
}

// SQL of self-assessment reports: versions, section texts, evidence files, and the sections a
// case's standard set gives.
import type { Db } from '../platform/db/database.ts';

export type SarCaseRow = { id: string; organization_id: string; body_id: string; state: string; standard_set_id: string | null };

export async function findSarCase(db: Db, caseId: string): Promise<SarCaseRow | undefined> {
  return db
    .selectFrom('accreditation_cases')
    .select(['id', 'organization_id', 'body_id', 'state', 'standard_set_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export type StandardRow = { code: string; parent_code: string | null; title_kk: string | null; title_ru: string | null; title_en: string | null };

/** The standards and criteria of a set, in the set's order. */
export async function standardsOfSet(db: Db, setId: string): Promise<StandardRow[]> {
  return db
    .selectFrom('standards')
    .select(['code', 'parent_code', 'title_kk', 'title_ru', 'title_en'])
    .where('set_id', '=', setId)
    .orderBy('position')
    .execute();
}

export type VersionRow = {
  id: string;
  case_id: string;
  version: number;
  status: string;
  created_at: Date;
  submitted_at: Date | null;
};

const versionColumns = ['id', 'case_id', 'version', 'status', 'created_at', 'submitted_at'] as const;

export async function listVersions(db: Db, caseId: string): Promise<VersionRow[]> {
  return db.selectFrom('sar_versions').select(versionColumns).where('case_id', '=', caseId).orderBy('version').execute();
}

export async function findVersion(db: Db, caseId: string, version: number): Promise<VersionRow | undefined> {
  return db.selectFrom('sar_versions').select(versionColumns).where('case_id', '=', caseId).where('version', '=', version).executeTakeFirst();
}

/** Locks the case's versions so two requests cannot both open version n+1 or both submit. */
export async function lockCaseVersions(db: Db, caseId: string): Promise<void> {
  await db.selectFrom('accreditation_cases').select('id').where('id', '=', caseId).forUpdate().execute();
}

export async function insertVersion(db: Db, caseId: string, version: number, by: string | null): Promise<VersionRow> {
  return db
    .insertInto('sar_versions')
    .values({ case_id: caseId, version, status: 'draft', created_by: by })
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
}

/** Copies the texts and evidence of one version into another (a revision starts from the last one). */
export async function copyVersionContent(db: Db, fromId: string, toId: string): Promise<void> {
  await db
    .insertInto('sar_sections')
    .columns(['version_id', 'standard_code', 'text_kk', 'text_ru', 'text_en', 'updated_by'])
    .expression((eb) =>
      eb
        .selectFrom('sar_sections')
        .select((s) => [s.val(toId).as('version_id'), 'standard_code', 'text_kk', 'text_ru', 'text_en', 'updated_by'])
        .where('version_id', '=', fromId),
    )
    .execute();
  await db
    .insertInto('sar_evidence')
    .columns(['version_id', 'standard_code', 'file_sha256', 'file_name', 'title', 'uploaded_by', 'uploaded_at'])
    .expression((eb) =>
      eb
        .selectFrom('sar_evidence')
        .select((s) => [s.val(toId).as('version_id'), 'standard_code', 'file_sha256', 'file_name', 'title', 'uploaded_by', 'uploaded_at'])
        .where('version_id', '=', fromId),
    )
    .execute();
}

export async function markSubmitted(db: Db, versionId: string, by: string | null): Promise<VersionRow> {
  return db
    .updateTable('sar_versions')
    .set({ status: 'submitted', submitted_by: by, submitted_at: new Date() })
    .where('id', '=', versionId)
    .returning(versionColumns)
    .executeTakeFirstOrThrow();
}

export type SectionRow = { standard_code: string; text_kk: string; text_ru: string; text_en: string; updated_at: Date };

export async function sectionsOf(db: Db, versionId: string): Promise<SectionRow[]> {
  return db.selectFrom('sar_sections').select(['standard_code', 'text_kk', 'text_ru', 'text_en', 'updated_at']).where('version_id', '=', versionId).execute();
}

export async function upsertSection(
  db: Db,
  versionId: string,
  code: string,
  texts: { text_kk: string; text_ru: string; text_en: string },
  by: string | null,
): Promise<void> {
  await db
    .insertInto('sar_sections')
    .values({ version_id: versionId, standard_code: code, ...texts, updated_by: by })
    .onConflict((oc) => oc.columns(['version_id', 'standard_code']).doUpdateSet({ ...texts, updated_by: by, updated_at: new Date() }))
    .execute();
}

export type EvidenceRow = {
  id: string;
  version_id: string;
  standard_code: string | null;
  file_sha256: string;
  file_name: string;
  title: string | null;
  uploaded_at: Date;
  size: number;
  media_type: string;
};

const evidenceQuery = (db: Db) =>
  db
    .selectFrom('sar_evidence as e')
    .innerJoin('files as f', 'f.sha256', 'e.file_sha256')
    .select(['e.id', 'e.version_id', 'e.standard_code', 'e.file_sha256', 'e.file_name', 'e.title', 'e.uploaded_at', 'f.size', 'f.media_type']);

export async function evidenceOf(db: Db, versionId: string): Promise<EvidenceRow[]> {
  return evidenceQuery(db).where('e.version_id', '=', versionId).orderBy('e.uploaded_at').orderBy('e.id').execute();
}

/** One evidence item with the case and version it belongs to (for access checks). */
export async function findEvidence(
  db: Db,
  evidenceId: string,
): Promise<(EvidenceRow & { case_id: string; version: number; version_status: string }) | undefined> {
  return evidenceQuery(db)
    .innerJoin('sar_versions as v', 'v.id', 'e.version_id')
    .select(['v.case_id', 'v.version', 'v.status as version_status'])
    .where('e.id', '=', evidenceId)
    .executeTakeFirst();
}

export async function insertEvidence(
  db: Db,
  values: { version_id: string; standard_code: string | null; file_sha256: string; file_name: string; title: string | null; uploaded_by: string | null },
): Promise<string> {
  const row = await db.insertInto('sar_evidence').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteEvidence(db: Db, evidenceId: string): Promise<void> {
  await db.deleteFrom('sar_evidence').where('id', '=', evidenceId).execute();
}

/** Counts for the case engine: versions, and the latest version's status and evidence. */
export async function countEvidence(db: Db, versionId: string): Promise<number> {
  const row = await db
    .selectFrom('sar_evidence')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('version_id', '=', versionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

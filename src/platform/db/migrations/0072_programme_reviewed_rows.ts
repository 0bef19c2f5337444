// While an included programme is being updated, the public is shown the version the ministry last
// reviewed. Lists filter and sort in SQL, and other modules read programmes through registry.api,
// so that version is kept as a row of the same shape: copied when the update starts, dropped when
// the ministry includes or excludes the programme again. Pending updates already under way get
// theirs from the last reviewed version in record_versions.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE programme_reviewed_rows (LIKE programmes INCLUDING DEFAULTS INCLUDING GENERATED);
    ALTER TABLE programme_reviewed_rows ADD PRIMARY KEY (id);
    ALTER TABLE programme_reviewed_rows ADD FOREIGN KEY (id) REFERENCES programmes(id) ON DELETE CASCADE;
  `.execute(db);
  const texts = (field: string) => sql.raw(`ARRAY(SELECT jsonb_array_elements_text(v.data->'${field}'))`);
  await sql`
    INSERT INTO programme_reviewed_rows (
      id, organization_id, code, edition, name_kk, name_ru, name_en, field_code, narrow_field_code, group_code,
      programme_type, nqf_level, degree, credits_ects, languages, study_forms, occupational_standard_ids,
      atlas_entries, partner_ids, partnership, licence_id, council_approved_on, objective, distinctive_features,
      outcomes, courses, status, review_comment, first_included_at, is_synthetic, source, row_version, created_at, updated_at
    )
    SELECT p.id, p.organization_id, v.data->>'code', (v.data->>'edition')::int,
      v.data->'name'->>'kk', v.data->'name'->>'ru', v.data->'name'->>'en',
      v.data->>'fieldCode', v.data->>'directionCode', v.data->>'groupCode',
      coalesce(v.data->>'programmeType', p.programme_type), (v.data->>'nqfLevel')::int, v.data->>'degree', (v.data->>'creditsEcts')::int,
      ${texts('languages')}, ${texts('studyForms')}, ${texts('occupationalStandardIds')}::uuid[],
      ${texts('atlasEntries')}, ${texts('partnerIds')}::uuid[], v.data->>'partnership', (v.data->>'licenceId')::uuid,
      (v.data->>'councilApprovedOn')::date, nullif(v.data->'objective', 'null'), nullif(v.data->'distinctiveFeatures', 'null'),
      coalesce(v.data->'outcomes', '[]'), coalesce(v.data->'courses', '[]'), v.data->>'status', v.data->>'reviewComment',
      p.first_included_at, p.is_synthetic, p.source, coalesce((v.data->>'version')::int, 1), p.created_at, v.valid_from
    FROM programmes p
    JOIN LATERAL (
      SELECT data, valid_from FROM record_versions
      WHERE entity_type = 'programme' AND entity_id = p.id AND summary->>'status' IN ('included', 'excluded')
      ORDER BY version DESC LIMIT 1
    ) v ON true
    WHERE p.first_included_at IS NOT NULL AND p.status NOT IN ('included', 'excluded')
  `.execute(db);
}

// Frameworks, second step: level ranges of qualification types and the indexes behind the
// SQF / occupational-standard filters (developer, OKED, level, framework).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Some types span levels (working qualification 2–3, micro-qualification 4–5); nqf_level keeps
    -- the highest, nqf_levels the whole range. NULL means "just nqf_level".
    ALTER TABLE qualification_types ADD COLUMN nqf_levels int[];

    CREATE INDEX sqfs_developer_trgm ON sqfs USING gin (developer gin_trgm_ops);
    CREATE INDEX sqfs_oked ON sqfs USING gin (oked_codes);
    CREATE INDEX occupational_standards_developer_trgm ON occupational_standards USING gin (developer gin_trgm_ops);
    CREATE INDEX occupational_standards_levels ON occupational_standards USING gin (nqf_levels);
    CREATE INDEX occupational_standards_sqf ON occupational_standards (sqf_id);
  `.execute(db);
}

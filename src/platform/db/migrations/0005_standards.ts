// Versioned sets of quality-assurance standards (owner: an accreditation body or the ministry).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE standard_sets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      key text NOT NULL,
      version text NOT NULL,
      owner_organization_id uuid REFERENCES organizations(id),
      owner_label text NOT NULL,
      scope text NOT NULL,
      title_kk text NOT NULL, title_ru text NOT NULL, title_en text NOT NULL,
      valid_from date NOT NULL,
      valid_to date,
      source jsonb,
      UNIQUE (key, version)
    );

    CREATE TABLE standards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      set_id uuid NOT NULL REFERENCES standard_sets(id) ON DELETE CASCADE,
      code text NOT NULL,
      parent_code text,
      position int NOT NULL,
      title_kk text, title_ru text, title_en text,
      attributes jsonb NOT NULL DEFAULT '{}',
      source jsonb,
      UNIQUE (set_id, code)
    );
  `.execute(db);
}

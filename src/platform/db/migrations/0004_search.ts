// One search document per public record, maintained in the same transaction as the record.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE search_documents (
      entity_type text NOT NULL,
      entity_id uuid NOT NULL,
      title_kk text NOT NULL, title_ru text NOT NULL, title_en text NOT NULL,
      codes text[] NOT NULL DEFAULT '{}',
      -- Latin transliteration + lowercased original text: matches Cyrillic and Latin spellings.
      folded text NOT NULL,
      -- Each name and alias folded on its own: a name that starts with the query ranks first.
      name_keys text[] NOT NULL DEFAULT '{}',
      tsv tsvector NOT NULL,
      region_code text,
      field_code text,
      nqf_level int,
      languages text[] NOT NULL DEFAULT '{}',
      organization_kind text,
      organization_id uuid,
      status text,
      is_public boolean NOT NULL DEFAULT true,
      is_synthetic boolean NOT NULL DEFAULT false,
      PRIMARY KEY (entity_type, entity_id)
    );
    CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv);
    CREATE INDEX search_documents_codes ON search_documents USING gin (codes);
    CREATE INDEX search_documents_folded_trgm ON search_documents USING gin (folded gin_trgm_ops);
  `.execute(db);
}

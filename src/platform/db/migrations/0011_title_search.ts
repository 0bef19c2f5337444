// The names-and-codes part of each search document, indexed on its own: a query is first matched
// against names only, and against whole documents (outcomes, courses, the organization of a
// programme) only when no name matches. Measured on 11,650 documents: "университет" matches 207
// names in 0.6 ms but 7,687 whole documents in 36 ms, because every programme carries its
// university's name.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE search_documents ADD COLUMN tsv_title tsvector;
    UPDATE search_documents SET tsv_title = setweight(to_tsvector('simple', folded), 'A') || setweight(to_tsvector('russian', title_ru), 'B');
    ALTER TABLE search_documents ALTER COLUMN tsv_title SET NOT NULL;
    CREATE INDEX search_documents_tsv_title ON search_documents USING gin (tsv_title);
  `.execute(db);
}

// The search document of a record, written in the same transaction as the record itself.
import { sql } from 'kysely';
import { bulkSessionOf, registerBulkFlusher } from '../db/bulk-session.ts';
import type { Db } from '../db/database.ts';
import type { LangMap } from '../db/schema.ts';
import { fold } from './fold.ts';

export type SearchDocument = {
  entityType: string;
  entityId: string;
  title: { kk: string; ru: string; en: string | null };
  aliases?: string[];
  codes?: string[];
  /** Descriptions, outcomes, occupations…: weighted below titles. */
  body?: string[];
  facets?: {
    regionCode?: string | null;
    fieldCode?: string | null;
    nqfLevel?: number | null;
    languages?: string[];
    organizationKind?: string | null;
    organizationId?: string | null;
    status?: string | null;
  };
  isPublic?: boolean;
  isSynthetic?: boolean;
};

/** Folded body texts, by text: outcomes and course names repeat across records (a bulk import folds each once). */
const foldedTexts = new Map<string, string>();

/** fold(parts.join(' ')), part by part (no pattern of fold spans a space), each part folded once per process. */
export function foldedBody(parts: readonly string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    let folded = foldedTexts.get(part);
    if (folded === undefined) {
      folded = fold(part);
      if (foldedTexts.size >= 20_000) foldedTexts.clear();
      foldedTexts.set(part, folded);
    }
    if (folded) out.push(folded);
  }
  return out.join(' ');
}

/** The row of a record's search document; `tsv` is an SQL expression over the folded text. */
export function searchDocumentRow(doc: SearchDocument) {
  // A missing translation is stored empty so readers can fall back and say so.
  const title: LangMap = { kk: doc.title.kk, ru: doc.title.ru, en: doc.title.en ?? '' };
  const codes = doc.codes ?? [];
  const headline = [title.kk, title.ru, title.en, ...(doc.aliases ?? []), ...codes].join(' ');
  // A hyphenated word is found written as one word too (Мұнай-газ → мұнайгаз, нефте-газовое → нефтегазовое).
  const folded = [fold(headline), ...joinedCompounds(headline)].join(' ');
  const nameKeys = [...new Set([title.kk, title.ru, title.en, ...(doc.aliases ?? [])].filter(Boolean).map(fold))];
  const body = foldedBody(doc.body ?? []);
  const f = doc.facets ?? {};
  return {
    entity_type: doc.entityType,
    entity_id: doc.entityId,
    title_kk: title.kk,
    title_ru: title.ru,
    title_en: title.en,
    codes: codes.map((c) => c.toUpperCase()),
    folded,
    name_keys: nameKeys,
    tsv: sql<string>`setweight(to_tsvector('simple', ${folded}), 'A') || setweight(to_tsvector('russian', ${title.ru}), 'B') || setweight(to_tsvector('simple', ${body}), 'C')`,
    tsv_title: sql<string>`setweight(to_tsvector('simple', ${folded}), 'A') || setweight(to_tsvector('russian', ${title.ru}), 'B')`,
    region_code: f.regionCode ?? null,
    field_code: f.fieldCode ?? null,
    nqf_level: f.nqfLevel ?? null,
    languages: f.languages ?? [],
    organization_kind: f.organizationKind ?? null,
    organization_id: f.organizationId ?? null,
    status: f.status ?? null,
    is_public: doc.isPublic ?? true,
    is_synthetic: doc.isSynthetic ?? false,
  };
}

type SearchDocumentRow = ReturnType<typeof searchDocumentRow>;

export async function upsertSearchDocument(db: Db, doc: SearchDocument): Promise<void> {
  const row = searchDocumentRow(doc);
  // A bulk run writes its documents at the end, many to a statement (flushSearchDocuments).
  const bulk = bulkSessionOf(db);
  if (bulk) {
    bulk.rowDocuments.set(`${doc.entityType}|${doc.entityId}`, row);
    return;
  }
  await writeSearchRows(db, [row]);
}

/** Writes the documents a bulk run's kept rows collected: 200 to a statement, the lexicon after them. */
registerBulkFlusher(3, async (db, bulk) => {
  const rows = [...bulk.documents.values()] as SearchDocumentRow[];
  bulk.documents.clear();
  for (let i = 0; i < rows.length; i += 200) await writeSearchRows(db, rows.slice(i, i + 200));
});

async function writeSearchRows(db: Db, rows: SearchDocumentRow[]): Promise<void> {
  const row = rows[0];
  if (!row) return;
  await db
    .insertInto('search_documents')
    .values(rows)
    // Every column but the key takes the new row's value (`satisfies` fails the build when one is left out).
    .onConflict((oc) =>
      oc.columns(['entity_type', 'entity_id']).doUpdateSet(
        (eb) =>
          ({
            title_kk: eb.ref('excluded.title_kk'),
            title_ru: eb.ref('excluded.title_ru'),
            title_en: eb.ref('excluded.title_en'),
            codes: eb.ref('excluded.codes'),
            folded: eb.ref('excluded.folded'),
            name_keys: eb.ref('excluded.name_keys'),
            tsv: eb.ref('excluded.tsv'),
            tsv_title: eb.ref('excluded.tsv_title'),
            region_code: eb.ref('excluded.region_code'),
            field_code: eb.ref('excluded.field_code'),
            nqf_level: eb.ref('excluded.nqf_level'),
            languages: eb.ref('excluded.languages'),
            organization_kind: eb.ref('excluded.organization_kind'),
            organization_id: eb.ref('excluded.organization_id'),
            status: eb.ref('excluded.status'),
            is_public: eb.ref('excluded.is_public'),
            is_synthetic: eb.ref('excluded.is_synthetic'),
            changed_at: sql<Date>`now()`,
          }) satisfies Record<Exclude<keyof typeof row, 'entity_type' | 'entity_id'> | 'changed_at', unknown>,
      ),
    )
    .execute();
  const terms = [...new Set(rows.flatMap((r) => lexiconWords(r.folded)))];
  if (terms.length)
    await db
      .insertInto('search_terms')
      .values(terms.map((term) => ({ term })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** The folded one-word form of each hyphenated word of a text (Мұнай-газ → munaigaz). */
export function joinedCompounds(text: string): string[] {
  const compounds = text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [];
  return [...new Set(compounds.map((c) => fold(c).replaceAll(' ', '')))];
}

/** Refills the lexicon from every search document (bulk loads that bypass upsertSearchDocument). */
export async function rebuildLexicon(db: Db): Promise<void> {
  await sql`
    INSERT INTO search_terms
      SELECT DISTINCT word FROM search_documents, unnest(string_to_array(folded, ' ')) AS word
      WHERE length(word) BETWEEN 4 AND ${LONGEST_TERM} AND word !~ '^[0-9]'
    ON CONFLICT DO NOTHING`.execute(db);
}

/** Words worth correcting a typo towards: four letters or more, not codes. */
/** No word is this long; a longer "word" (a pasted hash, say) would only overflow the term index. */
const LONGEST_TERM = 100;

export function lexiconWords(folded: string): string[] {
  return [...new Set(folded.split(' ').filter((w) => w.length >= 4 && w.length <= LONGEST_TERM && !/^[0-9]/.test(w)))];
}

export async function removeSearchDocument(db: Db, entityType: string, entityId: string): Promise<void> {
  await db.deleteFrom('search_documents').where('entity_type', '=', entityType).where('entity_id', '=', entityId).execute();
}

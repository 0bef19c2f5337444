// SQL of the one-box search, in one statement and one pass over the matches: full text over
// folded (Cyrillic/Latin-neutral) text with prefixes (programme codes are in it too), Russian
// stems, and typo corrections from the trigram-indexed lexicon of names (search_terms), so every
// match condition is a full-text match that the GIN index serves.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export type SearchFilters = {
  kind?: string;
  regionCode?: string;
  fieldCode?: string;
  nqfLevel?: number;
  language?: string;
  organizationKind?: string;
};

export type SearchQuery = { raw: string; words: string[]; codePrefixes: string[] };

/**
 * For each folded query word, the closest lexicon words (typo corrections), best first. A word that
 * some known name word starts with is spelled right: it only gets near-identical forms (another
 * case ending, `similar.known`), since looser ones would just widen the matches (informatika →
 * information); an unknown word gets anything `similar.unknown` or closer (univrsity → universiti).
 */
export async function closeTerms(db: Db, words: string[], similar: { known: number; unknown: number }, perWord: number): Promise<Map<string, string[]>> {
  const candidates = words.filter((w) => w.length >= 4 && !/^[0-9]/.test(w));
  if (!candidates.length) return new Map();
  const rows = await sql<{ word: string; terms: string[] }>`
    SELECT w AS word, ARRAY(
      SELECT term FROM search_terms
      WHERE term % w AND term <> w
        AND similarity(term, w) >= CASE WHEN EXISTS (SELECT 1 FROM search_terms WHERE term LIKE w || '%') THEN ${similar.known}::real ELSE ${similar.unknown}::real END
      ORDER BY similarity(term, w) DESC, term LIMIT ${perWord}
    ) AS terms
    FROM unnest(${candidates}::text[]) AS w`.execute(db);
  return new Map(rows.rows.map((r) => [r.word, r.terms]));
}

/** `word:*` for each word, OR'ed with its corrections; the words AND'ed. Words are [a-z0-9] only. */
export function prefixQuery(words: string[], corrections: Map<string, string[]> = new Map()): string {
  return words.map((w) => [`${w}:*`, ...(corrections.get(w) ?? [])].join(' | ')).map((alternatives) => `(${alternatives})`).join(' & ');
}

export type SearchRow = {
  entity_type: string;
  entity_id: string;
  title_kk: string;
  title_ru: string;
  title_en: string;
  codes: string[];
  region_code: string | null;
  field_code: string | null;
  nqf_level: number | null;
  organization_kind: string | null;
  is_synthetic: boolean;
  score: number;
};

export type FacetRow = { facet: string; value: string; n: number };

function filterConditions(f: SearchFilters): RawBuilder<unknown>[] {
  return [
    sql`d.is_public`,
    f.kind ? sql`d.entity_type = ${f.kind}` : null,
    f.regionCode ? sql`d.region_code = ${f.regionCode}` : null,
    f.fieldCode ? sql`d.field_code = ${f.fieldCode}` : null,
    f.nqfLevel ? sql`d.nqf_level = ${f.nqfLevel}` : null,
    f.language ? sql`${f.language} = ANY(d.languages)` : null,
    f.organizationKind ? sql`d.organization_kind = ${f.organizationKind}` : null,
  ].filter((c) => c !== null);
}

/**
 * Names first: a query that matches some record's names, aliases or codes answers from those;
 * only a query no name matches is looked for in whole documents (outcomes, courses, organization).
 */
export async function searchDocuments(
  db: Db,
  q: SearchQuery & { corrections: Map<string, string[]> },
  f: SearchFilters,
  page: { limit: number; offset: number },
) {
  const byName = await searchIn(db, 'tsv_title', q, f, page);
  if (byName.total > 0 || q.raw.trim() === '') return byName;
  return searchIn(db, 'tsv', q, f, page);
}

async function searchIn(
  db: Db,
  column: 'tsv' | 'tsv_title',
  q: SearchQuery & { corrections: Map<string, string[]> },
  f: SearchFilters,
  page: { limit: number; offset: number },
) {
  const vector = sql.ref(`d.${column}`);
  const everything = q.raw.trim() === '';
  const exact = sql`(to_tsquery('simple', ${prefixQuery(q.words) || 'a & !a'}) || plainto_tsquery('russian', ${q.raw}))`;
  const corrected = [...q.corrections.values()].some((terms) => terms.length > 0);
  const tsquery = corrected ? sql`(to_tsquery('simple', ${prefixQuery(q.words, q.corrections)}) || plainto_tsquery('russian', ${q.raw}))` : exact;
  const folded = q.words.join(' ');
  const codeBonus = q.codePrefixes.length
    ? sql`CASE WHEN EXISTS (SELECT 1 FROM unnest(d.codes) c WHERE ${sql.join(q.codePrefixes.map((p) => sql`c LIKE ${`${p}%`}`), sql` OR `)}) THEN 1 ELSE 0 END`
    : sql`0`;
  const match = everything ? sql`true` : sql`${vector} @@ ${tsquery}`;
  const score = everything
    ? sql`0`
    : // Spelled as asked beats a typo correction; a name that starts with the query beats a mention.
      sql`${corrected ? sql`2 * ts_rank(${vector}, ${exact}, 1) + ts_rank(${vector}, ${tsquery}, 1)` : sql`3 * ts_rank(${vector}, ${exact}, 1)`} + ${codeBonus}
        + CASE WHEN EXISTS (SELECT 1 FROM unnest(d.name_keys) k WHERE k LIKE ${`${folded}%`}) THEN 0.5 ELSE 0 END`;
  const result = await sql<{ total: number; items: SearchRow[] | null; facets: FacetRow[] | null }>`
    WITH matched AS MATERIALIZED (
      SELECT d.entity_type, d.entity_id, d.title_kk, d.title_ru, d.title_en, d.codes, d.region_code, d.field_code,
             d.nqf_level, d.languages, d.organization_kind, d.is_synthetic, (${score})::float8 AS score
      FROM search_documents d
      WHERE ${sql.join(filterConditions(f), sql` AND `)} AND ${match}
    ),
    page AS (
      SELECT * FROM matched ORDER BY score DESC, title_kk, entity_id LIMIT ${page.limit} OFFSET ${page.offset}
    ),
    facets AS (
      SELECT 'kind' AS facet, entity_type AS value, count(*)::int AS n FROM matched GROUP BY entity_type
      UNION ALL SELECT 'region', region_code, count(*)::int FROM matched WHERE region_code IS NOT NULL GROUP BY region_code
      UNION ALL SELECT 'field', field_code, count(*)::int FROM matched WHERE field_code IS NOT NULL GROUP BY field_code
      UNION ALL SELECT 'nqfLevel', nqf_level::text, count(*)::int FROM matched WHERE nqf_level IS NOT NULL GROUP BY nqf_level
      UNION ALL SELECT 'language', lang, count(*)::int FROM matched, unnest(languages) AS lang GROUP BY lang
      UNION ALL SELECT 'organizationKind', organization_kind, count(*)::int FROM matched WHERE organization_kind IS NOT NULL GROUP BY organization_kind
    )
    SELECT (SELECT count(*)::int FROM matched) AS total,
           (SELECT json_agg(page ORDER BY score DESC, title_kk, entity_id) FROM page) AS items,
           (SELECT json_agg(facets) FROM facets) AS facets`.execute(db);
  const row = result.rows[0];
  return { rows: row?.items ?? [], total: row?.total ?? 0, facets: row?.facets ?? [] };
}

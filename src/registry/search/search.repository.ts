// SQL of the one-box search: full text over folded (Cyrillic/Latin-neutral) text, Russian stems,
// programme-code prefixes, and trigram word similarity for typos; facet counts over the matches.
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

function matchedCte(q: SearchQuery, f: SearchFilters): RawBuilder<unknown> {
  const prefixQuery = q.words.map((w) => `${w}:*`).join(' & ');
  const folded = q.words.join(' ');
  const codeMatch = q.codePrefixes.length
    ? sql`EXISTS (SELECT 1 FROM unnest(d.codes) c WHERE ${sql.join(q.codePrefixes.map((p) => sql`c LIKE ${`${p}%`}`), sql` OR `)})`
    : sql`false`;
  const conditions = [
    sql`d.is_public`,
    f.kind ? sql`d.entity_type = ${f.kind}` : null,
    f.regionCode ? sql`d.region_code = ${f.regionCode}` : null,
    f.fieldCode ? sql`d.field_code = ${f.fieldCode}` : null,
    f.nqfLevel ? sql`d.nqf_level = ${f.nqfLevel}` : null,
    f.language ? sql`${f.language} = ANY(d.languages)` : null,
    f.organizationKind ? sql`d.organization_kind = ${f.organizationKind}` : null,
  ].filter((c) => c !== null);
  return sql`
    WITH query AS (
      SELECT to_tsquery('simple', ${prefixQuery || 'a & !a'}) AS simple_q,
             plainto_tsquery('russian', ${q.raw}) AS russian_q,
             ${folded}::text AS folded_q
    ),
    matched AS (
      SELECT d.*,
             ts_rank(d.tsv, query.simple_q || query.russian_q, 1)
               + CASE WHEN EXISTS (SELECT 1 FROM unnest(d.name_keys) k WHERE k LIKE query.folded_q || '%') THEN 0.5 ELSE 0 END
               + CASE WHEN ${codeMatch} THEN 1 ELSE 0 END
               + 0.5 * word_similarity(query.folded_q, d.folded) AS score
      FROM search_documents d, query
      WHERE ${sql.join(conditions, sql` AND `)}
        AND ${q.raw.trim() === '' ? sql`true` : sql`(d.tsv @@ query.simple_q OR d.tsv @@ query.russian_q OR ${codeMatch} OR query.folded_q <% d.folded)`}
    )`;
}

export async function searchDocuments(db: Db, q: SearchQuery, f: SearchFilters, page: { limit: number; offset: number }) {
  const cte = matchedCte(q, f);
  const [rows, total, facets] = await Promise.all([
    sql<SearchRow>`${cte}
      SELECT entity_type, entity_id, title_kk, title_ru, title_en, codes, region_code, field_code, nqf_level,
             organization_kind, is_synthetic, score::float8 AS score
      FROM matched ORDER BY score DESC, title_kk, entity_id LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db),
    sql<{ n: number }>`${cte} SELECT count(*)::int AS n FROM matched`.execute(db),
    sql<FacetRow>`${cte}
      SELECT 'kind' AS facet, entity_type AS value, count(*)::int AS n FROM matched GROUP BY entity_type
      UNION ALL SELECT 'region', region_code, count(*)::int FROM matched WHERE region_code IS NOT NULL GROUP BY region_code
      UNION ALL SELECT 'field', field_code, count(*)::int FROM matched WHERE field_code IS NOT NULL GROUP BY field_code
      UNION ALL SELECT 'nqfLevel', nqf_level::text, count(*)::int FROM matched WHERE nqf_level IS NOT NULL GROUP BY nqf_level
      UNION ALL SELECT 'language', lang, count(*)::int FROM matched, unnest(languages) AS lang GROUP BY lang
      UNION ALL SELECT 'organizationKind', organization_kind, count(*)::int FROM matched WHERE organization_kind IS NOT NULL GROUP BY organization_kind`.execute(db),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0, facets: facets.rows };
}

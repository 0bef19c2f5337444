// SQL of the one-box search, in one statement and one pass over the matches: full text over
// folded (Cyrillic/Latin-neutral) text with prefixes (programme codes are in it too), Russian
// stems, and typo corrections from the trigram-indexed lexicon of names (search_terms), so every
// match condition is a full-text match that the GIN index serves.
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { PlatformTables } from '../../platform/db/schema.ts';
import { accreditedOn } from './accredited-source.ts';

export const SEARCH_SORTS = ['relevance', 'name', 'code', 'changed'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export type SearchFilters = {
  kind?: string;
  regionCode?: string;
  fieldCode?: string;
  nqfLevel?: number;
  language?: string;
  /** an organization type: organizations of that type only */
  organizationKind?: string;
  /** 'accredited' | 'not-accredited' (organizations and programmes, on `day`) */
  accreditation?: string;
  /** accreditation body (organization id) of a decision in force on `day` */
  body?: string;
  /** a programme's lifecycle status (included, update, excluded) */
  lifecycle?: string;
  /** excluded programmes are hidden unless asked for (or filtered by lifecycle=excluded) */
  includeExcluded?: boolean;
};

/** `terms`: the folded parts of each query word (one part, or several for a hyphenated word). */
export type SearchQuery = { raw: string; words: string[]; terms: string[][]; codePrefixes: string[] };

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

/**
 * `word:*` for each word, OR'ed with its corrections; the words AND'ed. A hyphenated word (several
 * parts) matches its parts together or its one-word form: нефте-газовое finds Нефтегазовое.
 * Words are [a-z0-9] only.
 */
export function prefixQuery(terms: (string | string[])[], corrections: Map<string, string[]> = new Map()): string {
  const word = (w: string) => `(${[`${w}:*`, ...(corrections.get(w) ?? [])].join(' | ')})`;
  return terms
    .map((term) => (typeof term === 'string' ? [term] : term))
    .filter((parts) => parts.length > 0)
    .map((parts) => (parts.length === 1 ? word(parts[0] as string) : `((${parts.map(word).join(' & ')}) | ${parts.join('')}:*)`))
    .join(' & ');
}

/** Columns only the index itself reads. */
type IndexOnly = 'folded' | 'name_keys' | 'tsv' | 'tsv_title' | 'languages' | 'organization_id' | 'is_public' | 'title_kk_sort' | 'changed_at';
/** A hit: the indexed document's own columns, and what the search adds about it. */
export type SearchRow = Omit<PlatformTables['search_documents'], IndexOnly> & {
  accredited: boolean;
  eur_ace: boolean;
  org_id: string | null;
  org_name_kk: string | null;
  org_name_ru: string | null;
  org_name_en: string | null;
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
    f.organizationKind ? sql`d.entity_type = 'organization' AND d.organization_kind = ${f.organizationKind}` : null,
    f.accreditation === 'accredited' ? sql`a.accredited` : null,
    f.accreditation === 'not-accredited' ? sql`d.entity_type IN ('organization', 'programme') AND NOT a.accredited` : null,
    f.body ? sql`${f.body}::uuid = ANY(a.bodies)` : null,
    f.lifecycle ? sql`d.entity_type = 'programme' AND d.status = ${f.lifecycle}` : null,
  ].filter((c) => c !== null);
}

/** Excluded programmes stay out of the results unless asked for; their count is still reported. */
const hiddenByDefault = (f: SearchFilters) => (f.includeExcluded || f.lifecycle ? sql`false` : sql`(d.entity_type = 'programme' AND d.status = 'excluded')`);

const ORDER: Record<SearchSort, RawBuilder<unknown>> = {
  relevance: sql`score DESC, excluded, accredited DESC, title_kk_sort, entity_id`,
  name: sql`title_kk_sort, entity_id`,
  code: sql`codes[1] NULLS LAST, title_kk_sort, entity_id`,
  changed: sql`changed_at DESC, title_kk_sort, entity_id`,
};

/**
 * Names first: a query that matches some record's names, aliases or codes answers from those;
 * only a query no name matches is looked for in whole documents (outcomes, courses, organization).
 */
export async function searchDocuments(
  db: Db,
  q: SearchQuery & { corrections: Map<string, string[]> },
  f: SearchFilters & { day: string; sort: SearchSort },
  page: { limit: number; offset: number },
) {
  const byName = await searchIn(db, 'tsv_title', q, f, page);
  if (byName.total > 0 || byName.hiddenExcluded > 0 || q.raw.trim() === '') return byName;
  return searchIn(db, 'tsv', q, f, page);
}

async function searchIn(
  db: Db,
  column: 'tsv' | 'tsv_title',
  q: SearchQuery & { corrections: Map<string, string[]> },
  f: SearchFilters & { day: string; sort: SearchSort },
  page: { limit: number; offset: number },
) {
  const vector = sql.ref(`d.${column}`);
  const everything = q.raw.trim() === '';
  const exact = sql`(to_tsquery('simple', ${prefixQuery(q.terms) || 'a & !a'}) || plainto_tsquery('russian', ${q.raw}))`;
  const corrected = [...q.corrections.values()].some((terms) => terms.length > 0);
  const tsquery = corrected ? sql`(to_tsquery('simple', ${prefixQuery(q.terms, q.corrections)}) || plainto_tsquery('russian', ${q.raw}))` : exact;
  const folded = q.words.join(' ');
  const codeBonus = q.codePrefixes.length
    ? sql`CASE WHEN EXISTS (SELECT 1 FROM unnest(d.codes) c WHERE ${sql.join(
        q.codePrefixes.map((p) => sql`c LIKE ${`${p}%`}`),
        sql` OR `,
      )}) THEN 1 ELSE 0 END`
    : sql`0`;
  const match = everything ? sql`true` : sql`${vector} @@ ${tsquery}`;
  const score = everything
    ? sql`0`
    : // Spelled as asked beats a typo correction; a name, alias or abbreviation that is exactly the
      // query beats one that starts with it, which beats a mention.
      sql`${corrected ? sql`2 * ts_rank(${vector}, ${exact}, 1) + ts_rank(${vector}, ${tsquery}, 1)` : sql`3 * ts_rank(${vector}, ${exact}, 1)`} + ${codeBonus}
        + CASE WHEN ${folded} = ANY(d.name_keys) THEN 2 WHEN EXISTS (SELECT 1 FROM unnest(d.name_keys) k WHERE k LIKE ${`${folded}%`}) THEN 0.5 ELSE 0 END`;
  const spelledAsAsked = everything ? sql`true` : sql`${vector} @@ ${exact}`;
  const result = await sql<{ total: number; exact_total: number; hidden_excluded: number; items: SearchRow[] | null; facets: FacetRow[] | null }>`
    WITH accredited AS MATERIALIZED (${accreditedOn(db, f.day)}),
    found AS MATERIALIZED (
      SELECT d.entity_type, d.entity_id, d.title_kk, d.title_ru, d.title_en, d.codes, d.region_code, d.field_code,
             d.nqf_level, d.languages, d.organization_kind, d.organization_id, d.status, d.is_synthetic, d.title_kk_sort, d.changed_at,
             coalesce(a.accredited, false) AS accredited, coalesce(a.eur_ace, false) AS eur_ace, coalesce(a.bodies, '{}') AS bodies,
             ${hiddenByDefault(f)} AS hidden, (d.entity_type = 'programme' AND d.status = 'excluded') AS excluded, ${spelledAsAsked} AS spelled, (${score})::float8 AS score
      FROM search_documents d
      LEFT JOIN LATERAL (
        SELECT true AS accredited, bool_or(x.eur_ace) AS eur_ace, array_agg(DISTINCT x.body_id) AS bodies
        FROM accredited x WHERE x.entity_type = d.entity_type AND x.entity_id = d.entity_id
      ) a ON true
      WHERE ${sql.join(filterConditions(f), sql` AND `)} AND ${match}
    ),
    matched AS MATERIALIZED (SELECT * FROM found WHERE NOT hidden),
    page AS (
      SELECT m.entity_type, m.entity_id, m.title_kk, m.title_ru, m.title_en, m.codes, m.region_code, m.field_code, m.nqf_level,
             m.organization_kind, m.status, m.is_synthetic, m.accredited, m.eur_ace, m.score, m.title_kk_sort, m.changed_at, m.excluded,
             o.id AS org_id, o.name_kk AS org_name_kk, o.name_ru AS org_name_ru, o.name_en AS org_name_en
      FROM matched m
      LEFT JOIN organizations o ON m.entity_type <> 'organization' AND o.id = m.organization_id
      ORDER BY ${ORDER[f.sort]} LIMIT ${page.limit} OFFSET ${page.offset}
    ),
    facets AS (
      SELECT 'kind' AS facet, entity_type AS value, count(*)::int AS n FROM matched GROUP BY entity_type
      UNION ALL SELECT 'region', region_code, count(*)::int FROM matched WHERE region_code IS NOT NULL GROUP BY region_code
      UNION ALL SELECT 'field', field_code, count(*)::int FROM matched WHERE field_code IS NOT NULL GROUP BY field_code
      UNION ALL SELECT 'nqfLevel', nqf_level::text, count(*)::int FROM matched WHERE nqf_level IS NOT NULL GROUP BY nqf_level
      UNION ALL SELECT 'language', lang, count(*)::int FROM matched, unnest(languages) AS lang GROUP BY lang
      UNION ALL SELECT 'organizationKind', organization_kind, count(*)::int FROM matched
        WHERE entity_type = 'organization' AND organization_kind IS NOT NULL GROUP BY organization_kind
      UNION ALL SELECT 'accreditation', CASE WHEN accredited THEN 'accredited' ELSE 'not-accredited' END, count(*)::int FROM matched
        WHERE entity_type IN ('organization', 'programme') GROUP BY accredited
      UNION ALL SELECT 'body', body::text, count(*)::int FROM matched, unnest(bodies) AS body GROUP BY body
      UNION ALL SELECT 'lifecycle', status, count(*)::int FROM found WHERE entity_type = 'programme' AND status IS NOT NULL GROUP BY status
    )
    SELECT (SELECT count(*)::int FROM matched) AS total,
           (SELECT count(*)::int FROM matched WHERE spelled) AS exact_total,
           (SELECT count(*)::int FROM found WHERE hidden) AS hidden_excluded,
           (SELECT json_agg(page ORDER BY ${ORDER[f.sort]}) FROM page) AS items,
           (SELECT json_agg(facets) FROM facets) AS facets`.execute(db);
  const row = result.rows[0];
  return {
    rows: row?.items ?? [],
    total: row?.total ?? 0,
    exactTotal: row?.exact_total ?? 0,
    hiddenExcluded: row?.hidden_excluded ?? 0,
    facets: row?.facets ?? [],
  };
}

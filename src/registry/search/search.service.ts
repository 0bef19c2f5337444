// One search box across every kind of public record, ranked, with facet counts.
import { type Badge, standingBadges } from '../badges.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { pickLang } from '../../platform/i18n/lang-map.ts';
import { todayInAlmaty } from '../../platform/calendar/calendar.ts';
import { fold } from '../../platform/search/fold.ts';
import { PROGRAMME_CODE } from '../programme-rules.ts';
import { type SearchFilters, type SearchRow, type SearchSort, closeTerms, searchDocuments } from './search.repository.ts';

export { SEARCH_SORTS, type SearchSort } from './search.repository.ts';

/** Longer input is cut, not refused: people paste whole paragraphs. */
export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;
/** pg_trgm similarity a lexicon word needs to count as a correction: of a known word, of an unknown one. */
const CORRECTION_SIMILARITY = { known: 0.7, unknown: 0.45 };
const CORRECTIONS_PER_WORD = 3;

export type SearchInput = SearchFilters & { q: string; lang: Lang; limit: number; offset: number; sort?: SearchSort; asOf?: string };

/**
 * The folded parts of each word of a query, one-letter noise dropped, repeats dropped: one part
 * for a plain word, several for a hyphenated or dotted one (аль-Фараби → al, farabi).
 */
export function queryTerms(raw: string): string[][] {
  const seen = new Set<string>();
  const terms: string[][] = [];
  for (const token of raw.split(/\s+/)) {
    const parts = fold(token)
      .split(' ')
      .filter((w) => w.length > 1 || /\d/.test(w));
    const key = parts.join(' ');
    if (!parts.length || seen.has(key)) continue;
    seen.add(key);
    terms.push(parts);
  }
  return terms;
}

export { BADGES, type Badge } from '../badges.ts';

/** What a hit's badges say: accredited, EUR-ACE®, excluded, under update, demonstration data. */
export function badgesOf(r: Pick<SearchRow, 'entity_type' | 'status' | 'accredited' | 'eur_ace' | 'is_synthetic'>): Badge[] {
  const programmeStatus = r.entity_type === 'programme' ? r.status : null;
  return standingBadges({ accredited: r.accredited, eurAce: r.eur_ace, programmeStatus, synthetic: r.is_synthetic });
}

/** Words that look like the start of a programme code (6B, 6B061, 7M0610…) are matched as prefixes. */
export function codePrefixes(raw: string): string[] {
  return raw
    .toUpperCase()
    .split(/[^0-9A-Z]+/)
    .filter((w) => /^[1-8][A-Z]\d{0,5}$/.test(w) || PROGRAMME_CODE.test(w));
}

export async function search(ctx: Ctx, input: SearchInput, fallback: readonly Lang[]) {
  const raw = input.q.slice(0, MAX_QUERY_LENGTH);
  const terms = queryTerms(raw).slice(0, MAX_WORDS);
  const words = [...new Set(terms.flat())];
  const sort = input.sort ?? 'relevance';
  if (raw.trim() !== '' && words.length === 0) return { items: [], total: 0, facets: {}, hiddenExcluded: 0, didYouMean: null, sort };
  const corrections = await closeTerms(ctx.db, words, CORRECTION_SIMILARITY, CORRECTIONS_PER_WORD);
  const found = await searchDocuments(
    ctx.db,
    { raw, words, terms, codePrefixes: codePrefixes(raw), corrections },
    { ...input, sort, day: input.asOf ?? todayInAlmaty() },
    input,
  );
  const { rows, total, facets } = found;
  const groupedFacets: Record<string, { value: string; count: number }[]> = {};
  for (const f of facets) {
    groupedFacets[f.facet] ??= [];
    groupedFacets[f.facet]?.push({ value: f.value, count: f.n });
  }
  for (const list of Object.values(groupedFacets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const items = rows.map((r) => {
    const title = pickLang({ kk: r.title_kk, ru: r.title_ru, en: r.title_en }, input.lang, fallback);
    return {
      kind: r.entity_type,
      id: r.entity_id,
      title: title.text,
      titleLang: title.lang,
      translationMissing: title.missing,
      titles: { kk: r.title_kk, ru: r.title_ru, en: r.title_en || null },
      codes: r.codes,
      regionCode: r.region_code,
      fieldCode: r.field_code,
      nqfLevel: r.nqf_level,
      organizationKind: r.organization_kind,
      isSynthetic: r.is_synthetic,
      status: r.status,
      badges: badgesOf(r),
      organization: r.org_id ? { id: r.org_id, name: { kk: r.org_name_kk ?? '', ru: r.org_name_ru ?? '', en: r.org_name_en } } : null,
      score: Math.round(r.score * 1000) / 1000,
      href: `/api/${apiCollection(r.entity_type)}/${r.entity_id}`,
    };
  });
  // Nothing matched as spelled, only through typo corrections: the best hit is what was meant.
  const top = items[0];
  const didYouMean = found.exactTotal === 0 && top && sort === 'relevance' && input.offset === 0 ? top.title : null;
  return { items, total, facets: groupedFacets, hiddenExcluded: found.hiddenExcluded, didYouMean, sort };
}

const COLLECTIONS: Record<string, string> = {
  organization: 'organizations',
  programme: 'programmes',
  qualification: 'qualifications',
  sqf: 'sqfs',
  'occupational-standard': 'occupational-standards',
};

export const apiCollection = (entityType: string) => COLLECTIONS[entityType] ?? entityType;

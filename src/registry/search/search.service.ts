// One search box across every kind of public record, ranked, with facet counts.
import type { Ctx } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/i18n.ts';
import { pickLang } from '../../platform/i18n/lang-map.ts';
import { foldedWords } from '../../platform/search/fold.ts';
import { PROGRAMME_CODE } from '../programme-rules.ts';
import { type SearchFilters, closeTerms, searchDocuments } from './search.repository.ts';

/** Longer input is cut, not refused: people paste whole paragraphs. */
export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 12;
/** pg_trgm similarity a lexicon word needs to count as a correction: of a known word, of an unknown one. */
const CORRECTION_SIMILARITY = { known: 0.7, unknown: 0.45 };
const CORRECTIONS_PER_WORD = 3;

export type SearchInput = SearchFilters & { q: string; lang: Lang; limit: number; offset: number };

/** Words that look like the start of a programme code (6B, 6B061, 7M0610…) are matched as prefixes. */
export function codePrefixes(raw: string): string[] {
  return raw
    .toUpperCase()
    .split(/[^0-9A-Z]+/)
    .filter((w) => /^[1-8][A-Z]\d{0,5}$/.test(w) || PROGRAMME_CODE.test(w));
}

export async function search(ctx: Ctx, input: SearchInput, fallback: readonly Lang[]) {
  const raw = input.q.slice(0, MAX_QUERY_LENGTH);
  const words = foldedWords(raw).slice(0, MAX_WORDS);
  if (raw.trim() !== '' && words.length === 0) return { items: [], total: 0, facets: {} };
  const corrections = await closeTerms(ctx.db, words, CORRECTION_SIMILARITY, CORRECTIONS_PER_WORD);
  const { rows, total, facets } = await searchDocuments(ctx.db, { raw, words, codePrefixes: codePrefixes(raw), corrections }, input, input);
  const groupedFacets: Record<string, { value: string; count: number }[]> = {};
  for (const f of facets) {
    groupedFacets[f.facet] ??= [];
    groupedFacets[f.facet]?.push({ value: f.value, count: f.n });
  }
  for (const list of Object.values(groupedFacets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    items: rows.map((r) => {
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
        score: Math.round(r.score * 1000) / 1000,
        href: `/api/${apiCollection(r.entity_type)}/${r.entity_id}`,
      };
    }),
    total,
    facets: groupedFacets,
  };
}

const COLLECTIONS: Record<string, string> = {
  organization: 'organizations',
  programme: 'programmes',
  qualification: 'qualifications',
  sqf: 'sqfs',
  'occupational-standard': 'occupational-standards',
};

export const apiCollection = (entityType: string) => COLLECTIONS[entityType] ?? entityType;

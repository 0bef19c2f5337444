// Picking one language out of a { kk, ru, en } map, with the configured fallback order.
import type { Lang } from './i18n.ts';

export type MaybeLangMap = { kk?: string | null; ru?: string | null; en?: string | null };

/** The text in `lang`, else the first language of `fallback` that has it; says which was used. */
export function pickLang(map: MaybeLangMap, lang: Lang, fallback: readonly Lang[]): { text: string; lang: Lang; missing: boolean } {
  for (const candidate of [lang, ...fallback]) {
    const text = map[candidate];
    if (text) return { text, lang: candidate, missing: candidate !== lang };
  }
  return { text: '', lang, missing: true };
}

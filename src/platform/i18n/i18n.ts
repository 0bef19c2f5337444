// Message catalogs (kk, ru, en) behind i18next; the language comes from the URL or Accept-Language.
import i18next, { type TFunction } from 'i18next';
import { FRAGMENTS, mergeCatalog } from './fragments.ts';
import enBase from './locales/en.json' with { type: 'json' };
import kkBase from './locales/kk.json' with { type: 'json' };
import ruBase from './locales/ru.json' with { type: 'json' };

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'kk';

// Typed as the platform catalogs; module fragments add keys under their own namespaces.
const kk = mergeCatalog(kkBase, FRAGMENTS.kk) as typeof kkBase;
const ru = mergeCatalog(ruBase, FRAGMENTS.ru) as typeof ruBase;
const en = mergeCatalog(enBase, FRAGMENTS.en) as typeof enBase;

export const catalogs = { kk, ru, en } as const;

const instance = i18next.createInstance();
void instance.init({
  resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
  lng: DEFAULT_LANG,
  fallbackLng: ['ru', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function translator(lang: Lang): TFunction {
  return instance.getFixedT(lang);
}

/** Picks the best of kk/ru/en from an Accept-Language header (q-values honoured). */
export function negotiateLang(header: string | undefined | null, fallback: Lang = DEFAULT_LANG): Lang {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.base).find(isLang) ?? fallback;
}

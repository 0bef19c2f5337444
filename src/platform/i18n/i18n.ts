// Message catalogs (kk, ru, en) behind i18next; the language comes from the URL or Accept-Language.
// Platform's catalogs are here; the modules' are handed in by src/locales.ts through registerCatalogs.
import i18next, { type TFunction } from 'i18next';
import { type Catalog, mergeCatalog } from './fragments.ts';
import enBase from './locales/en.json' with { type: 'json' };
import kkBase from './locales/kk.json' with { type: 'json' };
import ruBase from './locales/ru.json' with { type: 'json' };

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'kk';

type Catalogs = { kk: typeof kkBase; ru: typeof ruBase; en: typeof enBase };

// Typed as the platform catalogs; module fragments add keys under their own namespaces.
export let catalogs: Catalogs = { kk: kkBase, ru: ruBase, en: enBase };
let registered = false;

const instance = i18next.createInstance();
void instance.init({
  // Copies: i18next merges later bundles into what it holds, and the imported JSON must stay platform's own.
  resources: { kk: { translation: structuredClone(kkBase) }, ru: { translation: structuredClone(ruBase) }, en: { translation: structuredClone(enBase) } },
  lng: DEFAULT_LANG,
  fallbackLng: ['ru', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Merges the modules' catalog fragments into platform's; a key defined twice throws. */
export function registerCatalogs(fragments: Record<Lang, Catalog[]>): void {
  catalogs = {
    kk: mergeCatalog(kkBase, fragments.kk) as typeof kkBase,
    ru: mergeCatalog(ruBase, fragments.ru) as typeof ruBase,
    en: mergeCatalog(enBase, fragments.en) as typeof enBase,
  };
  for (const lang of LANGUAGES) instance.addResourceBundle(lang, 'translation', catalogs[lang], true, true);
  registered = true;
}

export function translator(lang: Lang): TFunction {
  // Without the modules' catalogs a page would show raw keys: an entry point missed src/wiring.ts.
  if (!registered) throw new Error('i18n: the modules\' catalogs are not registered; import src/wiring.ts at the entry point');
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

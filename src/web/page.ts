// What every page handler needs: language, translator, formatting and the link helpers.
import type { Context } from 'hono';
import type { TFunction } from 'i18next';
import type { Actor } from '../platform/access/roles.ts';
import type { AppEnv } from '../platform/http/env.ts';
import { LANGUAGES, type Lang, translator } from '../platform/i18n/i18n.ts';
import { type MaybeLangMap, pickLang } from '../platform/i18n/lang-map.ts';

export type Page = {
  lang: Lang;
  t: TFunction;
  /** The path without its language prefix, e.g. /search. */
  rest: string;
  search: string;
  actor: Actor;
  fallback: readonly Lang[];
  /** Text of a {kk,ru,en} map in the page language, with the fallback noted. */
  text(map: MaybeLangMap): { text: string; lang: Lang; missing: boolean };
  number(n: number): string;
  date(iso: string): string;
  href(path: string, lang?: Lang): string;
};

const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export const LANG_PREFIX = /^\/(kk|ru|en)(?=\/|$)/;

/**
 * The language segment of every page route: one registration serves /kk, /ru and /en. The group
 * matters: Hono's trie router tests a parameter's pattern against the rest of the path, and an
 * ungrouped kk|ru|en would let /kk/anything match the bare /:lang route.
 */
export const LANG_ROUTE = '/:lang{(?:kk|ru|en)}';

/** The language of the page being served (its path's first segment). */
export const langOf = (c: Context<AppEnv>): Lang => c.get('ctx').lang;

export function pageOf(c: Context<AppEnv>): Page {
  const ctx = c.get('ctx');
  const lang = ctx.lang;
  const url = new URL(c.req.url);
  const rest = url.pathname.replace(LANG_PREFIX, '') || '/';
  const fallback = c.get('deps').config.LANGUAGE_FALLBACK;
  return {
    lang,
    t: translator(lang),
    rest,
    search: url.search,
    actor: ctx.actor,
    fallback,
    text: (map) => pickLang(map, lang, fallback),
    number: (n) => new Intl.NumberFormat(LOCALES[lang]).format(n),
    date: (iso) => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(new Date(iso)),
    href: (path, to = lang) => `/${to}${path === '/' ? '/' : path}`,
  };
}

/** Kazakh (or Russian, English) alphabetical order: Ә after А, Ғ after Г, Қ after К… */
export function collator(lang: Lang): Intl.Collator {
  return new Intl.Collator(LOCALES[lang]);
}

export { LANGUAGES };

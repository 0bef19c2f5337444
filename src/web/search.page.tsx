// The home page and the search results page with facets: the public face of the register.
import { z } from '@hono/zod-openapi';
import { entriesInForce } from '../frameworks/classifier.service.ts';
import type { Ctx } from '../platform/context.ts';
import type { Api } from '../platform/http/env.ts';
import { searchFilters } from '../registry/search/search.routes.ts';
import { DownloadLinks } from './interop/download-links.tsx';
import { search } from '../registry/search/search.service.ts';
import { Layout, SyntheticBadge } from './layout.tsx';
import { LANG_ROUTE, type Page, pageOf } from './page.ts';

const PAGE_SIZE = 20;
const FACETS = ['kind', 'region', 'field', 'nqfLevel', 'language', 'organizationKind'] as const;
type Facet = (typeof FACETS)[number];
const CLASSIFIER_OF: Partial<Record<Facet, string>> = { region: 'region', field: 'field', organizationKind: 'organization-kind', language: 'language' };

export const PAGE_PATHS: Record<string, string> = {
  organization: 'organizations',
  programme: 'programmes',
  qualification: 'qualifications',
  sqf: 'sqfs',
  'occupational-standard': 'occupational-standards',
};

const searchQuery = z.object({
  q: z.string().default(''),
  ...searchFilters,
  page: z.coerce.number().int().min(1).max(500).default(1),
});
type SearchParams = z.infer<typeof searchQuery>;

async function facetLabels(ctx: Ctx, page: Page): Promise<(facet: Facet, value: string) => string> {
  const facetOf = new Map(Object.entries(CLASSIFIER_OF).map(([facet, classifier]) => [classifier, facet]));
  const entries = await entriesInForce(ctx, [...facetOf.keys()]);
  const names = new Map(entries.map((e) => [`${facetOf.get(e.classifier)}:${e.code}`, page.text(e.name).text]));
  return (facet, value) => {
    if (facet === 'kind') return page.t(`ui.kind.${value}`);
    if (facet === 'nqfLevel') return `${page.t('ui.facet.nqfLevel')} ${value}`;
    return names.get(`${facet}:${value}`) ?? value;
  };
}

function searchHref(page: Page, params: SearchParams, change: Partial<Record<keyof SearchParams, string | number | undefined>>): string {
  const merged: Record<string, unknown> = { ...params, page: undefined, ...change };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) qs.set(k, String(v));
  return `${page.href('/search')}?${qs.toString()}`;
}

export function registerSearchPages(app: Api): void {
  app.get(`${LANG_ROUTE}/search`, async (c) => {
    const parsed = searchQuery.safeParse(c.req.query());
    if (!parsed.success) throw parsed.error;
    const params = parsed.data;
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const result = await search(
      ctx,
      { ...params, regionCode: params.region, fieldCode: params.field, lang: page.lang, limit: PAGE_SIZE, offset: (params.page - 1) * PAGE_SIZE },
      page.fallback,
    );
    const label = await facetLabels(ctx, page);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const heading = params.q ? t('ui.results', { total: page.number(result.total), q: params.q }) : t('ui.allResults', { total: page.number(result.total) });
    const active = FACETS.filter((f) => params[f] !== undefined);
    return c.html(
      <Layout page={page} title={heading} apiHref={`/api/search${new URL(c.req.url).search}`}>
        <h1>{heading}</h1>
        <DownloadLinks
          page={page}
          register="search"
          exportPath="/api/search/export"
          query={{ q: params.q, ...Object.fromEntries(FACETS.map((f) => [f, params[f]])) }}
        />
        <div class="layout">
          <aside class="facets" aria-label={t('ui.filters')}>
            {active.length ? (
              <p>
                <a href={searchHref(page, params, Object.fromEntries(FACETS.map((f) => [f, undefined])))}>{t('ui.clearFilters')}</a>
              </p>
            ) : null}
            {FACETS.map((facet) => {
              const values = (result.facets as Record<string, { value: string; count: number }[]>)[facet] ?? [];
              if (!values.length) return null;
              return (
                <section>
                  <h2>{t(`ui.facet.${facet}`)}</h2>
                  <ul>
                    {values.slice(0, 12).map((v) => {
                      const on = String(params[facet]) === v.value;
                      return (
                        <li>
                          <a href={searchHref(page, params, { [facet]: on ? undefined : v.value })} aria-current={on ? 'true' : undefined}>
                            {label(facet, v.value)}
                          </a>{' '}
                          <span class="meta">({page.number(v.count)})</span>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </aside>
          <section>
            {result.items.length === 0 ? <p>{t('ui.noResults')}</p> : null}
            <ol class="results">
              {result.items.map((item) => (
                <li>
                  <a href={page.href(`/${PAGE_PATHS[item.kind] ?? item.kind}/${item.id}`)} lang={item.titleLang}>
                    {item.title}
                  </a>
                  <SyntheticBadge page={page} synthetic={item.isSynthetic} />
                  <div class="meta">
                    {t(`ui.kind.${item.kind}`)}
                    {item.codes.length ? ` · ${item.codes.join(', ')}` : ''}
                    {item.nqfLevel ? ` · ${t('ui.facet.nqfLevel')} ${item.nqfLevel}` : ''}
                    {item.regionCode ? ` · ${label('region', item.regionCode)}` : ''}
                  </div>
                  {item.translationMissing ? (
                    <small class="note">{t('ui.translationMissing', { lang: t(`ui.lang.${page.lang}`), shown: t(`ui.lang.${item.titleLang}`) })}</small>
                  ) : null}
                </li>
              ))}
            </ol>
            {pages > 1 ? (
              <nav class="pager" aria-label={t('ui.page', { page: params.page, pages })}>
                {params.page > 1 ? <a href={searchHref(page, params, { page: params.page - 1 })}>{t('ui.previous')}</a> : null}
                <span>{t('ui.page', { page: params.page, pages })}</span>
                {params.page < pages ? <a href={searchHref(page, params, { page: params.page + 1 })}>{t('ui.next')}</a> : null}
              </nav>
            ) : null}
          </section>
        </div>
      </Layout>,
    );
  });
}

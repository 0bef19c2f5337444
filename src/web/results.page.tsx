// The search results page and the list pages of each kind of record (/programmes, /organizations,
// …): one view, with the query kept, sort, facets (accreditation, body and register status among
// them), removable filter chips, badges and the organization on every hit. Excluded programmes are
// hidden until asked for, one click away.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { entriesInForce } from '../frameworks/classifier.service.ts';
import type { Ctx } from '../platform/context.ts';
import type { Api, AppEnv } from '../platform/http/env.ts';
import { organizationNames } from '../registry/organization.service.ts';
import { searchFilters } from '../registry/search/search.routes.ts';
import { DownloadLinks } from './interop/download-links.tsx';
import { SEARCH_SORTS, type SearchSort, search } from '../registry/search/search.service.ts';
import { ClassifierTree } from './classifier-tree.tsx';
import { Layout } from './layout.tsx';
import { LANG_ROUTE, type Page, pageOf } from './page.ts';
import { Breadcrumbs } from './record-parts.tsx';
import { BadgeList } from './standing-parts.tsx';

const PAGE_SIZE = 20;
const FACETS = ['kind', 'accreditation', 'body', 'lifecycle', 'region', 'field', 'nqfLevel', 'language', 'organizationKind'] as const;
type Facet = (typeof FACETS)[number];
const CLASSIFIER_OF: Partial<Record<Facet, string>> = { region: 'region', field: 'field', organizationKind: 'organization-kind', language: 'language' };

/** The public path of each kind of record; the list page of a kind lives at the same path. */
export const PAGE_PATHS: Record<string, string> = {
  organization: 'organizations',
  programme: 'programmes',
  qualification: 'qualifications',
  sqf: 'sqfs',
  'occupational-standard': 'occupational-standards',
};

const resultsQuery = z.object({
  q: z.string().default(''),
  ...searchFilters,
  includeExcluded: z.enum(['true']).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});
type Params = z.infer<typeof resultsQuery>;
type ParamChange = Partial<Record<keyof Params, string | number | undefined>>;

/** How each facet value reads: kinds and statuses from the catalogs, classifier codes and bodies by name. */
async function facetLabels(ctx: Ctx, page: Page, bodyIds: string[]): Promise<(facet: Facet, value: string) => string> {
  const facetOf = new Map(Object.entries(CLASSIFIER_OF).map(([facet, classifier]) => [classifier, facet]));
  const [entries, bodies] = await Promise.all([entriesInForce(ctx, [...facetOf.keys()]), organizationNames(ctx, bodyIds)]);
  const names = new Map(entries.map((e) => [`${facetOf.get(e.classifier)}:${e.code}`, page.text(e.name).text]));
  return (facet, value) => {
    if (facet === 'kind') return page.t(`ui.kind.${value}`);
    if (facet === 'nqfLevel') return `${page.t('ui.facet.nqfLevel')} ${value}`;
    if (facet === 'accreditation') return page.t(`ui.find.accreditationValue.${value}`);
    if (facet === 'lifecycle') return page.t(`ui.standing.status.${value}`);
    if (facet === 'body') return bodies[value] ? page.text(bodies[value]).text : value;
    return names.get(`${facet}:${value}`) ?? value;
  };
}

const facetTitle = (page: Page, facet: Facet) =>
  facet === 'accreditation' || facet === 'body' || facet === 'lifecycle' ? page.t(`ui.find.facet.${facet}`) : page.t(`ui.facet.${facet}`);


type View = { path: string; kind?: string; title?: string; defaultSort: SearchSort; aside?: Child };

async function renderResults(c: Context<AppEnv>, view: View) {
  const parsed = resultsQuery.safeParse(c.req.query());
  if (!parsed.success) throw parsed.error;
  const params = parsed.data;
  const page = pageOf(c);
  const { t } = page;
  const ctx = c.get('ctx');
  const sort = params.sort ?? (params.q ? 'relevance' : view.defaultSort);
  const result = await search(
    ctx,
    {
      ...params,
      kind: view.kind ?? params.kind,
      sort,
      includeExcluded: params.includeExcluded === 'true',
      regionCode: params.region,
      fieldCode: params.field,
      lang: page.lang,
      limit: PAGE_SIZE,
      offset: (params.page - 1) * PAGE_SIZE,
    },
    page.fallback,
  );
  const facets = result.facets as Record<string, { value: string; count: number }[]>;
  const label = await facetLabels(
    ctx,
    page,
    (facets.body ?? []).map((b) => b.value),
  );
  const href = (change: ParamChange) => {
    const merged: Record<string, unknown> = { ...params, page: undefined, ...change };
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) qs.set(k, String(v));
    const query = qs.toString();
    return `${page.href(view.path)}${query ? `?${query}` : ''}`;
  };
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const heading = view.title
    ? `${view.title} (${page.number(result.total)})`
    : params.q
      ? t('ui.results', { count: result.total, formatted: page.number(result.total), q: params.q })
      : t('ui.allResults', { count: result.total, formatted: page.number(result.total) });
  const shownFacets = FACETS.filter((f) => !(view.kind && f === 'kind'));
  const active = shownFacets.filter((f) => params[f] !== undefined);
  return c.html(
    <Layout page={page} title={heading} query={params.q} apiHref={`/api/search${view.kind ? `?kind=${view.kind}` : new URL(c.req.url).search}`}>
      <Breadcrumbs page={page} trail={view.title ? [[view.title, null]] : [[t('ui.searchButton'), null]]} />
      <h1>{heading}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many screen readers in use */}
      <form class="find" role="search" method="get" action={page.href(view.path)}>
        <label for="find-q">{t('ui.searchLabel')}</label>
        <input id="find-q" name="q" type="search" value={params.q} />
        <label for="find-sort">{t('ui.find.sort')}</label>
        <select id="find-sort" name="sort">
          {SEARCH_SORTS.map((s) => (
            <option value={s} selected={s === sort}>
              {t(`ui.find.sortValue.${s}`)}
            </option>
          ))}
        </select>
        {active.map((f) => (
          <input type="hidden" name={f} value={String(params[f])} />
        ))}
        {params.includeExcluded ? <input type="hidden" name="includeExcluded" value="true" /> : null}
        <button type="submit">{t('ui.find.apply')}</button>
      </form>
      {active.length ? (
        <ul class="chips" aria-label={t('ui.find.activeFilters')}>
          {active.map((f) => {
            const text = `${facetTitle(page, f)}: ${label(f, String(params[f]))}`;
            return (
              <li>
                <a class="chip" href={href({ [f]: undefined })} aria-label={t('ui.find.removeFilter', { label: text })}>
                  {text} <span aria-hidden="true">×</span>
                </a>
              </li>
            );
          })}
          <li>
            <a href={href(Object.fromEntries(shownFacets.map((f) => [f, undefined])))}>{t('ui.clearFilters')}</a>
          </li>
        </ul>
      ) : null}
      {result.didYouMean ? (
        <p>
          {t('ui.find.didYouMean')}: <a href={href({ q: result.didYouMean })}>{result.didYouMean}</a>?
        </p>
      ) : null}
      {result.hiddenExcluded > 0 ? (
        <p>
          <a href={href({ includeExcluded: 'true' })}>{t('ui.find.showExcluded', { count: result.hiddenExcluded })}</a>
        </p>
      ) : params.includeExcluded ? (
        <p>
          <a href={href({ includeExcluded: undefined })}>{t('ui.find.hideExcluded')}</a>
        </p>
      ) : null}
      <div class="list-actions">
        <DownloadLinks
          page={page}
          register={view.kind ?? 'search'}
          exportPath="/api/search/export"
          query={{ q: params.q, ...Object.fromEntries(FACETS.map((f) => [f, f === 'kind' ? (view.kind ?? params.kind) : params[f]])) }}
        />
      </div>
      <div class="layout">
        <aside class="facets" aria-label={t('ui.filters')}>
          {shownFacets.map((facet) => {
            const values = facets[facet] ?? [];
            if (!values.length) return null;
            return (
              <section>
                <h2>{facetTitle(page, facet)}</h2>
                <ul>
                  {values.slice(0, 12).map((v) => {
                    const on = String(params[facet]) === v.value;
                    const change: ParamChange = { [facet]: on ? undefined : v.value };
                    // Choosing excluded programmes shows them.
                    if (facet === 'lifecycle' && v.value === 'excluded' && !on) change.includeExcluded = 'true';
                    return (
                      <li>
                        <a href={href(change)} aria-current={on ? 'true' : undefined}>
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
          {view.aside}
        </aside>
        <section aria-label={heading}>
          {result.items.length === 0 ? <p>{t('ui.noResults')}</p> : null}
          <ol class="results">
            {result.items.map((item) => (
              <li>
                <a href={page.href(`/${PAGE_PATHS[item.kind] ?? item.kind}/${item.id}`)} lang={item.titleLang}>
                  {item.title}
                </a>
                <BadgeList page={page} badges={item.badges} />
                <div class="meta">
                  {t(`ui.kind.${item.kind}`)}
                  {item.codes.length ? ` · ${item.codes.join(', ')}` : ''}
                  {item.organization ? ` · ${t(item.kind === 'qualification' ? 'ui.find.awardedBy' : 'ui.find.runBy', { organization: page.text(item.organization.name).text })}` : ''}
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
              {params.page > 1 ? <a href={href({ page: params.page - 1 })}>{t('ui.previous')}</a> : null}
              <span>{t('ui.page', { page: params.page, pages })}</span>
              {params.page < pages ? <a href={href({ page: params.page + 1 })}>{t('ui.next')}</a> : null}
            </nav>
          ) : null}
        </section>
      </div>
    </Layout>,
  );
}

export function registerResultPages(app: Api): void {
  app.get(`${LANG_ROUTE}/search`, (c) => renderResults(c, { path: '/search', defaultSort: 'name' }));
  for (const [kind, path] of Object.entries(PAGE_PATHS)) {
    app.get(`${LANG_ROUTE}/${path}`, async (c) => {
      const page = pageOf(c);
      const aside = kind === 'programme' ? await ClassifierTree({ ctx: c.get('ctx'), page }) : undefined;
      return renderResults(c, { path: `/${path}`, kind, title: page.t(`ui.find.list.${path}`), defaultSort: kind === 'programme' ? 'code' : 'name', aside });
    });
  }
}

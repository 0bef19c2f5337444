// The home page: one search box, headline figures from live data, and an entry point for each kind
// of visitor (the public checking a programme or a certificate, universities, agencies).
import type { Api } from '../platform/http/env.ts';
import { accreditedProgrammesToday } from '../accreditation/figures.service.ts';
import { credentialsIssued } from '../credentials/figures.service.ts';
import { registryFigures } from '../registry/figures.service.ts';
import { Layout } from './layout.tsx';
import { LANG_ROUTE, langOf, type Page, pageOf } from './page.ts';



function share(page: Page, part: number, whole: number): string {
  return new Intl.NumberFormat(page.lang === 'en' ? 'en-GB' : page.lang === 'ru' ? 'ru-RU' : 'kk-KZ', { style: 'percent', maximumFractionDigits: 0 }).format(whole ? part / whole : 0);
}

export function registerHomePage(app: Api): void {
  app.get(`${LANG_ROUTE}`, (c) => c.redirect(`/${langOf(c)}/`, 301));
  app.get('/', (c) => c.redirect('/kk/', 302));
  app.get(`${LANG_ROUTE}/`, async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const [registry, accredited, credentials] = await Promise.all([registryFigures(ctx), accreditedProgrammesToday(ctx), credentialsIssued(ctx)]);
    const count = (key: string, n: number) => t(`ui.portal.home.${key}`, { count: n, formatted: page.number(n) });
    const entries: [string, string, string][] = [
      ['/search?kind=programme', 'checkProgramme', 'checkProgrammeText'],
      ['/verify', 'verifyCertificate', 'verifyCertificateText'],
      ['/accreditation', 'registers', 'registersText'],
      ['/workspace', 'forUniversities', 'forUniversitiesText'],
      ['/workspace', 'forAgencies', 'forAgenciesText'],
    ];
    const browse: [string, string][] = [
      ['/nqf', t('ui.home.nqf')],
      ['/indicators', t('ui.indicators.title')],
      ['/search?kind=programme', t('ui.home.programmes')],
      ['/search?kind=organization', t('ui.home.organizations')],
      ['/search?kind=occupational-standard', t('ui.home.standards')],
      ['/search?kind=sqf', t('ui.home.sqfs')],
    ];
    return c.html(
      <Layout
        page={page}
        title={t('ui.portal.home.title')}
        jsonLd={{ '@context': 'https://schema.org', '@type': 'WebSite', name: 'Sapa', inLanguage: page.lang, potentialAction: { '@type': 'SearchAction', target: `/${page.lang}/search?q={q}`, 'query-input': 'required name=q' } }}
      >
        <h1>{t('ui.portal.home.title')}</h1>
        <p>{t('ui.home.intro')}</p>
        {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many screen readers in use */}
        <form class="home-search" role="search" action={page.href('/search')} method="get">
          <label for="home-q">{t('ui.portal.home.searchLabel')}</label>
          <input id="home-q" name="q" type="search" placeholder={t('ui.searchPlaceholder')} />
          <button type="submit">{t('ui.searchButton')}</button>
        </form>
        <section aria-labelledby="figures">
          <h2 id="figures">{t('ui.portal.home.figuresTitle')}</h2>
          <ul class="figures">
            <li data-figure="organizations">{count('organizations', registry.organizations)}</li>
            <li data-figure="programmes">
              {count('programmes', registry.programmes)}
              <br />
              <span class="meta">{t('ui.portal.home.accreditedShare', { share: share(page, accredited, registry.programmes) })}</span>
            </li>
            <li data-figure="credentials">{count('credentials', credentials)}</li>
          </ul>
        </section>
        <section aria-labelledby="entries">
          <h2 id="entries">{t('ui.portal.home.entryTitle')}</h2>
          <ul class="entries">
            {entries.map(([href, label, text]) => (
              <li>
                <a href={page.href(href)}>{t(`ui.portal.home.${label}`)}</a>
                <p>{t(`ui.portal.home.${text}`)}</p>
              </li>
            ))}
          </ul>
        </section>
        <h2>{t('ui.home.browse')}</h2>
        <ul>
          {browse.map(([href, label]) => (
            <li>
              <a href={page.href(href)}>{label}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });
}

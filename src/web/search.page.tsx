// The home page: the public face of the register (search results and list pages: results.page.tsx).
import type { Api } from '../platform/http/env.ts';
import { Layout } from './layout.tsx';
import { LANG_ROUTE, langOf, pageOf } from './page.ts';

export function registerSearchPages(app: Api): void {
  app.get(`${LANG_ROUTE}`, (c) => c.redirect(`/${langOf(c)}/`, 301));
  app.get(`${LANG_ROUTE}/`, async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const links: [string, string][] = [
      ['/nqf', t('ui.home.nqf')],
      ['/search?kind=programme', t('ui.home.programmes')],
      ['/search?kind=organization', t('ui.home.organizations')],
      ['/search?kind=occupational-standard', t('ui.home.standards')],
      ['/search?kind=sqf', t('ui.home.sqfs')],
      ['/accreditation', t('ui.accreditationPublic.title')],
    ];
    return c.html(
      <Layout
        page={page}
        title={t('ui.home.nqf')}
        jsonLd={{ '@context': 'https://schema.org', '@type': 'WebSite', name: 'Sapa', inLanguage: page.lang, potentialAction: { '@type': 'SearchAction', target: `/${langOf(c)}/search?q={q}`, 'query-input': 'required name=q' } }}
      >
        <h1>{t('ui.tagline')}</h1>
        <p>{t('ui.home.intro')}</p>
        <h2>{t('ui.home.browse')}</h2>
        <ul>
          {links.map(([href, label]) => (
            <li>
              <a href={page.href(href)}>{label}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.get('/', (c) => c.redirect('/kk/', 302));
}

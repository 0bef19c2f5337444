// The page frame: header with search and language switch, main landmark, footer. No script needed.
import type { Child } from 'hono/jsx';
import { HeaderChecks } from './header-checks.tsx';
import { LANGUAGES, type Page } from './page.ts';
import { signInHref } from './return-path.ts';
import { STYLESHEET_HREF } from './stylesheet.ts';

/** Names of the signed-in user's organizations (id → name in the page language), for the header. */
export type Account = { organizations: Record<string, string>; unread?: number };


/** The signed-in user's name, roles and organizations with a sign-out button; anonymous: a sign-in link. */
function AccountArea(props: { page: Page; account?: Account }) {
  const { page } = props;
  const { t, actor } = page;
  if (actor.kind !== 'user') {
    return (
      <nav class="account" aria-label={t('ui.workspace.accountNav')}>
        <a href={signInHref(page.lang, page.rest, page.search)}>{t('ui.signIn')}</a>
      </nav>
    );
  }
  const roles = actor.roles.map((r) => {
    const org = r.organizationId ? (props.account?.organizations[r.organizationId] ?? null) : null;
    return org ? t('ui.workspace.roleAt', { role: t(`ui.workspace.role.${r.role}`), organization: org }) : t(`ui.workspace.role.${r.role}`);
  });
  return (
    <nav class="account" aria-label={t('ui.workspace.accountNav')}>
      <p>
        <a href={page.href('/workspace')}>{actor.label}</a> <span>({roles.join('; ')})</span>
      </p>
      {props.account ? (
        <p>
          <a href={page.href('/workspace/notifications')}>
            {props.account.unread ? t('ui.notifications.headerLinkUnread', { count: props.account.unread }) : t('ui.notifications.headerLink')}
          </a>
        </p>
      ) : null}
      <form method="post" action={page.href('/sign-out')}>
        <button type="submit">{t('ui.signOut')}</button>
      </form>
    </nav>
  );
}

/** `query`: the search the page answers, kept in the header's box. */
export function Layout(props: { page: Page; title: string; children: Child; jsonLd?: object; apiHref?: string; account?: Account; query?: string }) {
  const { page } = props;
  const { t } = page;
  return (
    <html lang={page.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${t('ui.siteName')}`}</title>
        {LANGUAGES.map((l) => (
          <link rel="alternate" hreflang={l} href={page.href(page.rest, l) + page.search} />
        ))}
        {props.apiHref ? <link rel="alternate" type="application/json" href={props.apiHref} /> : null}
        <link rel="stylesheet" href={STYLESHEET_HREF} />
        {/* Raw text: entities are not decoded inside script elements. A data block runs nothing, so the CSP allows it. */}
        {props.jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(props.jsonLd).replace(/</g, '\\u003c') }} /> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('ui.skipToContent')}
        </a>
        <header class="site">
          <a class="brand" href={page.href('/')}>
            {t('ui.siteName')}
          </a>
          <nav aria-label={t('ui.language')} class="langs">
            <ul>
              {LANGUAGES.map((l) => (
                <li>
                  <a href={page.href(page.rest, l) + page.search} hreflang={l} lang={l} aria-current={l === page.lang ? 'true' : undefined}>
                    {t(`ui.lang.${l}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <HeaderChecks page={page} />
          {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for many screen readers in use */}
          <form class="search" role="search" action={page.href('/search')} method="get">
            <label for="q">{t('ui.searchLabel')}</label>
            <input id="q" name="q" type="search" placeholder={t('ui.searchPlaceholder')} value={props.query || undefined} />
            <button type="submit">{t('ui.searchButton')}</button>
          </form>
          <AccountArea page={page} account={props.account} />
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          <p>{t('ui.tagline')}</p>
          <p>
            <a href="/api/docs">{t('ui.apiDocs')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/** A visible note when a field is shown in another language than the page's. */
export function Translated(props: { page: Page; value: { text: string; lang: string; missing: boolean } }) {
  const { page, value } = props;
  if (!value.missing) return <>{value.text}</>;
  return (
    <>
      <span lang={value.lang}>{value.text}</span>{' '}
      <small class="note">({page.t('ui.translationMissing', { lang: page.t(`ui.lang.${page.lang}`), shown: page.t(`ui.lang.${value.lang}`) })})</small>
    </>
  );
}

export function SyntheticBadge(props: { page: Page; synthetic: boolean }) {
  return props.synthetic ? <span class="badge">{props.page.t('ui.synthetic')}</span> : null;
}

// The two checks a visitor comes for most, linked from the header of every page: verify a digital
// credential, look up a paper certificate by its number.
import type { Page } from './page.ts';

export function HeaderChecks(props: { page: Page }) {
  const { page } = props;
  const { t } = page;
  const current = (path: string) => (page.rest === path ? 'page' : undefined);
  return (
    <nav class="checks-nav" aria-label={t('ui.portal.quickNav')}>
      <ul>
        <li>
          <a href={page.href('/verify')} aria-current={current('/verify')}>
            {t('ui.portal.verifyLink')}
          </a>
        </li>
        <li>
          <a href={page.href('/certificates')} aria-current={current('/certificates')}>
            {t('ui.portal.certificates')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

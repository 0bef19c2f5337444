// The workspace home's links to the forms a person's roles keep: the sector council's standards and
// frameworks, the agency's experts, everyone's applications for recognition and API tokens.
import { can, canEverywhere, organizationsOf } from '../../platform/access/roles.ts';
import type { Page } from '../page.ts';

export function FormLinks(props: { page: Page }) {
  const { page } = props;
  const { t, actor } = page;
  if (actor.kind !== 'user') return null;
  const agencies = organizationsOf(actor, ['agency-staff', 'agency-head']).filter((b) => can(actor, 'expert.manage', { organizationIds: [b] }));
  const links: [string, string][] = [
    ...(canEverywhere(actor, 'occupational-standard.manage') ? [['/workspace/occupational-standards', t('ui.forms.links.occupational')] as [string, string]] : []),
    ...(canEverywhere(actor, 'sqf.manage') ? [['/workspace/sector-frameworks', t('ui.forms.links.sqf')] as [string, string]] : []),
    ...(agencies.length ? [['/workspace/experts', t('ui.forms.links.experts')] as [string, string]] : []),
    // Anyone may apply for recognition of a foreign qualification; the ministry decides there too.
    ['/workspace/recognition/foreign', t('ui.forms.links.foreignRecognition')],
    // Anyone may ask an organization to recognise prior learning; its staff assess there too.
    ['/workspace/recognition/prior-learning', t('ui.forms.links.priorLearning')],
    ['/workspace/tokens', t('ui.forms.links.tokens')],
  ];
  return (
    <nav aria-labelledby="form-links">
      <h2 id="form-links">{t('ui.forms.links.title')}</h2>
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={page.href(href)}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// Public accreditation pages: an index, Register 1 (recognized bodies) and the yearly statistics.
// Registers 2–3 and the decision page live in their own files.
import { listRegisterOne } from '../../accreditation/recognition.service.ts';
import { statistics } from '../../accreditation/statistics.service.ts';
import type { Api } from '../../platform/http/env.ts';
import { DownloadLinks } from '../interop/download-links.tsx';
import { Layout } from '../layout.tsx';
import { pageOf } from '../page.ts';
import { classifierNames, Name, onEveryLanguage } from '../record-parts.tsx';
import { registerDecisionPage } from './public-decision.page.tsx';
import { registerRegisterPages } from './public-registers.page.tsx';
import { ValidRange } from './public-parts.tsx';

export function registerPublicAccreditationPages(app: Api): void {
  onEveryLanguage(app, '/accreditation', (c) => {
    const page = pageOf(c);
    const { t } = page;
    const links: [string, string][] = [
      ['/registers/1', t('ui.accreditationPublic.register1')],
      ['/registers/2', t('ui.accreditationPublic.register2')],
      ['/registers/3', t('ui.accreditationPublic.register3')],
      ['/accreditation/statistics', t('ui.accreditationPublic.statistics')],
    ];
    return c.html(
      <Layout page={page} title={t('ui.accreditationPublic.title')}>
        <h1>{t('ui.accreditationPublic.title')}</h1>
        <p>{t('ui.accreditationPublic.intro')}</p>
        <ul>
          {links.map(([path, label]) => (
            <li>
              <a href={page.href(path)}>{label}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  onEveryLanguage(app, '/registers/1', async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const { items } = await listRegisterOne(c.get('ctx'), { limit: 500, offset: 0 });
    const title = t('ui.accreditationPublic.register1');
    // Fields are shown by name with the code beside it: 2 digits a field of education, 3 a direction.
    const [fieldName, directionName] = await Promise.all([classifierNames(c.get('ctx'), page, 'field'), classifierNames(c.get('ctx'), page, 'direction')]);
    const named = (code: string) => `${(code.length === 3 ? directionName(code) : fieldName(code)) ?? code} (${code})`;
    return c.html(
      <Layout page={page} title={title} apiHref="/api/registers/1">
        <h1>{title}</h1>
        <div class="list-actions">
          <DownloadLinks page={page} register="register-1" exportPath="/api/registers/1/export" />
        </div>
                  <table tabindex={0}>
            <caption>{t('ui.accreditationPublic.found', { count: items.length, formatted: page.number(items.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui.accreditationPublic.body')}</th>
                <th scope="col">{t('ui.accreditationPublic.order')}</th>
                <th scope="col">{t('ui.accreditationPublic.validity')}</th>
                <th scope="col">{t('ui.accreditationPublic.status')}</th>
                <th scope="col">{t('ui.accreditationPublic.scope')}</th>
                <th scope="col">{t('ui.accreditationPublic.networks')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={page.href(`/organizations/${r.body.id}`)}>
                      <Name page={page} map={r.body.name} />
                    </a>{' '}
                    <span class="meta">({r.national ? t('ui.accreditationPublic.national') : t('ui.accreditationPublic.foreign')})</span>
                  </th>
                  <td>{t('ui.accreditationPublic.orderValue', { number: r.orderNumber, date: page.date(r.orderDate) })}</td>
                  <td>
                    <ValidRange page={page} from={r.validFrom} to={r.validTo} />
                  </td>
                  <td>{t(`ui.accreditationPublic.recognitionStatus.${r.status}`, { defaultValue: r.status })}</td>
                  <td>
                    {r.scopeTypes.map((s) => t(`ui.accreditationPublic.kind.${s}`, { defaultValue: s })).join(', ')}
                    {'; '}
                    {r.scopeLevels.length ? t('ui.accreditationPublic.scopeLevels', { levels: r.scopeLevels.join(', ') }) : t('ui.accreditationPublic.allLevels')}
                    {'; '}
                    {r.scopeFields.length ? t('ui.accreditationPublic.scopeFields', { fields: r.scopeFields.map(named).join(', ') }) : t('ui.accreditationPublic.allFields')}
                  </td>
                  <td>{r.networks.length ? r.networks.join(', ') : t('ui.accreditationPublic.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
      </Layout>,
    );
  });

  onEveryLanguage(app, '/accreditation/statistics', async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const result = await statistics(c.get('ctx'), {});
    const bodies = [...new Map(result.items.map((i) => [i.body.id, i.body])).values()];
    const title = t('ui.accreditationPublic.statistics');
    const columns = ['institutional', 'programmeCount', 'crossBorder', 'eurAce', 'refused', 'total'] as const;
    const cells = (r: { institutional: number; programme: number; crossBorder: number; eurAce: number; refused: number; total: number }) =>
      [r.institutional, r.programme, r.crossBorder, r.eurAce, r.refused, r.total].map((n) => <td>{page.number(n)}</td>);
    return c.html(
      <Layout page={page} title={title} apiHref="/api/accreditation/statistics">
        <h1>{title}</h1>
        <p>{t('ui.accreditationPublic.statisticsIntro')}</p>
        {bodies.length === 0 ? <p>{t('ui.accreditationPublic.empty')}</p> : null}
        {bodies.map((body) => {
          const rows = result.items.filter((i) => i.body.id === body.id);
          const totals = result.totals.find((x) => x.bodyId === body.id);
          const captionId = `stats-${body.id}`;
          return (
            <section aria-labelledby={captionId}>
              <h2 id={captionId}>
                <Name page={page} map={body.name} />
              </h2>
                              <table tabindex={0}>
                  <thead>
                    <tr>
                      <th scope="col">{t('ui.accreditationPublic.year')}</th>
                      {columns.map((col) => (
                        <th scope="col">{t(`ui.accreditationPublic.${col}`)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr>
                        <th scope="row">{r.year}</th>
                        {cells(r)}
                      </tr>
                    ))}
                  </tbody>
                  {totals ? (
                    <tfoot>
                      <tr>
                        <th scope="row">{t('ui.accreditationPublic.totals')}</th>
                        {cells({ ...totals, programme: totals.programme })}
                      </tr>
                    </tfoot>
                  ) : null}
                </table>
            </section>
          );
        })}
      </Layout>,
    );
  });

  registerRegisterPages(app);
  registerDecisionPage(app);
}

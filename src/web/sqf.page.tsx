// The public page of a sectoral qualification framework: passport, level descriptors and the map of
// professional qualifications with their ISCO-08, NKZ and OKED codes.
import { listOccupationalStandards } from '../frameworks/occupational-standard.service.ts';
import { getSqf, sqfHistory } from '../frameworks/sqf.service.ts';
import type { Api } from '../platform/http/env.ts';
import { Layout, SyntheticBadge, Translated } from './layout.tsx';
import { pageOf } from './page.ts';
import { Breadcrumbs, DataTable, Fields, HistorySection, idOf, LinkedRecords, Name, NoneOr, onEveryLanguage, Section, sortByName } from './record-parts.tsx';

export function registerSqfPage(app: Api): void {
  onEveryLanguage(app, '/sqfs/:id', async (c) => {
    const id = idOf(c);
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const sqf = await getSqf(ctx, id);
    const [history, standards] = await Promise.all([sqfHistory(ctx, id).catch(() => []), listOccupationalStandards(ctx, { sqfId: id, limit: 200, offset: 0 })]);
    const title = page.text(sqf.name).text;
    const levels = [...sqf.levels].sort((a, b) => a.level - b.level || (a.sublevel ?? '').localeCompare(b.sublevel ?? ''));
    const qualifications = [...sqf.qualifications].sort((a, b) => a.nqfLevel - b.nqfLevel || a.code.localeCompare(b.code));
    return c.html(
      <Layout
        page={page}
        title={title}
        apiHref={`/api/sqfs/${id}`}
        jsonLd={{
          '@context': 'https://schema.org',
          '@type': 'DefinedTermSet',
          '@id': page.href(`/sqfs/${id}`),
          name: title,
          identifier: sqf.code,
          about: page.text(sqf.sector).text,
          publisher: { '@type': 'Organization', name: sqf.developer },
          dateCreated: sqf.approvedOn ?? undefined,
          hasDefinedTerm: sqf.qualifications.map((q) => ({ '@type': 'DefinedTerm', termCode: q.code, name: page.text(q.name).text })),
        }}
      >
        <Breadcrumbs
          page={page}
          trail={[
            [t('ui.find.list.sqfs'), '/sqfs'],
            [title, null],
          ]}
        />
        <h1>
          <Name page={page} map={sqf.name} />
          <SyntheticBadge page={page} synthetic={sqf.isSynthetic} />
        </h1>
        <Section id="passport" title={t('ui.record.passport')}>
          <Fields
            rows={[
              [t('ui.record.code'), sqf.code],
              [t('ui.record.sector'), <Translated page={page} value={page.text(sqf.sector)} />],
              [t('ui.record.oked'), sqf.okedCodes.join(', ')],
              [t('ui.record.developer'), sqf.developer],
              [t('ui.record.approvedOn'), sqf.approvedOn ? <time datetime={sqf.approvedOn}>{page.date(sqf.approvedOn)}</time> : null],
              [t('ui.record.edition'), sqf.edition],
              [t('ui.record.status'), t(`ui.frameworkStatus.${sqf.status}`, { defaultValue: sqf.status })],
              [t('ui.record.updated'), <time datetime={sqf.updatedAt}>{page.date(sqf.updatedAt)}</time>],
            ]}
          />
        </Section>

        <Section id="levels" title={t('ui.sqf.levels')}>
          <NoneOr page={page} some={levels.length > 0}>
            <DataTable
              caption={t('ui.sqf.levelsCaption')}
              columns={[t('ui.facet.nqfLevel'), t('ui.sqf.sublevel'), t('ui.sqf.descriptor')]}
              items={levels}
              row={(l) => (
                <tr>
                  <th scope="row">
                    <a href={page.href(`/nqf/${l.level}`)}>{page.number(l.level)}</a>
                  </th>
                  <td>{l.sublevel ?? '—'}</td>
                  <td>
                    <Translated page={page} value={page.text(l.descriptor)} />
                  </td>
                </tr>
              )}
            />
          </NoneOr>
        </Section>

        <Section id="map" title={t('ui.sqf.map')}>
          <NoneOr page={page} some={qualifications.length > 0}>
            <table>
              <caption>{t('ui.sqf.mapCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ui.record.code')}</th>
                  <th scope="col">{t('ui.sqf.qualification')}</th>
                  <th scope="col">{t('ui.facet.nqfLevel')}</th>
                  <th scope="col">{t('ui.sqf.sublevel')}</th>
                  <th scope="col">ISCO-08</th>
                  <th scope="col">{t('ui.sqf.nkz')}</th>
                  <th scope="col">{t('ui.record.oked')}</th>
                </tr>
              </thead>
              <tbody>
                {qualifications.map((q) => (
                  <tr>
                    <td>{q.code}</td>
                    <th scope="row">
                      <Name page={page} map={q.name} />
                    </th>
                    <td>{page.number(q.nqfLevel)}</td>
                    <td>{q.sublevel ?? '—'}</td>
                    <td>{q.iscoCodes.join(', ')}</td>
                    <td>{q.nkzCodes.join(', ')}</td>
                    <td>{q.okedCodes.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </NoneOr>
        </Section>

        <Section id="standards" title={t('ui.record.occupationalStandards')}>
          <LinkedRecords page={page} path="/occupational-standards" items={sortByName(page, standards.items, (s) => s.name)} />
        </Section>

        <HistorySection page={page} items={history} />
      </Layout>,
    );
  });
}

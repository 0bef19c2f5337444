// The public page of an organization: profile, licences, relationships, programmes (charted by field),
// a body's decisions per year, and history.
import { accreditationStanding } from '../accreditation/standing.service.ts';
import { publicQaFailure } from '../oversight/oversight.api.ts';
import type { Api } from '../platform/http/env.ts';
import { organizationHistory } from '../registry/organization.service.ts';
import { organizationDetail } from '../registry/record-standing.service.ts';
import { listProgrammes } from '../registry/programme.service.ts';
import { Layout, SyntheticBadge } from './layout.tsx';
import { pageOf } from './page.ts';
import { asOfOf, Breadcrumbs, classifierLink, classifierNames, Fields, HistorySection, idOf, joined, Name, NoneOr, onEveryLanguage, Section, sortByName } from './record-parts.tsx';
import { ProvenanceNote } from './provenance.tsx';
import { AccreditationSection } from './standing-parts.tsx';
import { RecordDownloads } from './interop/record-downloads.tsx';
import { QaFailureNotice } from './oversight/qa-failure-public.tsx';
import { RecordChart } from './indicators/record-chart.tsx';
import { decisionsPerYearChart, programmesByFieldChart } from './organization-charts.tsx';

/** More than any organization has; the total is shown when it is not. */
const PROGRAMME_LIMIT = 500;

export function registerOrganizationPage(app: Api): void {
  onEveryLanguage(app, '/organizations/:id', async (c) => {
    const id = idOf(c);
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const asOf = asOfOf(c);
    const org = await organizationDetail(ctx, id, asOf);
    const { issued } = org;
    const [history, standing, programmes, kindName, legalFormName, regionName, groupName, qaFailure] = await Promise.all([
      organizationHistory(ctx, id).catch(() => []),
      accreditationStanding(ctx, { organizationIds: [id] }, asOf),
      listProgrammes(ctx, { organizationId: id, limit: PROGRAMME_LIMIT, offset: 0, sort: 'code', desc: false }),
      classifierNames(ctx, page, 'organization-kind'),
      classifierNames(ctx, page, 'legal-form'),
      classifierNames(ctx, page, 'region'),
      classifierNames(ctx, page, 'programme-group'),
      publicQaFailure(ctx, id),
    ]);
    // Staff of the organization may see its drafts through the API; the public page shows the register.
    const published = programmes.items.filter((p) => p.public);
    const programmeStanding = await accreditationStanding(
      ctx,
      { programmeIds: published.map((p) => p.id) },
      asOf,
    );
    const [fieldChart, decisionsChart] = await Promise.all([
      programmesByFieldChart(ctx, page, published),
      org.kind === 'accreditation-body' ? decisionsPerYearChart(ctx, page, id) : null,
    ]);
    const accreditedProgrammes = new Set(programmeStanding.entries.filter((e) => e.accredited).map((e) => e.programme?.id));
    const title = page.text(org.name).text;
    const identifiers = Object.entries({ ...(org.bin ? { BIN: org.bin } : {}), ...org.identifiers });
    const relationships = sortByName(page, org.relationships, (r) => r.otherName);
    return c.html(
      <Layout
        page={page}
        title={title}
        apiHref={`/api/organizations/${id}`}
        jsonLd={{
          '@context': 'https://schema.org',
          '@type': org.kind === 'university' ? 'CollegeOrUniversity' : 'EducationalOrganization',
          '@id': page.href(`/organizations/${id}`),
          name: title,
          alternateName: [org.name.kk, org.name.ru, org.name.en, org.shortName, ...org.aliases].filter((n): n is string => !!n && n !== title),
          url: org.website ?? undefined,
          identifier: identifiers.map(([propertyID, value]) => ({ '@type': 'PropertyValue', propertyID, value })),
          address: org.regionCode ? { '@type': 'PostalAddress', addressRegion: regionName(org.regionCode), addressCountry: 'KZ' } : undefined,
          inLanguage: page.lang,
        }}
      >
        <Breadcrumbs
          page={page}
          trail={[
            [t('ui.find.list.organizations'), '/organizations'],
            [title, null],
          ]}
        />
        <h1>
          <Name page={page} map={org.name} />
          {standing.entries.some((e) => e.accredited) ? <span class="badge badge-accredited">{t('ui.badge.accredited')}</span> : null}
          <SyntheticBadge page={page} synthetic={org.isSynthetic} />
        </h1>
        <Section id="profile" title={t('ui.record.profile')}>
          <Fields
            rows={[
              [t('ui.record.nameKk'), <span lang="kk">{org.name.kk}</span>],
              [t('ui.record.nameRu'), <span lang="ru">{org.name.ru}</span>],
              [t('ui.record.nameEn'), org.name.en ? <span lang="en">{org.name.en}</span> : null],
              [t('ui.record.shortName'), org.shortName],
              [t('ui.record.aliases'), org.aliases.join(', ')],
              [t('ui.facet.organizationKind'), classifierLink(page, 'organization-kind', org.kind, kindName)],
              [t('ui.record.legalForm'), classifierLink(page, 'legal-form', org.legalForm, legalFormName)],
              [t('ui.facet.region'), classifierLink(page, 'region', org.regionCode, regionName)],
              [t('ui.record.status'), t(`ui.organizationStatus.${org.status}`, { defaultValue: org.status })],
              [
                t('ui.standing.licence'),
                org.licenceCoverage.licences.length
                  ? t('ui.standing.orgLicenceCoverage', { date: page.date(org.asOf), licences: org.licenceCoverage.licences.map((l) => l.number).join(', ') })
                  : t('ui.standing.orgLicenceNone', { date: page.date(org.asOf) }),
              ],
              [t('ui.standing.issued'), t('ui.standing.issuedCounts', { credentials: page.number(issued.credentials), certificates: page.number(issued.certificates) })],
              [t('ui.provenance.label'), org.provenance ? <ProvenanceNote page={page} of={org.provenance} /> : null],
              [t('ui.record.website'), org.website ? <a href={org.website}>{org.website}</a> : null],
              ...identifiers.map(([scheme, value]): [string, string] => [t('ui.record.identifier', { scheme }), value]),
              [t('ui.record.updated'), <time datetime={org.updatedAt}>{page.date(org.updatedAt)}</time>],
            ]}
          />
        </Section>

        <QaFailureNotice page={page} failure={qaFailure} />
        <AccreditationSection page={page} asOf={standing.asOf} entries={standing.entries} />
        {decisionsChart ? <RecordChart page={page} chart={decisionsChart} /> : null}

        <Section id="licences" title={t('ui.record.licences')}>
          <NoneOr page={page} some={org.licences.length > 0}>
            <table tabindex={0}>
              <caption>{t('ui.record.licencesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ui.record.licenceNumber')}</th>
                  <th scope="col">{t('ui.record.issuedOn')}</th>
                  <th scope="col">{t('ui.record.validUntil')}</th>
                  <th scope="col">{t('ui.record.status')}</th>
                  <th scope="col">{t('ui.record.programmeGroups')}</th>
                </tr>
              </thead>
              <tbody>
                {org.licences.map((l) => (
                  <tr>
                    <th scope="row">{l.number}</th>
                    <td>{page.date(l.issuedOn)}</td>
                    <td>{l.validUntil ? page.date(l.validUntil) : t('ui.record.indefinite')}</td>
                    <td>{t(`ui.licenceStatus.${l.status}`, { defaultValue: l.status })}</td>
                    <td>{joined(l.programmeGroups.map((g) => classifierLink(page, 'programme-group', g, groupName)))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </NoneOr>
        </Section>

        <Section id="relationships" title={t('ui.record.relationships')}>
          <NoneOr page={page} some={relationships.length > 0}>
            <ul>
              {relationships.map((r) => (
                <li>
                  {t(`ui.portal.relationship.${r.type}.${r.direction}`, { defaultValue: r.type })}:{' '}
                  <a href={page.href(`/organizations/${r.otherId}`)}>
                    <Name page={page} map={r.otherName} />
                  </a>
                  {r.effectiveOn ? <span class="meta"> · {t('ui.record.since', { date: page.date(r.effectiveOn) })}</span> : null}
                  {r.endedOn ? <span class="meta"> · {t('ui.record.until', { date: page.date(r.endedOn) })}</span> : null}
                </li>
              ))}
            </ul>
          </NoneOr>
        </Section>

        <Section id="programmes" title={t('ui.record.programmes')}>
          <NoneOr page={page} some={published.length > 0}>
            <>
              <p class="meta">{t('ui.record.count', { count: published.length, formatted: page.number(published.length) })}</p>
              <ul>
                {sortByName(page, published, (p) => p.name).map((p) => (
                  <li>
                    <a href={page.href(`/programmes/${p.id}`)}>
                      <Name page={page} map={p.name} />
                    </a>
                    {accreditedProgrammes.has(p.id) ? <span class="badge badge-accredited">{t('ui.badge.accredited')}</span> : null}
                    {p.status === 'excluded' ? <span class="badge badge-excluded">{t('ui.badge.excluded')}</span> : null}
                    {p.status === 'update' ? <span class="badge badge-under-update">{t('ui.badge.under-update')}</span> : null}{' '}
                    <span class="meta">
                      {p.code} · {t('ui.facet.nqfLevel')} {page.number(p.nqfLevel)}
                    </span>
                  </li>
                ))}
              </ul>
              {programmes.total > PROGRAMME_LIMIT ? (
                <p>
                  <a href={`${page.href('/search')}?kind=programme&q=${encodeURIComponent(title)}`}>{t('ui.record.allProgrammes')}</a>
                </p>
              ) : null}
            </>
          </NoneOr>
        </Section>

        {fieldChart ? <RecordChart page={page} chart={fieldChart} /> : null}
        <RecordDownloads page={page} api={`/api/organizations/${org.id}`} formats={['ctdl']} />
        <HistorySection page={page} items={history} />
      </Layout>,
    );
  });
}

// The public page of a qualification: what it is, who awards it, its level, occupations and programmes.
import { listQualificationTypes } from '../frameworks/nqf.service.ts';
import type { Api } from '../platform/http/env.ts';
import { getOrganization } from '../registry/organization.service.ts';
import { getProgramme } from '../registry/programme.service.ts';
import { qualificationHistory } from '../registry/qualification.service.ts';
import { qualificationDetail } from '../registry/record-standing.service.ts';
import { Layout, SyntheticBadge } from './layout.tsx';
import { pageOf } from './page.ts';
import { asOfOf, Breadcrumbs, classifierLink, classifierNames, Fields, HistorySection, idOf, LinkedRecords, Name, NoneOr, onEveryLanguage, Section, sortByName } from './record-parts.tsx';
import { ProvenanceNote } from './provenance.tsx';
import { RecordDownloads } from './interop/record-downloads.tsx';

export function registerQualificationPage(app: Api): void {
  onEveryLanguage(app, '/qualifications/:id', async (c) => {
    const id = idOf(c);
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const q = await qualificationDetail(ctx, id, asOfOf(c));
    const { issued } = q;
    const [history, types, field, awardingBody, programmes] = await Promise.all([
      qualificationHistory(ctx, id).catch(() => []),
      listQualificationTypes(ctx),
      classifierNames(ctx, page, 'field'),
      q.awardingBodyId ? getOrganization(ctx, q.awardingBodyId).catch(() => null) : null,
      // A programme the visitor may not see (a draft) is left out rather than failing the page.
      Promise.all(q.programmeIds.map((pid) => getProgramme(ctx, pid).catch(() => null))),
    ]);
    const type = types.items.find((x) => x.key === q.qualificationType);
    const title = page.text(q.name).text;
    const visible = sortByName(
      page,
      programmes.filter((p) => p !== null),
      (p) => p.name,
    );
    return c.html(
      <Layout
        page={page}
        title={title}
        apiHref={`/api/qualifications/${id}`}
        jsonLd={{
          '@context': 'https://schema.org',
          '@type': 'EducationalOccupationalCredential',
          '@id': page.href(`/qualifications/${id}`),
          name: title,
          identifier: q.code,
          credentialCategory: type ? page.text(type.name).text : t(`ui.qualificationKind.${q.kind}`, { defaultValue: q.kind }),
          educationalLevel: { '@type': 'DefinedTerm', name: `${t('ui.facet.nqfLevel')} ${q.nqfLevel}`, url: page.href(`/nqf/${q.nqfLevel}`) },
          recognizedBy: awardingBody ? { '@type': 'Organization', name: page.text(awardingBody.name).text } : undefined,
          occupationalCategory: q.occupations.map((o) => ({ '@type': 'CategoryCode', codeValue: o.code, name: page.text(o.name).text })),
        }}
      >
        <Breadcrumbs
          page={page}
          trail={[
            [t('ui.find.list.qualifications'), '/qualifications'],
            [title, null],
          ]}
        />
        <h1>
          <Name page={page} map={q.name} />
          <SyntheticBadge page={page} synthetic={q.isSynthetic} />
        </h1>
        {awardingBody ? (
          <p class="meta">
            {t('ui.find.awardedBy', { organization: '' })}
            <a href={page.href(`/organizations/${awardingBody.id}`)}>
              <Name page={page} map={awardingBody.name} />
            </a>
          </p>
        ) : null}
        <Section id="passport" title={t('ui.record.passport')}>
          <Fields
            rows={[
              [t('ui.record.code'), q.code],
              [t('ui.standing.issued'), t('ui.standing.issuedCertificates', { count: issued.certificates, formatted: page.number(issued.certificates) })],
              [t('ui.record.nameKk'), <span lang="kk">{q.name.kk}</span>],
              [t('ui.record.nameRu'), <span lang="ru">{q.name.ru}</span>],
              [t('ui.record.nameEn'), q.name.en ? <span lang="en">{q.name.en}</span> : null],
              [t('ui.record.qualificationKind'), t(`ui.qualificationKind.${q.kind}`, { defaultValue: q.kind })],
              [t('ui.record.qualificationType'), type ? <Name page={page} map={type.name} /> : q.qualificationType],
              [t('ui.facet.nqfLevel'), <a href={page.href(`/nqf/${q.nqfLevel}`)}>{page.number(q.nqfLevel)}</a>],
              [t('ui.facet.field'), classifierLink(page, 'field', q.fieldCode, field)],
              [
                t('ui.record.awardingBody'),
                awardingBody ? (
                  <a href={page.href(`/organizations/${awardingBody.id}`)}>
                    <Name page={page} map={awardingBody.name} />
                  </a>
                ) : null,
              ],
              [t('ui.provenance.label'), q.provenance ? <ProvenanceNote page={page} of={q.provenance} /> : null],
              [t('ui.record.updated'), <time datetime={q.updatedAt}>{page.date(q.updatedAt)}</time>],
            ]}
          />
        </Section>

        <Section id="occupations" title={t('ui.record.occupations')}>
          <NoneOr page={page} some={q.occupations.length > 0}>
            <ul>
              {sortByName(page, q.occupations, (o) => o.name).map((o) => (
                <li>
                  <Name page={page} map={o.name} /> <span class="meta">({o.code})</span>
                </li>
              ))}
            </ul>
          </NoneOr>
        </Section>

        <Section id="programmes" title={t('ui.record.programmes')}>
          <LinkedRecords page={page} path="/programmes" items={visible} />
        </Section>

        <RecordDownloads page={page} api={`/api/qualifications/${id}`} formats={['elm', 'ctdl']} />
        <HistorySection page={page} items={history} />
      </Layout>,
    );
  });
}

// The public page of an educational programme: passport, learning outcomes, courses and history.
// Drafts never included in the register are a 404 for everyone but their organization and the ministry.
import { accreditationStanding } from '../accreditation/standing.service.ts';
import { listQualificationTypes } from '../frameworks/nqf.service.ts';
import type { Api } from '../platform/http/env.ts';
import { programmeHistoryOf } from '../registry/programme.service.ts';
import { programmeDetail } from '../registry/record-standing.service.ts';
import { listQualifications } from '../registry/qualification.service.ts';
import { Layout, SyntheticBadge, Translated } from './layout.tsx';
import { pageOf } from './page.ts';
import { asOfOf, Breadcrumbs, classifierLink, classifierNames, Fields, HistorySection, idOf, joined, Name, onEveryLanguage, sortByName } from './record-parts.tsx';
import { AccreditationSection, LifecycleBanner } from './standing-parts.tsx';
import { RecordDownloads } from './interop/record-downloads.tsx';

/** A fragment id from an outcome code, which may hold any character. */
const anchorOf = (code: string): string => `outcome-${code.replace(/[^\p{L}\p{N}_-]/gu, '-')}`;

export function registerProgrammePage(app: Api): void {
  onEveryLanguage(app, '/programmes/:id', async (c) => {
    const id = idOf(c);
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const asOf = asOfOf(c);
    const p = await programmeDetail(ctx, id, asOf);
    const { issued } = p;
    const [history, standing, types, field, direction, group, language, studyForm, leadsTo] = await Promise.all([
      programmeHistoryOf(ctx, p),
      accreditationStanding(ctx, { programmeIds: [id] }, asOf),
      listQualificationTypes(ctx),
      classifierNames(ctx, page, 'field'),
      classifierNames(ctx, page, 'direction'),
      classifierNames(ctx, page, 'programme-group'),
      classifierNames(ctx, page, 'language'),
      classifierNames(ctx, page, 'study-form'),
      listQualifications(ctx, { programmeId: id, limit: 50, offset: 0, asOf }),
    ]);
    const degree = types.items.find((q) => q.key === p.degree);
    const title = page.text(p.name).text;
    const outcomeCodes = new Set(p.outcomes.map((o) => o.code));
    return c.html(
      <Layout
        page={page}
        title={`${p.code} ${title}`}
        apiHref={`/api/programmes/${id}`}
        jsonLd={{
          '@context': 'https://schema.org',
          '@type': 'EducationalOccupationalProgram',
          '@id': page.href(`/programmes/${id}`),
          name: title,
          programCode: p.code,
          inLanguage: p.languages,
          educationalCredentialAwarded: degree ? page.text(degree.name).text : undefined,
          numberOfCredits: { '@type': 'StructuredValue', value: p.creditsEcts, unitText: 'ECTS' },
          provider: { '@type': 'EducationalOrganization', '@id': page.href(`/organizations/${p.organizationId}`), name: page.text(p.organization.name).text },
          educationalLevel: { '@type': 'DefinedTerm', name: `${t('ui.facet.nqfLevel')} ${p.nqfLevel}`, url: page.href(`/nqf/${p.nqfLevel}`) },
          teaches: p.outcomes.map((o) => page.text(o.text).text),
          description: p.objective ? page.text(p.objective).text : undefined,
        }}
      >
        <Breadcrumbs
          page={page}
          trail={[
            [t('ui.find.list.programmes'), '/programmes'],
            [title, null],
          ]}
        />
        <LifecycleBanner page={page} status={p.status} reason={p.reviewComment} history={history} />
        <h1>
          <Name page={page} map={p.name} />
          {standing.entries.some((e) => e.accredited) ? <span class="badge badge-accredited">{t('ui.badge.accredited')}</span> : null}
          <SyntheticBadge page={page} synthetic={p.isSynthetic} />
        </h1>
        <p class="meta">
          {p.code} ·{' '}
          <a href={page.href(`/organizations/${p.organizationId}`)}>
            <Name page={page} map={p.organization.name} />
          </a>
        </p>

        <AccreditationSection page={page} asOf={standing.asOf} entries={standing.entries} />

        <section aria-labelledby="passport">
          <h2 id="passport">{t('ui.record.passport')}</h2>
          <Fields
            rows={[
              [t('ui.record.code'), p.code],
              [t('ui.standing.lifecycle'), t(`ui.standing.status.${p.status}`)],
              [
                t('ui.standing.licence'),
                p.licenceCoverage.licenceNumber
                  ? t('ui.standing.licenceCovers', { number: p.licenceCoverage.licenceNumber, date: page.date(standing.asOf) })
                  : t('ui.standing.licenceMissing', { date: page.date(standing.asOf) }),
              ],
              [t('ui.standing.issued'), t('ui.standing.issuedCounts', { credentials: page.number(issued.credentials), certificates: page.number(issued.certificates) })],
              [t('ui.record.nameKk'), <span lang="kk">{p.name.kk}</span>],
              [t('ui.record.nameRu'), <span lang="ru">{p.name.ru}</span>],
              [t('ui.record.nameEn'), p.name.en ? <span lang="en">{p.name.en}</span> : null],
              [t('ui.facet.field'), classifierLink(page, 'field', p.fieldCode, field)],
              [t('ui.record.direction'), classifierLink(page, 'direction', p.directionCode, direction)],
              [t('ui.record.group'), classifierLink(page, 'programme-group', p.groupCode, group)],
              [t('ui.record.programmeType'), t(`ui.programmeType.${p.programmeType}`, { defaultValue: p.programmeType })],
              [t('ui.facet.nqfLevel'), <a href={page.href(`/nqf/${p.nqfLevel}`)}>{page.number(p.nqfLevel)}</a>],
              [t('ui.record.degree'), degree ? <Name page={page} map={degree.name} /> : p.degree],
              [t('ui.record.credits'), page.number(p.creditsEcts)],
              [t('ui.facet.language'), joined(p.languages.map((l) => classifierLink(page, 'language', l, language)))],
              [t('ui.record.studyForms'), joined(p.studyForms.map((s) => classifierLink(page, 'study-form', s, studyForm)))],
              [
                t('ui.record.partners'),
                joined(
                  sortByName(page, p.partners, (x) => x.name).map((x) => (
                    <a href={page.href(`/organizations/${x.id}`)}>
                      <Name page={page} map={x.name} />
                    </a>
                  )),
                ),
              ],
              [t('ui.record.partnership'), p.partnership ? t(`ui.partnership.${p.partnership}`, { defaultValue: p.partnership }) : null],
              [
                t('ui.record.occupationalStandards'),
                joined(
                  sortByName(page, p.occupationalStandards, (s) => s.name).map((s) => (
                    <a href={page.href(`/occupational-standards/${s.id}`)}>
                      <Name page={page} map={s.name} />
                    </a>
                  )),
                ),
              ],
              [
                t('ui.record.leadsToQualifications'),
                joined(
                  sortByName(page, leadsTo.items, (q) => q.name).map((q) => (
                    <a href={page.href(`/qualifications/${q.id}`)}>
                      <Name page={page} map={q.name} />
                    </a>
                  )),
                ),
              ],
              [t('ui.record.councilApprovedOn'), p.councilApprovedOn ? <time datetime={p.councilApprovedOn}>{page.date(p.councilApprovedOn)}</time> : null],
              [t('ui.record.objective'), p.objective ? <Translated page={page} value={page.text(p.objective)} /> : null],
              [t('ui.record.distinctiveFeatures'), p.distinctiveFeatures ? <Translated page={page} value={page.text(p.distinctiveFeatures)} /> : null],
              [t('ui.record.updated'), <time datetime={p.updatedAt}>{page.date(p.updatedAt)}</time>],
            ]}
          />
        </section>

        <section aria-labelledby="outcomes">
          <h2 id="outcomes">{t('ui.record.outcomes')}</h2>
          {p.outcomes.length ? (
            <dl class="fields">
              {p.outcomes.map((o) => (
                <>
                  <dt id={anchorOf(o.code)}>{o.code}</dt>
                  <dd>
                    <Translated page={page} value={page.text(o.text)} />
                  </dd>
                </>
              ))}
            </dl>
          ) : (
            <p>{t('ui.record.none')}</p>
          )}
        </section>

        <section aria-labelledby="courses">
          <h2 id="courses">{t('ui.record.courses')}</h2>
          {p.courses.length ? (
            <table tabindex={0}>
              <caption>{t('ui.record.coursesCaption', { credits: page.number(p.courses.reduce((n, x) => n + x.credits, 0)) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ui.record.course')}</th>
                  <th scope="col">{t('ui.record.cycle')}</th>
                  <th scope="col">{t('ui.record.component')}</th>
                  <th scope="col">{t('ui.record.credits')}</th>
                  <th scope="col">{t('ui.record.outcomesMapped')}</th>
                </tr>
              </thead>
              <tbody>
                {p.courses.map((x) => (
                  <tr>
                    <th scope="row">
                      {x.code} <Name page={page} map={x.name} />
                    </th>
                    <td>{t(`ui.cycle.${x.cycle}`, { defaultValue: x.cycle })}</td>
                    <td>{t(`ui.component.${x.component}`, { defaultValue: x.component })}</td>
                    <td>{page.number(x.credits)}</td>
                    <td>{joined(x.outcomes.map((code) => (outcomeCodes.has(code) ? <a href={`#${anchorOf(code)}`}>{code}</a> : code)))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('ui.record.none')}</p>
          )}
        </section>

        <RecordDownloads page={page} api={`/api/programmes/${id}`} formats={p.public ? ['elm', 'ctdl'] : []} />
        <HistorySection page={page} items={history} />
      </Layout>,
    );
  });
}

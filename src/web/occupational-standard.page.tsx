// The public page of an occupational standard: passport, and for each occupation its labour
// functions with the skills and knowledge they need.

import { occupationalStandardDetail, occupationalStandardHistory } from '../frameworks/occupational-standard.service.ts';
import { getSqf } from '../frameworks/sqf.service.ts';
import type { LangMap } from '../platform/db/schema.ts';
import type { Api } from '../platform/http/env.ts';
import { Layout, SyntheticBadge, Translated } from './layout.tsx';
import { type Page, pageOf } from './page.ts';
import { ProvenanceNote } from './provenance.tsx';
import { Breadcrumbs, Fields, HistorySection, idOf, joined, Name, onEveryLanguage } from './record-parts.tsx';

function TextList(props: { page: Page; items: LangMap[] }) {
  if (!props.items.length) return <>{props.page.t('ui.record.none')}</>;
  return (
    <ul>
      {props.items.map((m) => (
        <li>
          <Translated page={props.page} value={props.page.text(m)} />
        </li>
      ))}
    </ul>
  );
}

export function registerOccupationalStandardPage(app: Api): void {
  onEveryLanguage(app, '/occupational-standards/:id', async (c) => {
    const id = idOf(c);
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const s = await occupationalStandardDetail(ctx, id);
    const [history, sqf] = await Promise.all([occupationalStandardHistory(ctx, id).catch(() => []), s.sqfId ? getSqf(ctx, s.sqfId).catch(() => null) : null]);
    const title = page.text(s.name).text;
    return c.html(
      <Layout
        page={page}
        title={title}
        apiHref={`/api/occupational-standards/${id}`}
        jsonLd={{
          '@context': 'https://schema.org',
          '@graph': s.occupations.map((o) => ({
            '@type': 'Occupation',
            name: page.text(o.name).text,
            occupationalCategory: [
              ...(o.iscoCode ? [{ '@type': 'CategoryCode', codeValue: o.iscoCode, inCodeSet: 'ISCO-08' }] : []),
              ...(o.nkzCode ? [{ '@type': 'CategoryCode', codeValue: o.nkzCode, inCodeSet: 'NKZ' }] : []),
            ],
            skills: o.labourFunctions.flatMap((f) => f.skills.map((k) => page.text(k).text)),
            qualifications: `${t('ui.facet.nqfLevel')} ${o.nqfLevel}`,
            mainEntityOfPage: page.href(`/occupational-standards/${id}`),
          })),
        }}
      >
        <Breadcrumbs
          page={page}
          trail={[
            [t('ui.find.list.occupational-standards'), '/occupational-standards'],
            [title, null],
          ]}
        />
        <h1>
          <Name page={page} map={s.name} />
          <SyntheticBadge page={page} synthetic={s.isSynthetic} />
        </h1>
        <section aria-labelledby="passport">
          <h2 id="passport">{t('ui.record.passport')}</h2>
          <Fields
            rows={[
              [t('ui.record.code'), s.code],
              [t('ui.record.sector'), <Translated page={page} value={page.text(s.sector)} />],
              [t('ui.record.developer'), s.developer],
              [t('ui.record.approvedOn'), s.approvedOn ? <time datetime={s.approvedOn}>{page.date(s.approvedOn)}</time> : null],
              [t('ui.record.edition'), s.edition],
              [t('ui.record.status'), t(`ui.frameworkStatus.${s.status}`, { defaultValue: s.status })],
              [
                t('ui.kind.sqf'),
                sqf ? (
                  <a href={page.href(`/sqfs/${sqf.id}`)}>
                    <Name page={page} map={sqf.name} />
                  </a>
                ) : null,
              ],
              [t('ui.facet.nqfLevel'), joined(s.nqfLevels.map((l) => <a href={page.href(`/nqf/${l}`)}>{page.number(l)}</a>))],
              [t('ui.provenance.label'), s.provenance ? <ProvenanceNote page={page} of={s.provenance} /> : null],
              [t('ui.record.updated'), <time datetime={s.updatedAt}>{page.date(s.updatedAt)}</time>],
            ]}
          />
        </section>

        <section aria-labelledby="occupations">
          <h2 id="occupations">{t('ui.record.occupations')}</h2>
          {s.occupations.length === 0 ? <p>{t('ui.record.none')}</p> : null}
          {s.occupations.map((o) => (
            <section>
              <h3>
                <Name page={page} map={o.name} />
              </h3>
              <Fields
                rows={[
                  [t('ui.record.code'), o.code],
                  [t('ui.facet.nqfLevel'), <a href={page.href(`/nqf/${o.nqfLevel}`)}>{page.number(o.nqfLevel)}</a>],
                  [t('ui.sqf.sublevel'), o.sqfSublevel],
                  ['ISCO-08', o.iscoCode],
                  [t('ui.sqf.nkz'), o.nkzCode],
                ]}
              />
              <h4>{t('ui.standard.labourFunctions')}</h4>
              {o.labourFunctions.length === 0 ? <p>{t('ui.record.none')}</p> : null}
              <ol>
                {o.labourFunctions.map((f) => (
                  <li>
                    <p>
                      <strong>
                        <Name page={page} map={f.name} />
                      </strong>{' '}
                      <span class="meta">({f.code})</span>
                    </p>
                    <Fields
                      rows={[
                        [t('ui.standard.skills'), <TextList page={page} items={f.skills} />],
                        [t('ui.standard.knowledge'), <TextList page={page} items={f.knowledge} />],
                      ]}
                    />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>

        <HistorySection page={page} items={history} />
      </Layout>,
    );
  });
}

// The National Qualifications Framework: all eight levels, and each level with its descriptors,
// international mapping and what sits at it in the register.
import { z } from '@hono/zod-openapi';
import { getNqfLevel, listNqfLevels, listQualificationTypes } from '../frameworks/nqf.service.ts';
import type { Api } from '../platform/http/env.ts';
import { search } from '../registry/search/search.service.ts';
import { Layout, Translated } from './layout.tsx';
import { type Page, pageOf } from './page.ts';
import { ProvenanceNote } from './provenance.tsx';
import { Fields, Name, onEveryLanguage, sortByName } from './record-parts.tsx';

/** Any whole number parses, so level 9 is an unknown page (404) while "abc" is a malformed one (400). */
const levelParam = z.object({ level: z.coerce.number().int().min(1).max(99) });

const DESCRIPTORS = ['knowledge', 'skills', 'competences', 'achievement'] as const;

const cycleName = (page: Page, cycle: string | null) => (cycle ? page.t(`ui.nqf.cycle.${cycle}`, { defaultValue: cycle }) : null);

const levelTerm = (page: Page, level: number) => ({
  '@type': 'DefinedTerm',
  '@id': page.href(`/nqf/${level}`),
  termCode: String(level),
  name: `${page.t('ui.facet.nqfLevel')} ${level}`,
  inDefinedTermSet: page.href('/nqf'),
});

export function registerNqfPages(app: Api): void {
  onEveryLanguage(app, '/nqf', async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const { items } = await listNqfLevels(c.get('ctx'));
    const title = t('ui.home.nqf');
    return c.html(
      <Layout
        page={page}
        title={title}
        apiHref="/api/nqf/levels"
        jsonLd={{
          '@context': 'https://schema.org',
          '@type': 'DefinedTermSet',
          '@id': page.href('/nqf'),
          name: title,
          hasDefinedTerm: items.map((l) => levelTerm(page, l.level)),
        }}
      >
        <h1>{title}</h1>
        <table>
          <caption>{t('ui.nqf.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ui.facet.nqfLevel')}</th>
              <th scope="col">{t('ui.nqf.eqf')}</th>
              <th scope="col">{t('ui.nqf.qfEhea')}</th>
              <th scope="col">{t('ui.nqf.education')}</th>
              <th scope="col">{t('ui.nqf.typicalQualification')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((l) => (
              <tr>
                <th scope="row">
                  <a href={page.href(`/nqf/${l.level}`)}>{t('ui.nqf.level', { level: page.number(l.level) })}</a>
                </th>
                <td>{page.number(l.eqfLevel)}</td>
                <td>{cycleName(page, l.qfEhea) ?? '—'}</td>
                <td>
                  <Translated page={page} value={page.text(l.education)} />
                </td>
                <td>{l.typicalQualification ? <Translated page={page} value={page.text(l.typicalQualification)} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Layout>,
    );
  });

  onEveryLanguage(app, '/nqf/:level', async (c) => {
    const { level } = levelParam.parse({ level: c.req.param('level') });
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const nqf = await getNqfLevel(ctx, level);
    const [types, found] = await Promise.all([
      listQualificationTypes(ctx),
      search(ctx, { q: '', nqfLevel: level, lang: page.lang, limit: 1, offset: 0 }, page.fallback),
    ]);
    const atLevel = sortByName(
      page,
      types.items.filter((x) => x.nqfLevel === level),
      (x) => x.name,
    );
    const byKind = (found.facets as Record<string, { value: string; count: number }[]>).kind ?? [];
    const title = t('ui.nqf.level', { level: page.number(level) });
    // Each value with where it comes from: a document line, or the team's own words.
    const Sourced = (props: { of: string; children?: unknown }) => (
      <>
        {props.children}
        <br />
        <ProvenanceNote page={page} of={nqf.provenance[props.of]} />
      </>
    );
    return c.html(
      <Layout
        page={page}
        title={title}
        apiHref={`/api/nqf/levels/${level}`}
        jsonLd={{ '@context': 'https://schema.org', ...levelTerm(page, level), description: page.text(nqf.descriptors.achievement).text }}
      >
        <h1>{title}</h1>
        <section aria-labelledby="descriptors">
          <h2 id="descriptors">{t('ui.nqf.descriptors')}</h2>
          <Fields
            rows={DESCRIPTORS.map((d) => [
              t(`ui.nqf.${d}`),
              <Sourced of={d}>
                <Translated page={page} value={page.text(nqf.descriptors[d])} />
              </Sourced>,
            ])}
          />
        </section>
        <section aria-labelledby="mapping">
          <h2 id="mapping">{t('ui.nqf.mapping')}</h2>
          <Fields
            rows={[
              [t('ui.nqf.eqf'), <Sourced of="eqfLevel">{page.number(nqf.eqfLevel)}</Sourced>],
              [t('ui.nqf.qfEhea'), cycleName(page, nqf.qfEhea)],
              [t('ui.nqf.isced'), <Sourced of="isced">{nqf.isced.join(', ')}</Sourced>],
              [
                t('ui.nqf.education'),
                <Sourced of="education">
                  <Translated page={page} value={page.text(nqf.education)} />
                </Sourced>,
              ],
              [
                t('ui.nqf.typicalQualification'),
                nqf.typicalQualification ? (
                  <Sourced of="typicalQualification">
                    <Translated page={page} value={page.text(nqf.typicalQualification)} />
                  </Sourced>
                ) : null,
              ],
            ]}
          />
        </section>
        <section aria-labelledby="at-level">
          <h2 id="at-level">{t('ui.nqf.atLevel')}</h2>
          <h3>{t('ui.nqf.qualificationTypes')}</h3>
          {atLevel.length ? (
            <ul>
              {atLevel.map((x) => (
                <li>
                  <Name page={page} map={x.name} /> <ProvenanceNote page={page} of={x.provenance} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('ui.record.none')}</p>
          )}
          <h3>{t('ui.nqf.inRegister')}</h3>
          <p>
            <a href={`${page.href('/search')}?nqfLevel=${level}`}>{t('ui.nqf.records', { count: found.total, formatted: page.number(found.total) })}</a>
          </p>
          {byKind.length ? (
            <ul>
              {byKind.map((k) => (
                <li>
                  <a href={`${page.href('/search')}?nqfLevel=${level}&kind=${encodeURIComponent(k.value)}`}>{t(`ui.kind.${k.value}`)}</a>{' '}
                  <span class="meta">({page.number(k.count)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <p>
          <a href={page.href('/nqf')}>{t('ui.nqf.allLevels')}</a>
        </p>
      </Layout>,
    );
  });
}

// The public page of one classifier entry (a field of education, region, language…): its names,
// its parent and its children in the version in force.
import { z } from '@hono/zod-openapi';
import { classifierEntryView } from '../frameworks/classifier.service.ts';
import type { Api } from '../platform/http/env.ts';
import { ProvenanceNote } from './provenance.tsx';
import { Layout } from './layout.tsx';
import { type Page, pageOf } from './page.ts';
import { Fields, Name, onEveryLanguage, sortByName } from './record-parts.tsx';

const entryParams = z.object({
  classifier: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  code: z.string().min(1).max(60),
});

const entryHref = (page: Page, classifier: string, code: string) => page.href(`/classifiers/${classifier}/${encodeURIComponent(code)}`);

/** Attributes worth showing: plain values, not nested structures. */
const plainAttributes = (attributes: Record<string, unknown>): [string, string][] =>
  Object.entries(attributes)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => [k, String(v)]);

export function registerClassifierPage(app: Api): void {
  onEveryLanguage(app, '/classifiers/:classifier/:code', async (c) => {
    const { classifier, code } = entryParams.parse(c.req.param());
    const page = pageOf(c);
    const { t } = page;
    const ctx = c.get('ctx');
    const { entry, parent, children } = await classifierEntryView(ctx, classifier, code);
    const classifierName = t(`ui.classifier.${classifier}`, { defaultValue: classifier });
    const title = page.text(entry.name).text;
    const childNames = sortByName(page, children, (e) => e.name);
    return c.html(
      <Layout
        page={page}
        title={`${title} — ${classifierName}`}
        apiHref={`/api/classifiers/${classifier}/${encodeURIComponent(code)}`}
        jsonLd={{
          '@context': 'https://schema.org',
          '@type': 'DefinedTerm',
          '@id': entryHref(page, classifier, code),
          termCode: entry.code,
          name: title,
          inDefinedTermSet: { '@type': 'DefinedTermSet', name: classifierName, version: entry.version },
        }}
      >
        <h1>
          <Name page={page} map={entry.name} />
        </h1>
        <p class="meta">{classifierName}</p>
        <Fields
          rows={[
            [t('ui.record.code'), entry.code],
            [t('ui.record.nameKk'), <span lang="kk">{entry.name.kk}</span>],
            [t('ui.record.nameRu'), <span lang="ru">{entry.name.ru}</span>],
            [t('ui.record.nameEn'), entry.name.en ? <span lang="en">{entry.name.en}</span> : null],
            [t('ui.classifierEntry.version'), entry.version],
            [
              t('ui.classifierEntry.parent'),
              parent ? (
                <a href={entryHref(page, parent.classifier, parent.code)}>
                  <Name page={page} map={parent.name} />
                </a>
              ) : null,
            ],
            ...plainAttributes(entry.attributes).map(([k, v]): [string, string] => [k, v]),
            [t('ui.provenance.label'), <ProvenanceNote page={page} of={entry.provenance} />],
          ]}
        />
        <section aria-labelledby="children">
          <h2 id="children">{t('ui.classifierEntry.children')}</h2>
          {childNames.length ? (
            <ul>
              {childNames.map((e) => (
                <li>
                  <a href={entryHref(page, e.classifier, e.code)}>
                    <Name page={page} map={e.name} />
                  </a>{' '}
                  <span class="meta">({e.code})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('ui.record.none')}</p>
          )}
        </section>
      </Layout>,
    );
  });
}

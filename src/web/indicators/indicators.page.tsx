// The dashboards of national indicators: the catalogue by theme, and a page per indicator with a
// filter form (GET, no script), a chart rendered on the server, its data as a table, the
// definition and the sources, and downloads of the data and the chart.
import type { Context } from 'hono';
import { type ChartRow, chartSvg, svgToPng } from '../../indicators/chart.ts';
import { indicatorCsv, indicatorXlsx } from '../../indicators/downloads.ts';
import { indicatorQuerySchema } from '../../indicators/indicators.schema.ts';
import { type IndicatorQuery, type IndicatorValues, indicatorValues, listIndicators } from '../../indicators/indicators.service.ts';
import { attachmentDisposition } from '../../platform/files/files.ts';
import type { AppEnv, Api } from '../../platform/http/env.ts';
import { Layout } from '../layout.tsx';
import { type Page, pageOf } from '../page.ts';
import { Name, onEveryLanguage } from '../record-parts.tsx';

const THEMES = ['network', 'programmes', 'quality', 'credentials', 'access'] as const;
const ID = /^[a-z0-9-]{1,100}$/;

function queryOf(c: Context<AppEnv>): IndicatorQuery {
  const raw = Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => [k, v[0] || undefined]));
  return indicatorQuerySchema.parse(raw) as IndicatorQuery;
}

async function valuesOf(c: Context<AppEnv>): Promise<IndicatorValues> {
  const id = c.req.param('id') ?? '';
  return indicatorValues(c.get('ctx'), ID.test(id) ? id : '-', queryOf(c));
}

const formatValue = (page: Page, v: number | null | undefined) => (v === null || v === undefined ? '—' : page.number(v));

function chartRows(page: Page, values: IndicatorValues): ChartRow[] {
  const sapa = page.t('ui.indicators.sapa');
  const published = page.t('ui.indicators.published');
  return values.values.flatMap((v) => {
    const label = page.text(v.label).text;
    return [...(v.value !== null ? [{ label, series: sapa, value: v.value }] : []), ...(v.published ? [{ label, series: published, value: v.published.value }] : [])];
  });
}

function renderChart(page: Page, values: IndicatorValues): Promise<string> {
  const { t } = page;
  const by = values.dimensions.find((d) => d.id === values.by);
  return chartSvg(
    chartRows(page, values),
    {
      title: page.text(values.name).text,
      valueAxis: t(values.unit === 'percent' ? 'ui.indicators.unitPercent' : 'ui.indicators.unitCount'),
      groupAxis: by ? page.text(by.name).text : '',
      seriesLegend: t('ui.indicators.series'),
      unit: values.unit,
    },
    page.lang,
  );
}

function Filters(props: { page: Page; values: IndicatorValues; options: Map<string, { key: string | null; label: { kk: string; ru: string; en: string } }[]> }) {
  const { page, values } = props;
  const { t } = page;
  return (
    <form method="get" action={page.href(`/indicators/${values.id}`)} class="filters">
      <fieldset>
        <legend>{t('ui.indicators.filters')}</legend>
        <label for="f-by">{t('ui.indicators.groupBy')}</label>
        <select id="f-by" name="by">
          {values.dimensions.map((d) => (
            <option value={d.id} selected={d.id === values.by}>
              {page.text(d.name).text}
            </option>
          ))}
        </select>
        {values.dimensions
          .filter((d) => d.id !== values.by)
          .map((d) => (
            <>
              <label for={`f-${d.id}`}>{page.text(d.name).text}</label>
              <select id={`f-${d.id}`} name={d.id}>
                <option value="">{t('ui.indicators.any')}</option>
                {(props.options.get(d.id) ?? [])
                  .filter((o) => o.key !== null)
                  .map((o) => (
                    <option value={o.key ?? ''} selected={values.filters[d.id] === o.key}>
                      {page.text(o.label).text}
                    </option>
                  ))}
              </select>
            </>
          ))}
        <label for="f-asOf">{t('ui.indicators.asOf')}</label>
        <input id="f-asOf" name="asOf" type="date" value={values.asOf} />
        <button type="submit">{t('ui.indicators.apply')}</button>
      </fieldset>
    </form>
  );
}

function DataTable(props: { page: Page; values: IndicatorValues }) {
  const { page, values } = props;
  const { t } = page;
  const source = (p: IndicatorValues['values'][number]['published']) =>
    p ? t('ui.indicators.publishedInput', { document: p.source.document, lines: p.source.lines, interpolation: { escapeValue: false } }) : '—';
  return (
    <table class="indicator-data" tabindex={0}>
      <caption>{t('ui.indicators.tableCaption', { name: page.text(values.name).text, interpolation: { escapeValue: false } })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ui.indicators.group')}</th>
          <th scope="col">{t('ui.indicators.sapa')}</th>
          <th scope="col">{t('ui.indicators.published')}</th>
          <th scope="col">{t('ui.indicators.difference')}</th>
          <th scope="col">{t('ui.indicators.source')}</th>
        </tr>
      </thead>
      <tbody>
        {values.values.map((v) => (
          <tr>
            <th scope="row">
              <Name page={page} map={v.label} />
            </th>
            <td data-value={v.value ?? ''}>{formatValue(page, v.value)}</td>
            <td>{formatValue(page, v.published?.value)}</td>
            <td>{formatValue(page, v.difference)}</td>
            <td>{source(v.published)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('ui.indicators.total')}</th>
          <td>{formatValue(page, values.total.value)}</td>
          <td>{formatValue(page, values.total.published?.value)}</td>
          <td>{formatValue(page, values.total.difference)}</td>
          <td>{source(values.total.published)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function registerIndicatorPages(app: Api): void {
  onEveryLanguage(app, '/indicators', (c) => {
    const page = pageOf(c);
    const { t } = page;
    const { items } = listIndicators();
    return c.html(
      <Layout page={page} title={t('ui.indicators.title')} apiHref="/api/indicators">
        <h1>{t('ui.indicators.title')}</h1>
        <p>{t('ui.indicators.intro')}</p>
        {THEMES.map((theme) => (
          <section aria-labelledby={`theme-${theme}`}>
            <h2 id={`theme-${theme}`}>{t(`ui.indicators.theme.${theme}`)}</h2>
            <ul class="indicator-list">
              {items
                .filter((i) => i.theme === theme)
                .map((i) => (
                  <li>
                    <a href={page.href(`/indicators/${i.id}`)}>
                      <Name page={page} map={i.name} />
                    </a>
                    <br />
                    <span class="meta">
                      <Name page={page} map={i.definition} />
                    </span>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </Layout>,
    );
  });

  onEveryLanguage(app, '/indicators/:id', async (c) => {
    const page = pageOf(c);
    const { t } = page;
    const values = await valuesOf(c);
    const options = new Map(
      await Promise.all(
        values.dimensions
          .filter((d) => d.id !== values.by)
          .map(async (d) => [d.id, (await indicatorValues(c.get('ctx'), values.id, { by: d.id, asOf: values.asOf })).values] as const),
      ),
    );
    const name = page.text(values.name).text;
    const byName = page.text(values.dimensions.find((d) => d.id === values.by)?.name ?? { kk: '', ru: '', en: '' }).text;
    const search = new URL(c.req.url).search;
    const download = (file: string) => `${page.href(`/indicators/${values.id}/${file}`)}${search}`;
    return c.html(
      <Layout page={page} title={name} apiHref={`/api/indicators/${values.id}${search}`}>
        <p>
          <a href={page.href('/indicators')}>{t('ui.indicators.title')}</a>
        </p>
        <h1>{name}</h1>
        <p>
          <Name page={page} map={values.definition} />
        </p>
        <Filters page={page} values={values} options={options} />
        {values.values.length ? (
          <figure class="indicator-chart">
            <img src={download('chart.svg')} alt={t('ui.indicators.chartAlt', { name, by: byName, interpolation: { escapeValue: false } })} width="778" />
            <figcaption>
              <Name page={page} map={values.definition} />
            </figcaption>
          </figure>
        ) : (
          <p>{t('ui.indicators.noData')}</p>
        )}
        <DataTable page={page} values={values} />
        <section aria-labelledby="downloads">
          <h2 id="downloads">{t('ui.indicators.downloads')}</h2>
          <ul class="downloads">
            {(['csv', 'xlsx', 'json'] as const).map((f) => (
              <li>
                <a href={download(`data.${f}`)}>{t('ui.indicators.downloadData', { format: f.toUpperCase() })}</a>
              </li>
            ))}
            {(['svg', 'png'] as const).map((f) => (
              <li>
                <a href={download(`chart.${f}`)}>{t('ui.indicators.downloadChart', { format: f.toUpperCase() })}</a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="definition">
          <h2 id="definition">{t('ui.indicators.formula')}</h2>
          <dl>
            <dt>{t('ui.indicators.formula')}</dt>
            <dd>
              <code>{values.formula}</code>
            </dd>
            <dt>{t('ui.indicators.unit')}</dt>
            <dd>{t(values.unit === 'percent' ? 'ui.indicators.unitPercent' : 'ui.indicators.unitCount')}</dd>
            <dt>{t('ui.indicators.refresh')}</dt>
            <dd>{t(values.refresh === 'on-change' ? 'ui.indicators.refreshOnChange' : 'ui.indicators.refreshAsPublished')}</dd>
            <dt>{t('ui.indicators.lineage')}</dt>
            <dd>
              <ul>
                {values.lineage.map((l) =>
                  l.kind === 'register' ? (
                    <li>{t('ui.indicators.registerInput', { api: l.api, interpolation: { escapeValue: false } })}</li>
                  ) : l.kind === 'dataset' ? (
                    <li>
                      {t('ui.indicators.datasetInput', {
                        dataset: t(`ui.indicators.datasets.${l.dataset}`),
                        periods: l.periods.join(', ') || '—',
                        sources: l.sources.join('; ') || '—',
                        count: l.observations,
                        interpolation: { escapeValue: false },
                      })}
                    </li>
                  ) : (
                    <li>{t('ui.indicators.publishedInput', { document: l.document, lines: l.lines, interpolation: { escapeValue: false } })}</li>
                  ),
                )}
              </ul>
            </dd>
          </dl>
        </section>
      </Layout>,
    );
  });

  const fileName = (values: IndicatorValues, ext: string) => `sapa-${values.id}-${values.asOf}.${ext}`;

  onEveryLanguage(app, '/indicators/:id/data.json', async (c) => c.json(await valuesOf(c)));
  onEveryLanguage(app, '/indicators/:id/data.csv', async (c) => {
    const values = await valuesOf(c);
    return c.body(indicatorCsv(values, pageOf(c).lang), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachmentDisposition(fileName(values, 'csv')),
    });
  });
  onEveryLanguage(app, '/indicators/:id/data.xlsx', async (c) => {
    const values = await valuesOf(c);
    return c.body(await indicatorXlsx(values, pageOf(c).lang), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': attachmentDisposition(fileName(values, 'xlsx')),
    });
  });
  onEveryLanguage(app, '/indicators/:id/chart.svg', async (c) => {
    const page = pageOf(c);
    return c.body(await renderChart(page, await valuesOf(c)), 200, { 'content-type': 'image/svg+xml; charset=utf-8' });
  });
  onEveryLanguage(app, '/indicators/:id/chart.png', async (c) => {
    const page = pageOf(c);
    const values = await valuesOf(c);
    return c.body(svgToPng(await renderChart(page, values)), 200, {
      'content-type': 'image/png',
      'content-disposition': attachmentDisposition(fileName(values, 'png')),
    });
  });
}

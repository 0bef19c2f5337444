// A chart on a record page (an organization's programmes by field, a body's decisions per year):
// the indicator charts' Vega-Lite grammar rendered to SVG on the server (indicators/chart.ts), shown
// as an image with its alt text, a description under it and the same data as a table.
import { type ChartRow, chartSvg } from '../../indicators/chart.ts';
import type { Page } from '../page.ts';
import { Section } from '../record-parts.tsx';

export type RecordChartData = {
  /** the section's id, also its heading's */
  id: string;
  title: string;
  description: string;
  groupAxis: string;
  /** one bar per row and series; several series sit side by side under one legend */
  bars: ChartRow[];
  seriesLegend?: string;
  /** the table: column headings after the group's, and one row per group */
  columns: string[];
  rows: { label: string; values: number[] }[];
};

export type RenderedChart = RecordChartData & { svg: string };

export async function renderRecordChart(page: Page, data: RecordChartData): Promise<RenderedChart> {
  const svg = await chartSvg(
    data.bars,
    { title: data.title, valueAxis: page.t('ui.indicators.recordCharts.count'), groupAxis: data.groupAxis, seriesLegend: data.seriesLegend ?? '', unit: 'count' },
    page.lang,
  );
  return { ...data, svg };
}

export function RecordChart(props: { page: Page; chart: RenderedChart }) {
  const { page, chart } = props;
  const { t } = page;
  const words = { title: chart.title, interpolation: { escapeValue: false } };
  return (
    <Section id={chart.id} title={chart.title}>
      <figure class="indicator-chart">
        <img src={`data:image/svg+xml;base64,${Buffer.from(chart.svg).toString('base64')}`} alt={t('ui.indicators.recordCharts.chartAlt', words)} width="600" />
        <figcaption>{chart.description}</figcaption>
      </figure>
      <table class="indicator-data" tabindex={0}>
        <caption>{t('ui.indicators.recordCharts.tableCaption', words)}</caption>
        <thead>
          <tr>
            <th scope="col">{chart.groupAxis}</th>
            {chart.columns.map((c) => (
              <th scope="col">{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              {r.values.map((v) => (
                <td>{page.number(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

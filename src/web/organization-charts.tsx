// The charts of an organization's public page: its programmes in the register by field of
// education, and, for an accreditation body, its decisions per year (the yearly statistics).
import { statistics } from '../accreditation/statistics.service.ts';
import type { Ctx } from '../platform/context.ts';
import { type RenderedChart, renderRecordChart } from './indicators/record-chart.tsx';
import type { Page } from './page.ts';
import { classifierNames } from './record-parts.tsx';

/** Programmes by field, most first; none without programmes. */
export async function programmesByFieldChart(ctx: Ctx, page: Page, programmes: readonly { fieldCode: string | null }[]): Promise<RenderedChart | null> {
  if (!programmes.length) return null;
  const { t } = page;
  const fieldName = await classifierNames(ctx, page, 'field');
  const counts = new Map<string | null, number>();
  for (const p of programmes) counts.set(p.fieldCode, (counts.get(p.fieldCode) ?? 0) + 1);
  const groups = [...counts]
    .map(([code, n]) => ({ label: code ? `${fieldName(code)} (${code})` : t('ui.indicators.recordCharts.noField'), n }))
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, page.lang));
  const series = t('ui.indicators.recordCharts.programmes');
  return renderRecordChart(page, {
    id: 'programmes-by-field',
    title: t('ui.indicators.recordCharts.programmesByField'),
    description: t('ui.indicators.recordCharts.programmesByFieldText'),
    groupAxis: t('ui.indicators.recordCharts.field'),
    bars: groups.map((g) => ({ label: g.label, series, value: g.n })),
    columns: [series],
    rows: groups.map((g) => ({ label: g.label, values: [g.n] })),
  });
}

/** An accreditation body's decisions per year: granted and refused side by side, each kind in the table. */
export async function decisionsPerYearChart(ctx: Ctx, page: Page, bodyId: string): Promise<RenderedChart | null> {
  const { t } = page;
  const { items } = await statistics(ctx, { body: bodyId });
  if (!items.length) return null;
  const granted = t('ui.indicators.recordCharts.granted');
  const refused = t('ui.accreditationPublic.refused');
  return renderRecordChart(page, {
    id: 'decisions-per-year',
    title: t('ui.indicators.recordCharts.decisionsByYear'),
    description: t('ui.indicators.recordCharts.decisionsByYearText'),
    groupAxis: t('ui.indicators.recordCharts.year'),
    seriesLegend: t('ui.indicators.recordCharts.outcome'),
    bars: items.flatMap((i) => [
      { label: String(i.year), series: granted, value: i.total },
      { label: String(i.year), series: refused, value: i.refused },
    ]),
    columns: (['institutional', 'programmeCount', 'crossBorder', 'eurAce', 'refused', 'total'] as const).map((c) => t(`ui.accreditationPublic.${c}`)),
    rows: items.map((i) => ({ label: String(i.year), values: [i.institutional, i.programme, i.crossBorder, i.eurAce, i.refused, i.total] })),
  });
}

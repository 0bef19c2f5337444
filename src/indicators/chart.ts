// Charts of indicators rendered on the server: a Vega-Lite spec compiled to Vega, run headless
// (renderer 'none') and written out as SVG; PNG is the same SVG rasterized by resvg. No browser,
// no script on the page, no hand-drawn SVG (docs/decisions.md "Indicator charts: Vega-Lite on the server").
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export type ChartRow = { label: string; series: string; value: number };
export type ChartText = { title: string; valueAxis: string; groupAxis: string; seriesLegend: string; unit: 'count' | 'percent' };

/** Number formats per language (d3-format locales): the decimal comma and a narrow no-break space in kk and ru. */
const LOCALES: Record<'kk' | 'ru' | 'en', { decimal: string; thousands: string; grouping: number[]; currency: [string, string] }> = {
  kk: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', ' ₸'] },
  ru: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', ' ₸'] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['₸', ''] },
};

export function chartSpec(rows: readonly ChartRow[], text: ChartText): TopLevelSpec {
  const series = [...new Set(rows.map((r) => r.series))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: text.title,
    width: 560,
    background: 'white',
    data: { values: rows.map((r) => ({ ...r })) },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: { field: 'label', type: 'nominal', title: text.groupAxis, sort: null, axis: { labelLimit: 240 } },
      x: { field: 'value', type: 'quantitative', title: text.valueAxis, axis: { format: text.unit === 'percent' ? ',.1f' : ',d' } },
      ...(series.length > 1 && {
        yOffset: { field: 'series', type: 'nominal', sort: series },
        color: { field: 'series', type: 'nominal', title: text.seriesLegend, sort: series, scale: { range: ['#1f5fa8', '#c26a00'] } },
      }),
    },
    config: { font: 'DejaVu Sans, sans-serif' },
  };
}

export async function chartSvg(rows: readonly ChartRow[], text: ChartText, lang: 'kk' | 'ru' | 'en'): Promise<string> {
  const { spec } = compile(chartSpec(rows, text));
  // View takes d3-format locale specs ({ number, time }) though its typings say formatters.
  const options = { renderer: 'none', locale: { number: LOCALES[lang] } } as unknown as vega.ViewOptions;
  const view = new vega.View(vega.parse(spec), options);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function svgToPng(svg: string): Uint8Array<ArrayBuffer> {
  return new Resvg(svg, { background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng() as Uint8Array<ArrayBuffer>;
}

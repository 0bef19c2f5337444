// Text pieces the HTML and PDF reports share: numbers in the report's language, and the sources
// line of a figure (register read APIs, published documents with their lines, imported datasets).
import type { Lang } from '../platform/i18n/i18n.ts';
import type { IndicatorValues } from './indicators.service.ts';
import { REPORT_WORDS } from './report-words.ts';

const LOCALE: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export const formatNumber = (n: number | null, lang: Lang, unit: 'count' | 'percent') =>
  n === null ? '—' : new Intl.NumberFormat(LOCALE[lang], unit === 'percent' ? { minimumFractionDigits: 1, maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }).format(n);

export function sourcesOf(values: IndicatorValues, lang: Lang): string[] {
  return values.lineage.map((l) => {
    if (l.kind === 'register') return `${REPORT_WORDS.registerInput[lang]}: ${l.api}`;
    if (l.kind === 'dataset') return `${REPORT_WORDS.datasetInput[lang]} «${l.dataset}» ${l.periods.join(', ')}: ${l.sources.join('; ')}`;
    return `${l.document}, ${REPORT_WORDS.lines[lang]} ${l.lines}`;
  });
}

/** A table row per group: its label, Sapa's value, the published one and the difference. */
export function tableRows(values: IndicatorValues, lang: Lang): string[][] {
  const f = (n: number | null) => formatNumber(n, lang, values.unit);
  const rows = values.values.map((v) => [v.label[lang], f(v.value), v.published ? f(v.published.value) : '—', f(v.difference)]);
  rows.push([REPORT_WORDS.total[lang], f(values.total.value), values.total.published ? f(values.total.published.value) : '—', f(values.total.difference)]);
  return rows;
}

// The national report and an agency's yearly activity report: chapters in the National Report's
// order (seed 003) holding, where data exists, one numbered figure per indicator view (its chart
// and the same data as a table), each naming its indicator and sources; an annex of definitions.
// The HTML and PDF renderers (report-html.ts, report-pdf.ts) draw this one model.
import type { Ctx } from '../platform/context.ts';
import type { Lang } from '../platform/i18n/i18n.ts';
import { can, canEverywhere, organizationsOf } from '../platform/access/roles.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { organizationFacts } from '../registry/indicator-facts.api.ts';
import { organizationIdByKey, organizationsByIds } from '../registry/registry.api.ts';
import { todayInAlmaty } from '../platform/calendar/calendar.ts';
import { CATALOGUE, type DimensionId } from './catalogue.ts';
import { type ChartRow, chartSvg } from './chart.ts';
import { type IndicatorQuery, type IndicatorValues, indicatorValues } from './indicators.service.ts';
import { CHAPTER_TITLES, type ChapterId, REPORT_WORDS } from './report-words.ts';

type FigureSpec = { indicator: string; by: DimensionId; filters?: Partial<Record<DimensionId, string>> };
type ChapterSpec = { id: ChapterId; figures: FigureSpec[] };

const NATIONAL: ChapterSpec[] = [
  { id: 'network', figures: [{ indicator: 'organizations', by: 'kind' }, { indicator: 'universities-by-legal-form', by: 'legalForm' }, { indicator: 'organizations', by: 'region' }] },
  {
    id: 'programmes',
    figures: [
      { indicator: 'programmes', by: 'field' },
      { indicator: 'programmes', by: 'level' },
      { indicator: 'programmes-innovative-share', by: 'field' },
      { indicator: 'programmes-standard-based-share', by: 'level' },
    ],
  },
  {
    id: 'quality',
    figures: [
      { indicator: 'programmes-accredited-share', by: 'field' },
      { indicator: 'organizations-accredited-share', by: 'region' },
      { indicator: 'agency-activity', by: 'year' },
      { indicator: 'accreditations-expiring', by: 'body' },
    ],
  },
  { id: 'students', figures: [{ indicator: 'students', by: 'level' }, { indicator: 'gross-enrolment-ratio', by: 'region' }, { indicator: 'state-grants', by: 'level' }] },
  { id: 'faculty', figures: [{ indicator: 'faculty', by: 'degree' }, { indicator: 'faculty', by: 'title' }] },
  { id: 'credentials', figures: [{ indicator: 'credentials-issued', by: 'year' }, { indicator: 'credentials-issued', by: 'field' }] },
];

const agencyChapters = (body: string): ChapterSpec[] => [
  {
    id: 'activity',
    figures: [
      { indicator: 'agency-activity', by: 'year', filters: { body } },
      { indicator: 'agency-activity', by: 'measure', filters: { body } },
    ],
  },
  {
    id: 'decisions',
    figures: [
      { indicator: 'accreditations-expiring', by: 'decisionKind', filters: { body } },
      { indicator: 'programmes-accredited-share', by: 'field', filters: { body } },
    ],
  },
];

export type ReportFigure = {
  /** "3.2": chapter and place; the figure and its table share it */
  number: string;
  indicatorId: string;
  title: string;
  /** the dimension grouped by, in the report's language */
  byName: string;
  /** the dashboard page of the same view */
  href: string;
  values: IndicatorValues;
  chartSvg: string;
  chartRows: ChartRow[];
};
export type ReportChapter = { number: number; id: ChapterId; title: string; figures: ReportFigure[] };
export type Report = {
  kind: 'national' | 'agency';
  lang: Lang;
  year: number;
  asOf: string;
  title: string;
  subtitle: string | null;
  dataVersion: string;
  chapters: ReportChapter[];
  /** every indicator the report shows, with its definition and formula */
  annex: { indicatorId: string; name: string; definition: string; formula: string; unit: string }[];
  /** indicators the report asked for that have no data */
  leftOut: string[];
  syntheticLeftOut: number;
};

export type ReportOptions = { kind: 'national' | 'agency'; year: number; lang: Lang; body?: string; onProgress?: (step: string, done: number, total: number) => void };

const hasData = (v: IndicatorValues) => v.values.some((x) => (x.value !== null && x.value !== 0) || x.published) || (v.total.value ?? 0) > 0;

/** The last day of the year, or today for the current year. */
const asOfFor = (year: number) => {
  const end = `${year}-12-31`;
  const today = todayInAlmaty();
  return end < today ? end : today;
};

/** The years a report may be asked for: from the first the seeds cover to the current one. */
export const REPORT_YEARS = { from: 2015, to: () => Number(todayInAlmaty().slice(0, 4)) };

/**
 * Who may have which report: the national one needs `indicators.report` everywhere (the ministry);
 * an agency's yearly report needs it for that body (its own staff and head, or the ministry).
 */
export async function buildReport(ctx: Ctx, options: ReportOptions): Promise<Report> {
  const { lang, year } = options;
  const word = (m: { kk: string; ru: string; en: string }) => m[lang];
  let specs = NATIONAL;
  let subtitle: string | null = null;
  if (options.kind === 'national' && !canEverywhere(ctx.actor, 'indicators.report')) throw forbidden('indicators.report');
  if (options.kind === 'agency') {
    const bodyId = options.body && (/^[0-9a-f-]{36}$/i.test(options.body) ? options.body : await organizationIdByKey(ctx.db, options.body));
    if (!bodyId || !can(ctx.actor, 'indicators.report', { organizationIds: [bodyId] })) {
      // Only who may have some body's report learns whether a body exists.
      if (!bodyId && canEverywhere(ctx.actor, 'indicators.report')) throw notFound('organization', options.body ?? '');
      throw forbidden('indicators.report');
    }
    specs = agencyChapters(bodyId);
  }
  const asOf = asOfFor(year);
  const total = specs.reduce((n, c) => n + c.figures.length, 0);
  let done = 0;
  const chapters: ReportChapter[] = [];
  const leftOut = new Set<string>();
  const shown = new Set<string>();
  let dataVersion = '';
  let syntheticLeftOut = 0;
  for (const spec of specs) {
    const figures: ReportFigure[] = [];
    for (const f of spec.figures) {
      options.onProgress?.(word(CHAPTER_TITLES[spec.id]), done, total);
      const query: IndicatorQuery = { by: f.by, asOf, ...f.filters };
      const values = await indicatorValues(ctx, f.indicator, query);
      done++;
      dataVersion = values.dataVersion;
      syntheticLeftOut = Math.max(syntheticLeftOut, values.syntheticLeftOut);
      if (options.kind === 'agency' && !subtitle && f.filters?.body) subtitle = await bodyName(ctx, values, f.filters.body, lang);
      if (!hasData(values)) {
        leftOut.add(word(values.name));
        continue;
      }
      shown.add(f.indicator);
      const byName = word(values.dimensions.find((d) => d.id === f.by)?.name ?? { kk: f.by, ru: f.by, en: f.by });
      const rows = chartRows(values, lang);
      const number = `${chapters.length + 1}.${figures.length + 1}`;
      const title = `${word(values.name)}: ${byName}`;
      const params = new URLSearchParams({ by: f.by, asOf, ...Object.fromEntries(Object.entries(f.filters ?? {}).filter((e): e is [string, string] => !!e[1])) });
      figures.push({
        number,
        indicatorId: f.indicator,
        title,
        byName,
        href: `/${lang}/indicators/${f.indicator}?${params}`,
        values,
        chartRows: rows,
        chartSvg: await chartSvg(rows, { title, valueAxis: word(REPORT_WORDS.sapa), groupAxis: byName, seriesLegend: word(REPORT_WORDS.sources), unit: values.unit }, lang),
      });
    }
    if (figures.length) chapters.push({ number: chapters.length + 1, id: spec.id, title: word(CHAPTER_TITLES[spec.id]), figures });
  }
  options.onProgress?.(word(REPORT_WORDS.annex), total, total);
  for (const name of shown) leftOut.delete(name);
  return {
    kind: options.kind,
    lang,
    year,
    asOf,
    title: `${word(options.kind === 'national' ? REPORT_WORDS.nationalTitle : REPORT_WORDS.agencyTitle)} — ${year}`,
    subtitle,
    dataVersion,
    chapters,
    annex: CATALOGUE.filter((d) => shown.has(d.id)).map((d) => ({ indicatorId: d.id, name: word(d.name), definition: word(d.definition), formula: d.formula, unit: d.unit })),
    leftOut: [...leftOut].filter((name) => !CATALOGUE.some((d) => shown.has(d.id) && word(d.name) === name)),
    syntheticLeftOut,
  };
}

export type ReportChoices = { national: boolean; bodies: { id: string; name: { kk: string; ru: string; en: string } }[]; years: number[] };

/** The reports the actor may have: the national one, and the bodies whose yearly report it may see. */
export async function reportChoices(ctx: Ctx): Promise<ReportChoices> {
  const national = canEverywhere(ctx.actor, 'indicators.report');
  const years = Array.from({ length: REPORT_YEARS.to() - REPORT_YEARS.from + 1 }, (_, i) => REPORT_YEARS.to() - i);
  // The ministry may have any accreditation body's report; a body's staff their own body's.
  const ids = national
    ? (await organizationFacts(ctx.db)).filter((o) => o.kind === 'accreditation-body' && !o.isSynthetic).map((o) => o.id)
    : [...new Set(organizationsOf(ctx.actor, ['agency-staff', 'agency-head']))].filter((id) => can(ctx.actor, 'indicators.report', { organizationIds: [id] }));
  const orgs = await organizationsByIds(ctx.db, ids);
  const bodies = orgs.map((o) => ({ id: o.id, name: { kk: o.short_name ?? o.name_kk, ru: o.short_name ?? o.name_ru, en: o.short_name ?? o.name_en ?? o.name_ru } }));
  return { national, bodies: bodies.sort((a, b) => a.name.en.localeCompare(b.name.en)), years };
}

/** The file name of a report, without extension (the CLI and the workspace download use it). */
export const reportFileName = (options: Pick<ReportOptions, 'kind' | 'year' | 'lang' | 'body'>) =>
  options.kind === 'national' ? `national-report-${options.year}-${options.lang}` : `agency-report-${options.body}-${options.year}-${options.lang}`;

function chartRows(values: IndicatorValues, lang: Lang): ChartRow[] {
  const sapa = REPORT_WORDS.sapa[lang];
  const published = REPORT_WORDS.published[lang];
  return values.values.flatMap((v) => [
    ...(v.value !== null ? [{ label: v.label[lang], series: sapa, value: v.value }] : []),
    ...(v.published ? [{ label: v.label[lang], series: published, value: v.published.value }] : []),
  ]);
}

async function bodyName(ctx: Ctx, values: IndicatorValues, bodyId: string, lang: Lang): Promise<string> {
  const byBody = await indicatorValues(ctx, 'agency-activity', { by: 'body', asOf: values.asOf });
  const found = byBody.values.find((v) => v.key === bodyId);
  return found ? `${REPORT_WORDS.body[lang]}: ${found.label[lang]}` : `${REPORT_WORDS.body[lang]}: ${bodyId}`;
}

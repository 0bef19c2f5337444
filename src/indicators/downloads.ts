// The data behind an indicator's chart as a table (CSV, XLSX), with headers in the reader's
// language and every published figure's document and line.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Lang } from '../platform/i18n/i18n.ts';
import { pickLang } from '../platform/i18n/lang-map.ts';
import type { IndicatorValues } from './indicators.service.ts';

const HEADERS: Record<Lang, string[]> = {
  kk: ['Код', 'Топ', 'Sapa мәні', 'Алым', 'Бөлім', 'Жарияланған мән', 'Жарияланған жылы', 'Құжат', 'Жолдар', 'Айырма'],
  ru: ['Код', 'Группа', 'Значение Sapa', 'Числитель', 'Знаменатель', 'Опубликованное значение', 'Год публикации', 'Документ', 'Строки', 'Разница'],
  en: ['Key', 'Group', 'Sapa value', 'Numerator', 'Denominator', 'Published value', 'Published year', 'Document', 'Lines', 'Difference'],
};

type Cell = string | number | null;

export function indicatorTable(values: IndicatorValues, lang: Lang): { header: string[]; rows: Cell[][] } {
  const rows = values.values.map((v) => [
    v.key,
    pickLang(v.label, lang, ['kk', 'ru', 'en']).text,
    v.value,
    v.numerator ?? null,
    v.denominator ?? null,
    v.published?.value ?? null,
    v.published?.year ?? null,
    v.published?.source.document ?? null,
    v.published?.source.lines ?? null,
    v.difference,
  ]);
  return { header: HEADERS[lang], rows };
}

export function indicatorCsv(values: IndicatorValues, lang: Lang): string {
  const { header, rows } = indicatorTable(values, lang);
  return stringify([header, ...rows.map((r) => r.map((c) => (c === null ? '' : c)))], { bom: true });
}

export async function indicatorXlsx(values: IndicatorValues, lang: Lang): Promise<Uint8Array<ArrayBuffer>> {
  const { header, rows } = indicatorTable(values, lang);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(values.id.slice(0, 31));
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

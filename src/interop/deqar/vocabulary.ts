// DEQAR's own values (EQAR's deqar-docs, report_data.md): status, decision and QF-EHEA level are
// strings naming the value or giving its DEQAR id; dates follow the report's date_format. Pure.

export const DEQAR_STATUSES = { '1': 'part of obligatory EQA system', '2': 'voluntary' } as const;
export const DEQAR_DECISIONS = {
  '1': 'positive',
  '2': 'positive with conditions or restrictions',
  '3': 'negative',
  '4': 'not applicable',
} as const;
export const QF_EHEA_LEVELS = { '0': 'short cycle', '1': 'first cycle', '2': 'second cycle', '3': 'third cycle' } as const;

export type DeqarStatus = (typeof DEQAR_STATUSES)[keyof typeof DEQAR_STATUSES];
export type DeqarDecision = (typeof DEQAR_DECISIONS)[keyof typeof DEQAR_DECISIONS];
export type QfEheaLevel = (typeof QF_EHEA_LEVELS)[keyof typeof QF_EHEA_LEVELS];

/** A value given as its DEQAR id ("1") or its name ("positive", any case), as the name; undefined when neither. */
export function deqarValue<T extends Record<string, string>>(table: T, given: string): T[keyof T] | undefined {
  const value = given.trim().toLowerCase();
  if (value in table) return table[value as keyof T];
  return (Object.values(table) as T[keyof T][]).find((name) => name.toLowerCase() === value);
}

/** DEQAR's QF-EHEA levels also come as "0 - short cycle" in its CSV template. */
export function qfEheaLevel(given: string): QfEheaLevel | undefined {
  const plain = given.trim().toLowerCase().replace(/^\d\s*-\s*/, '');
  return deqarValue(QF_EHEA_LEVELS, plain) ?? deqarValue(QF_EHEA_LEVELS, given);
}

/** Kazakhstan's NQF levels 5–8 are the EQF's, which DEQAR equates with the QF-EHEA cycles. */
export function qfEheaOfNqf(level: number): QfEheaLevel | undefined {
  return ({ 5: 'short cycle', 6: 'first cycle', 7: 'second cycle', 8: 'third cycle' } as const)[level];
}

export function nqfOfQfEhea(level: QfEheaLevel): number {
  return { 'short cycle': 5, 'first cycle': 6, 'second cycle': 7, 'third cycle': 8 }[level];
}

// --- date_format: the strftime subset DEQAR documents (%d %-d %m %-m %Y %y) -----------------------

const DIRECTIVES: Record<string, { pattern: string; part: 'day' | 'month' | 'year' | 'year2' }> = {
  '%d': { pattern: '(\\d{2})', part: 'day' },
  '%-d': { pattern: '(\\d{1,2})', part: 'day' },
  '%m': { pattern: '(\\d{2})', part: 'month' },
  '%-m': { pattern: '(\\d{1,2})', part: 'month' },
  '%Y': { pattern: '(\\d{4})', part: 'year' },
  '%y': { pattern: '(\\d{2})', part: 'year2' },
};
const TOKEN = /%-?[dmYy]/g;

/** Whether the format uses only the directives DEQAR documents and names a day, month and year. */
export function isDateFormat(format: string): boolean {
  const tokens = format.match(TOKEN) ?? [];
  const parts = new Set(tokens.map((t) => DIRECTIVES[t]?.part.replace('year2', 'year')));
  return parts.size === 3 && tokens.length === 3 && !/%(?!-?[dmYy])/.test(format);
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` read with `format` as an ISO date (YYYY-MM-DD); undefined when it does not match or is no date. */
export function parseDeqarDate(text: string, format: string): string | undefined {
  const parts: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    const directive = DIRECTIVES[m[0]];
    if (!directive) return undefined;
    pattern += literal(format.slice(last, m.index)) + directive.pattern;
    parts.push(directive.part);
    last = (m.index ?? 0) + m[0].length;
  }
  pattern += literal(format.slice(last));
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!match) return undefined;
  const value = (part: string) => Number(match[parts.indexOf(part) + 1]);
  const year = parts.includes('year') ? value('year') : 2000 + value('year2');
  const iso = `${String(year).padStart(4, '0')}-${String(value('month')).padStart(2, '0')}-${String(value('day')).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** DEQAR's rule for a report without valid_to: valid for six years from valid_from. */
export function sixYearsFrom(validFrom: string): string {
  const date = new Date(`${validFrom}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + 6);
  return date.toISOString().slice(0, 10);
}

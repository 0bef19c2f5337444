// Kazakhstan's working-day calendar (Asia/Almaty): weekends, public holidays, the day off that
// replaces a holiday falling on a weekend, and the government's yearly transfers. Holidays are
// data (data/reference/kz-holidays.json), so a new year or a new decree is a data change.
//
// Dates are ISO calendar dates ('YYYY-MM-DD') throughout: a legal deadline is a day, not an instant.
//
// Periods given in months or weeks (contract: 1 month; draft report: 3 weeks) are counted in
// calendar time and, when the last day is not a working day, end on the next working day
// (Civil Code of the Republic of Kazakhstan, art. 173). Periods given in working days (publication:
// 3, 10, 30) count only working days. `dueAfter` applies both rules.
import { readFileSync } from 'node:fs';

type LangName = { kk: string; ru: string; en: string };
type HolidayRule = { date: string; key: string; shiftIfWeekend: boolean; estimated?: boolean; name: LangName };
type HolidayData = { fixed: HolidayRule[]; movable: HolidayRule[]; transfers: { dayOff: string; workingDay: string; note?: string }[]; coveredYears: [number, number] };

export type Holiday = { date: string; key: string; name: LangName; kind: 'holiday' | 'moved' | 'transfer'; estimated: boolean };

const DATA: HolidayData = JSON.parse(readFileSync(new URL('../../../data/reference/kz-holidays.json', import.meta.url), 'utf8'));

const DAY_MS = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return toIso(new Date(toDate(date).getTime() + n * DAY_MS));
}

const isWeekend = (date: string) => {
  const day = toDate(date).getUTCDay();
  return day === 0 || day === 6;
};

const yearCache = new Map<number, { off: Map<string, Holiday>; working: Set<string> }>();

/** The days off of one year: holidays, the weekday that replaces a holiday on a weekend, transfers. */
function yearOf(year: number) {
  const cached = yearCache.get(year);
  if (cached) return cached;
  const off = new Map<string, Holiday>();
  const rules = [
    ...DATA.fixed.map((h) => ({ ...h, date: `${year}-${h.date}` })),
    ...DATA.movable.filter((h) => h.date.startsWith(`${year}-`)),
  ].sort((a, b) => a.date.localeCompare(b.date));
  for (const h of rules) off.set(h.date, { date: h.date, key: h.key, name: h.name, kind: 'holiday', estimated: h.estimated ?? false });
  // The replacement day is the first weekday after the holiday that is not already a day off,
  // so Nauryz on Sat-Sun-Mon gives Tuesday and Wednesday.
  for (const h of rules) {
    if (!h.shiftIfWeekend || !isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || off.has(d)) d = addDays(d, 1);
    off.set(d, { date: d, key: h.key, name: h.name, kind: 'moved', estimated: h.estimated ?? false });
  }
  const working = new Set<string>();
  for (const t of DATA.transfers) {
    if (t.dayOff.startsWith(`${year}-`)) off.set(t.dayOff, { date: t.dayOff, key: 'transfer', name: { kk: 'Ауыстырылған демалыс күні', ru: 'Перенесённый день отдыха', en: 'Transferred day off' }, kind: 'transfer', estimated: false });
    if (t.workingDay.startsWith(`${year}-`)) working.add(t.workingDay);
  }
  const result = { off, working };
  yearCache.set(year, result);
  return result;
}

/** The years whose movable holidays are in the data; outside them only the fixed holidays count. */
export const COVERED_YEARS = DATA.coveredYears;

export function isWorkingDay(date: string): boolean {
  const y = yearOf(Number(date.slice(0, 4)));
  if (y.working.has(date)) return true;
  return !isWeekend(date) && !y.off.has(date);
}

/** Every day off that is not a plain weekend, in one year, in date order. */
export function holidaysOf(year: number): Holiday[] {
  return [...yearOf(year).off.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The n-th working day after `date` (n ≥ 0); n = 0 gives `date` itself or the next working day. */
export function addWorkingDays(date: string, n: number): string {
  if (n < 0) throw new RangeError('addWorkingDays counts forward only');
  let d = date;
  if (n === 0) return nextWorkingDay(d);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** `date` when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** Working days after a up to and including b; negative when b is before a. */
export function workingDaysBetween(a: string, b: string): number {
  if (b < a) return -workingDaysBetween(b, a);
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}

/** Same day n months later; a day missing from the shorter month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return toIso(first);
}

export type Period = { unit: 'months' | 'weeks' | 'days' | 'working-days'; amount: number };

/** The due date of a period started on `start` (see the header for the rules). */
export function dueAfter(start: string, period: Period): string {
  switch (period.unit) {
    case 'working-days':
      return addWorkingDays(start, period.amount);
    case 'months':
      return nextWorkingDay(addMonths(start, period.amount));
    case 'weeks':
      return nextWorkingDay(addDays(start, 7 * period.amount));
    case 'days':
      return nextWorkingDay(addDays(start, period.amount));
  }
}

/** Today's date in Kazakhstan (UTC+5 across the country since 1 March 2024). */
// Built once: constructing a DateTimeFormat costs far more than formatting with it, and "today" is
// asked for on every request and every seeded record.
const ALMATY_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInAlmaty(now: Date = new Date()): string {
  return ALMATY_DATE.format(now);
}

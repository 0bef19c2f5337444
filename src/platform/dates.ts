// The one parser of calendar dates (YYYY-MM-DD) and date-times (RFC 3339 with an offset) that
// every parameter and body field goes through: it answers null for anything else and never throws.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;

/** The day itself if `value` is a real calendar day from year 0001 to 9999 (2025-02-30 is not). */
export function parseIsoDate(value: string): string | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  return day <= daysInMonth ? value : null;
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The instant of an RFC 3339 date-time with an explicit offset, or null. */
export function parseIsoDateTime(value: string): Date | null {
  const m = DATE_TIME.exec(value);
  if (!m || !parseIsoDate(m[1] as string)) return null;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) return null;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

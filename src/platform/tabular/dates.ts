// Dates as spreadsheets write them: ISO (2026-01-15) or the day-first form used in Kazakhstan and
// Russia (15.01.2026, also 15/01/2026). Returns the ISO date, or null for anything else or a day
// that does not exist (31.02.2026).
export function parseDay(value: string): string | null {
  const text = value.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  let year: string | undefined;
  let month: string | undefined;
  let day: string | undefined;
  if (match) [, year, month, day] = match;
  else {
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
    if (!match) return null;
    [, day, month, year] = match;
  }
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}

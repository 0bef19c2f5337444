// Formulas over imported statistics datasets, pure. An observation carries some dimensions; a blank
// one is the total over it (a file may give "all students of region R" beside "female students of
// region R"), so a sum never adds a total to its own parts: a row that a more general row covers
// (the same values wherever the general row gives one) is left out.
import { type Cell, percent } from './indicators.rules.ts';

export type Observation = { value: number; period: string } & Record<string, string | number | null>;

const sortCells = (a: Cell, b: Cell) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1);

/**
 * Leaves out every row another row already counts: a row blank on some dimensions is the total over
 * them for the values it does give, so it covers each row that agrees with it where it is not blank.
 */
function totalsOnly<T extends Observation>(rows: readonly T[], dims: readonly string[]): T[] {
  const covers = (t: T, r: T) => t !== r && dims.every((d) => t[d] === null || t[d] === r[d]) && dims.some((d) => t[d] === null && r[d] !== null);
  return rows.filter((r) => !rows.some((t) => covers(t, r)));
}

const sum = (rows: readonly Observation[]) => rows.reduce((s, r) => s + r.value, 0);

/**
 * The sum of the observations per group of `by` (rows blank on `by` are totals and left out of the
 * groups), or one total without `by`, over the rows that match every filter. `dims` are every
 * dimension the dataset may carry.
 */
export function sumObservations<T extends Observation>(rows: readonly T[], dims: readonly string[], by: string | undefined, filters: Record<string, string>): Cell[] {
  const matching = rows.filter((r) => Object.entries(filters).every(([dim, value]) => r[dim] === value));
  if (!by) {
    const kept = totalsOnly(matching, dims);
    return [{ key: null, value: kept.length ? sum(kept) : null }];
  }
  const groups = new Map<string, T[]>();
  for (const r of matching) {
    const key = r[by];
    if (key === null || key === undefined) continue;
    groups.set(String(key), [...(groups.get(String(key)) ?? []), r]);
  }
  return [...groups].map(([key, group]) => ({ key, value: sum(totalsOnly(group, dims)) })).sort(sortCells);
}

/** The year a period starts in ("2023-2024" → 2023). */
export const yearOf = (period: string) => Number(period.slice(0, 4));

/** The newest year present in every one of the row sets, or null when they share none. */
export function newestCommonYear(...sets: readonly (readonly Observation[])[]): number | null {
  const years = sets.map((rows) => new Set(rows.map((r) => yearOf(r.period))));
  const common = [...(years[0] ?? [])].filter((y) => years.every((s) => s.has(y)));
  return common.length ? Math.max(...common) : null;
}

/** Population rows of the ages 18–22: the band "18-22" where the file gives it, else single ages 18 to 22. */
export function agedEighteenToTwentyTwo<T extends Observation>(population: readonly T[]): T[] {
  const band = population.filter((r) => r.age === '18-22');
  if (band.length) return band;
  return population.filter((r) => typeof r.age === 'string' && /^\d+$/.test(r.age) && Number(r.age) >= 18 && Number(r.age) <= 22);
}

/**
 * Gross enrolment ratio: students in ISCED 5–8 (any age) over the population aged 18–22, per cent,
 * per group of `by` (or one total); a group without population gives no value.
 */
export function grossEnrolmentRatio<T extends Observation>(students: readonly T[], population: readonly T[], by: string | undefined, filters: Record<string, string>): Cell[] {
  const enrolled = sumObservations(students, ['region', 'level', 'gender', 'funding'], by, filters);
  const cohort = sumObservations(agedEighteenToTwentyTwo(population).map((r) => ({ ...r, age: null })), ['region', 'gender', 'age'], by, filters);
  const keys = [...new Set([...enrolled.map((c) => c.key), ...cohort.map((c) => c.key)])];
  return keys
    .map((key) => {
      const numerator = enrolled.find((c) => c.key === key)?.value ?? 0;
      const denominator = cohort.find((c) => c.key === key)?.value ?? 0;
      return { key, value: percent(numerator, denominator), numerator, denominator };
    })
    .sort(sortCells);
}

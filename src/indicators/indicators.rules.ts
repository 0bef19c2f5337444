// The formulas of the national indicators, pure: counts and shares of plain rows grouped by one
// dimension and filtered by others, and the side-by-side of a computed figure with the published
// one. No database; the service hands in rows from the owners' read APIs.

/** A dimension of a row: one value, several (a programme taught in two languages counts in each) or none. */
export type Dim<T> = {
  id: string;
  of: (row: T) => string | readonly string[] | null;
  /** restricts only the numerator of a share (e.g. the body: share of all programmes accredited by this body) */
  numeratorOnly?: boolean;
};

export type Filter<T> = { dim: Dim<T>; value: string };

/** One value of an indicator: the group (null when the value is not stated), the figure, and for shares its parts. */
export type Cell = { key: string | null; value: number | null; numerator?: number; denominator?: number };

const valuesOf = <T>(dim: Dim<T>, row: T): (string | null)[] => {
  const v = dim.of(row);
  if (v === null || v === undefined) return [null];
  if (typeof v === 'string') return [v];
  return v.length ? [...new Set(v)] : [null];
};

const passes = <T>(row: T, filters: readonly Filter<T>[]) => filters.every((f) => valuesOf(f.dim, row).includes(f.value));

const byKey = (a: Cell, b: Cell) => (a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1);

/** Sum of `weight` (1 by default) per group of `by`, over the rows that pass every filter; without `by`, one total. */
export function countBy<T>(rows: readonly T[], by: Dim<T> | undefined, filters: readonly Filter<T>[], weight: (row: T) => number = () => 1): Cell[] {
  const sums = new Map<string | null, number>();
  for (const row of rows) {
    if (!passes(row, filters)) continue;
    for (const key of by ? valuesOf(by, row) : [null]) sums.set(key, (sums.get(key) ?? 0) + weight(row));
  }
  if (!by) return [{ key: null, value: sums.get(null) ?? 0 }];
  return [...sums].map(([key, value]) => ({ key, value })).sort(byKey);
}

/** A percentage, one decimal; null for an empty group rather than a division by zero. */
export const percent = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10);

/**
 * The share (%) of rows for which `counted` holds, per group of `by`. Filters on ordinary
 * dimensions narrow both parts; filters on a numerator-only dimension narrow the numerator only,
 * and grouping by one gives each value's numerator over the whole denominator.
 */
export function shareBy<T>(rows: readonly T[], by: Dim<T> | undefined, filters: readonly Filter<T>[], counted: (row: T) => boolean): Cell[] {
  const narrowing = filters.filter((f) => !f.dim.numeratorOnly);
  const numeratorOnly = filters.filter((f) => f.dim.numeratorOnly);
  const base = rows.filter((r) => passes(r, narrowing));
  const parts = new Map<string | null, { numerator: number; denominator: number }>();
  const part = (key: string | null) => {
    const found = parts.get(key);
    if (found) return found;
    const fresh = { numerator: 0, denominator: by?.numeratorOnly ? base.length : 0 };
    parts.set(key, fresh);
    return fresh;
  };
  for (const row of base) {
    const inNumerator = counted(row) && passes(row, numeratorOnly);
    const keys = by ? valuesOf(by, row) : [null];
    for (const key of keys) {
      if (by?.numeratorOnly) {
        if (key !== null && inNumerator) part(key).numerator++;
      } else {
        const p = part(key);
        p.denominator++;
        if (inNumerator) p.numerator++;
      }
    }
  }
  if (!by && !parts.size) part(null);
  return [...parts].map(([key, p]) => ({ key, value: percent(p.numerator, p.denominator), ...p })).sort(byKey);
}

/** A published figure for one group of the same indicator (its key on the grouping dimension). */
export type Published = { key: string | null; value: number };

export type Compared = { key: string | null; computed: number | null; published: number | null; difference: number | null };

/**
 * Computed and published figures side by side, one row per group either has; difference =
 * computed − published. `absent` is what a group the register lacks counts as: 0 for a count
 * (nothing of that kind is registered), null for a share (there is nothing to divide).
 */
export function compareWithPublished(computed: readonly Cell[], published: readonly Published[], absent: number | null = null): Compared[] {
  const keys = [...new Set([...published.map((p) => p.key), ...computed.map((c) => c.key)])];
  return keys.map((key) => {
    const found = computed.find((x) => x.key === key);
    const c = found ? found.value : absent;
    const p = published.find((x) => x.key === key)?.value ?? null;
    return { key, computed: c, published: p, difference: c === null || p === null ? null : Math.round((c - p) * 10) / 10 };
  });
}
